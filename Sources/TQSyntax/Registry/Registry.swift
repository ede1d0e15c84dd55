/// The one registry of everything a user can type: statements, verbs, functions,
/// aggregates, models and dot commands.
///
/// `help` is generated from it, the shell completes from it, `explain` reads it, and
/// the parser takes its "did you mean" candidates from it, so a verb added later
/// appears everywhere by registering once (add an entry to one of the `Registry+*.swift`
/// tables).
public enum Registry {
  /// All entries, grouped by kind in display order.
  public static let all: [Entry] = statements + verbs + journeyVerbs + functions + aggregates + models + dotCommands

  /// The entries of one kind.
  public static func entries(_ kind: Entry.Kind) -> [Entry] { all.filter { $0.kind == kind } }

  /// The names (and aliases) of one kind.
  public static func names(_ kind: Entry.Kind) -> [String] {
    entries(kind).flatMap { [$0.name] + $0.aliases }
  }

  /// Whether `name` is a verb that answers journey questions (reads roles, not columns).
  public static func isJourneyVerb(_ name: String) -> Bool { journeyVerbs.contains { $0.name == name } }

  /// The entry called `name` (or with that alias), optionally of one kind.
  public static func lookup(_ name: String, kind: Entry.Kind? = nil) -> Entry? {
    let l = name.lowercased()
    return all.first { ($0.name == l || $0.aliases.contains(l)) && (kind == nil || $0.kind == kind) }
  }

  /// One thing a user can type.
  public struct Entry: Sendable, Hashable {
    /// What sort of thing it is.
    public enum Kind: String, Sendable, CaseIterable {
      case statement, verb, function, aggregate, model
      case dotCommand = "dot command"
    }

    /// What sort of thing it is.
    public var kind: Kind
    /// Its name (`where`, `lower`, `.mode`).
    public var name: String
    /// Other spellings accepted as the same (`filter` for `where`).
    public var aliases: [String]
    /// How it is written.
    public var syntax: String
    /// One line on what it does.
    public var summary: String
    /// An example that runs on the bundled `shop` dataset.
    public var example: String

    /// Creates an entry.
    public init(_ kind: Kind, _ name: String, aliases: [String] = [], syntax: String, summary: String, example: String) {
      self.kind = kind
      self.name = name
      self.aliases = aliases
      self.syntax = syntax
      self.summary = summary
      self.example = example
    }
  }

  /// Words of other query languages and the tq verb that does their job.
  public static let foreignWords: [String: String] = [
    "summarize": "group", "summarise": "group", "aggregate": "group", "project": "select",
    "extend": "derive", "mutate": "derive", "top": "sort", "order": "sort", "orderby": "sort",
    "arrange": "sort", "head": "take", "count": "group", "from": "load", "groupby": "group",
    "having": "where", "unique": "distinct", "with_columns": "derive", "filter_by": "where",
  ]
}
