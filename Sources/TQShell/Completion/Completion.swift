/// What Tab can put at the cursor: the word being typed and the candidates for it.
public struct Completion: Equatable, Sendable {
  /// The text just before the cursor that a candidate replaces (may be empty).
  public var word: String
  /// The candidates, sorted, without duplicates.
  public var candidates: [Candidate]

  /// Creates a completion of `word` by those candidates of `pool` that start with it
  /// (case-sensitively, or ignoring case when none does).
  public init(word: String, pool: [Candidate]) {
    self.word = word
    var exact = pool.filter { $0.text.hasPrefix(word) }
    if exact.isEmpty {
      let lower = word.lowercased()
      exact = pool.filter { $0.text.lowercased().hasPrefix(lower) }
    }
    var seen = Set<String>()
    candidates = exact.sorted { $0.text < $1.text }.filter { seen.insert($0.text).inserted }
  }

  /// No candidates.
  public static let none = Completion(word: "", pool: [])

  /// The candidates' texts.
  public var texts: [String] { candidates.map(\.text) }

  /// The edit Tab makes: replace the word by the only candidate (and its suffix), or by the
  /// candidates' longest common prefix; `list` when there is more than one to show.
  public var edit: Edit? {
    guard let first = candidates.first else { return nil }
    if candidates.count == 1 { return Edit(delete: word, insert: first.text + first.suffix, list: false) }
    let common = Self.commonPrefix(texts)
    let grows = common.count > word.count || (common.count == word.count && common != word)
    return Edit(delete: grows ? word : "", insert: grows ? common : "", list: true)
  }

  /// The longest common prefix of some strings, by characters.
  static func commonPrefix(_ strings: [String]) -> String {
    guard var prefix = strings.first.map(Array.init) else { return "" }
    for s in strings.dropFirst() {
      let chars = Array(s)
      var n = 0
      while n < prefix.count, n < chars.count, prefix[n] == chars[n] { n += 1 }
      prefix.removeLast(prefix.count - n)
    }
    return String(prefix)
  }

  /// A change to the line: delete `delete` before the cursor, insert `insert`, maybe list.
  public struct Edit: Equatable, Sendable {
    /// The text before the cursor to remove (the word typed).
    public var delete: String
    /// The text to insert.
    public var insert: String
    /// Whether to show the candidates.
    public var list: Bool

    /// Creates an edit.
    public init(delete: String, insert: String, list: Bool) {
      self.delete = delete
      self.insert = insert
      self.list = list
    }
  }
}

/// One thing Tab can complete to.
public struct Candidate: Hashable, Sendable {
  /// What sort of thing it is (for the suffix and the listing).
  public enum Kind: String, Sendable {
    /// A statement, verb, function, aggregate, model or dot command of the registry.
    case statement, verb, function, aggregate, model, dotCommand
    /// A table or a column of the session.
    case table, column
    /// A literal word of a syntax line (`agg`, `csv`).
    case keyword
    /// A folder or a file.
    case directory, file
  }

  /// The text.
  public var text: String
  /// What it is.
  public var kind: Kind
  /// What follows a unique match: a space, `(` for a function, `/` for a folder, the
  /// closing quote for a file name.
  public var suffix: String

  /// Creates a candidate.
  public init(_ text: String, _ kind: Kind, suffix: String = " ") {
    self.text = text
    self.kind = kind
    self.suffix = suffix
  }

  /// How it is listed (folders end with `/`).
  public var display: String { kind == .directory ? text + "/" : text }
}
