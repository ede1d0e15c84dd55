/// A journey verb and its options (`paths top 10 by source_group collapse`, `attribute markov order 2`).
///
/// Journey verbs read a table's journey roles rather than columns by name, so one value type
/// holds the options of all of them; the binder checks which options each verb accepts.
public struct JourneyStage: Hashable, Sendable {
  /// Which journey verb.
  public enum Verb: String, Hashable, Sendable, CaseIterable {
    case journeys, paths, attribute, transitions, length, lag, funnel, pareto, assists, compare
  }

  /// Which journey verb.
  public var verb: Verb
  /// `top N` (paths).
  public var top: IntLiteral?
  /// `by column`: the touchpoint column (or, for pareto, the measure).
  public var by: Ident?
  /// `order K` (transitions).
  public var order: IntLiteral?
  /// `lookback 30d` (paths) or `within 30d` (funnel): a duration in µs.
  public var window: (value: Int64, range: SourceRange)?
  /// Bare words given as options (`collapse`, `all`, `stats`), with their spans.
  public var flags: [Ident]
  /// `attribute MODEL` or `attribute compare MODEL, …`.
  public var models: [ModelSpec]
  /// `attribute compare …`.
  public var compare: Bool
  /// `on value` (attribute compare).
  public var onValue: Bool
  /// `vs truth` (attribute compare on a generated table): the word `truth` as written.
  public var versus: Ident?
  /// The column of `funnel COLUMN [steps]` and `pareto COLUMN`.
  public var column: Ident?
  /// The steps of a funnel.
  public var steps: [Expr]
  /// `compare name = predicate, …`.
  public var groups: [Projection]

  /// Creates a journey stage with no options.
  public init(verb: Verb) {
    self.verb = verb
    flags = []
    models = []
    compare = false
    onValue = false
    steps = []
    groups = []
  }

  /// Whether a bare option word was given.
  public func has(_ flag: String) -> Bool { flags.contains { $0.name == flag } }

  public static func == (a: JourneyStage, b: JourneyStage) -> Bool {
    a.verb == b.verb && a.top == b.top && a.by == b.by && a.order == b.order && a.window?.value == b.window?.value
      && a.flags == b.flags && a.models == b.models && a.compare == b.compare && a.onValue == b.onValue
      && a.versus == b.versus && a.column == b.column && a.steps == b.steps && a.groups == b.groups
  }

  public func hash(into h: inout Hasher) {
    h.combine(verb)
    h.combine(models)
    h.combine(flags)
  }
}

/// An attribution model as written: `position(40, 20, 40)`, `markov order 2 without nulls`.
public struct ModelSpec: Hashable, Sendable {
  /// The model's name.
  public var name: Ident
  /// Arguments in parentheses.
  public var arguments: [Expr]
  /// `order K` (markov).
  public var order: IntLiteral?
  /// `without nulls` (markov).
  public var withoutNulls: Bool
  /// The model as written (the column name in `attribute compare`).
  public var text: String
  /// Where it is written.
  public var range: SourceRange

  /// Creates a model spec.
  public init(name: Ident, arguments: [Expr], order: IntLiteral?, withoutNulls: Bool, text: String, range: SourceRange) {
    self.name = name
    self.arguments = arguments
    self.order = order
    self.withoutNulls = withoutNulls
    self.text = text
    self.range = range
  }
}
