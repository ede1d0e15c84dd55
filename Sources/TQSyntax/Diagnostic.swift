/// An error tq reports: what went wrong, where, and what the user may have meant.
///
/// Diagnostics are data; `render()` turns them into the one format of the language
/// reference ("Errors"): a location line, the source line, carets under the span and
/// a hint such as `did you mean "channel"?`.
public struct Diagnostic: Error, Sendable, CustomStringConvertible {
  /// Where a diagnostic points.
  public enum Location: Sendable {
    /// A span of statement text.
    case source(SourceFile, SourceRange)
    /// A record and field of a data file (1-based line where the record starts, 1-based field).
    case file(path: String, line: Int, field: Int)
    /// Nowhere in particular (a command-line problem, an I/O failure without a row).
    case none
  }

  /// The message, lower-case, no final period.
  public var message: String
  /// Where it is.
  public var location: Location
  /// Text shown after the carets (`did you mean "channel"?`).
  public var hint: String?
  /// Further lines shown after the diagnostic.
  public var notes: [String]

  /// Creates a diagnostic.
  public init(_ message: String, at location: Location = .none, hint: String? = nil, notes: [String] = []) {
    self.message = message
    self.location = location
    self.hint = hint
    self.notes = notes
  }

  /// Creates a diagnostic on a span of source text.
  public init(_ message: String, in source: SourceFile, _ range: SourceRange, hint: String? = nil) {
    self.init(message, at: .source(source, range), hint: hint)
  }

  /// The rendered text, without colour.
  public var description: String { render() }

  /// Renders the diagnostic in tq's format.
  public func render() -> String {
    var out: String
    switch location {
    case .none:
      out = "error: \(message)"
      if let hint { out += " (\(hint))" }
    case .file(let path, let line, let field):
      out = "\(path):\(line):\(field): error: \(message)"
      if let hint { out += "\n  = \(hint)" }
    case .source(let src, let range):
      let (line, col) = src.location(of: range.start)
      out = "\(src.name):\(line):\(col): error: \(message)\n"
      let lineText = src.lineText(containing: range.start)
      let gutter = String(line)
      out += "\(gutter) | \(lineText)\n"
      let prefix = Array(lineText.prefix(col - 1))
      let pad = String(prefix.map { $0 == "\t" ? "\t" : " " })
      let (endLine, endCol) = src.location(of: range.end)
      let width = endLine == line ? max(1, endCol - col) : max(1, lineText.count - (col - 1))
      out += String(repeating: " ", count: gutter.count) + " | " + pad + String(repeating: "^", count: width)
      if let hint { out += " \(hint)" }
    }
    for n in notes { out += "\n\(n)" }
    return out
  }
}

/// Several diagnostics of one statement (the parser reports all it finds).
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
  /// The diagnostics in source order; never empty.
  public var diagnostics: [Diagnostic]

  /// Creates a list.
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

  /// All diagnostics rendered, one after the other.
  public var description: String { diagnostics.map { $0.render() }.joined(separator: "\n") }
}
