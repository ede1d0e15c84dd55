/// A golden `.tq` test file: sqllogictest-style records that are tq's behaviour spec.
///
/// Records are separated by blank lines; `#` lines are comments. Kinds:
/// - `statement ok` — the statement must succeed.
/// - `statement error` — it must fail; after `----`, text the rendered error must contain.
/// - `diagnostic` — it must fail; after `----`, the entire rendered diagnostic.
/// - `query <types> [nosort|rowsort]` — after `----`, the result rows, tab-separated,
///   `NULL` for null and `(empty)` for the empty string; one type letter per column
///   (`I` int, `R` float, `T` anything else). An `R` value matches when it is within a
///   relative 1e-12 of the expected one (sums whose additions tq orders for speed differ
///   from another engine's in the last bits).
public struct GoldenFile: Sendable {
  /// One record.
  public struct Record: Sendable {
    /// What the record checks.
    public enum Kind: Sendable, Equatable {
      case statementOK
      case statementError
      case diagnostic
      case query(types: String, rowsort: Bool)
    }

    /// What the record checks.
    public var kind: Kind
    /// The statement text.
    public var text: String
    /// The expected lines after `----` (nil when there is no `----`).
    public var expected: [String]?
    /// The line of the record's header in the file (1-based).
    public var line: Int
    /// The line index where the expected block starts, and how many lines it spans (for record mode).
    public var expectedSpan: (start: Int, count: Int)?
  }

  /// The file's path.
  public var path: String
  /// The records in order.
  public var records: [Record]
  /// The file's lines.
  public var lines: [String]

  /// Parses the text of a golden file.
  public init(path: String, text: String) throws {
    self.path = path
    lines = text.components(separatedBy: "\n")
    records = []
    var i = 0
    while i < lines.count {
      let header = lines[i].trimmingCharacters(in: .whitespaces)
      if header.isEmpty || header.hasPrefix("#") {
        i += 1
        continue
      }
      let words = header.split(separator: " ").map(String.init)
      let kind: Record.Kind
      switch (words.first, words.count > 1 ? words[1] : nil) {
      case ("statement", "ok"): kind = .statementOK
      case ("statement", "error"): kind = .statementError
      case ("diagnostic", _): kind = .diagnostic
      case ("query", let types?): kind = .query(types: types, rowsort: words.contains("rowsort"))
      default: throw GoldenError("\(path):\(i + 1): unknown record \"\(header)\"")
      }
      let start = i + 1
      i += 1
      var body: [String] = []
      while i < lines.count, !lines[i].isEmpty, lines[i] != "----" {
        body.append(lines[i])
        i += 1
      }
      var expected: [String]?
      var span: (Int, Int)?
      if i < lines.count, lines[i] == "----" {
        i += 1
        let s = i
        var e: [String] = []
        while i < lines.count, !lines[i].isEmpty {
          e.append(lines[i])
          i += 1
        }
        expected = e
        span = (s, e.count)
      }
      records.append(Record(kind: kind, text: body.joined(separator: "\n"), expected: expected, line: start, expectedSpan: span))
    }
  }
}

/// A malformed golden file.
public struct GoldenError: Error, CustomStringConvertible, Sendable {
  /// What is wrong, with file and line.
  public var description: String

  /// Creates the error.
  public init(_ d: String) { description = d }
}
