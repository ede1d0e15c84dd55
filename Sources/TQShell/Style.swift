/// ANSI colours for one output stream; plain text when disabled.
///
/// Colours appear only on a terminal and never when `NO_COLOR` is set (https://no-color.org).
public struct Style: Sendable {
  /// Whether escapes are written.
  public var enabled: Bool

  /// Creates a style.
  public init(enabled: Bool) { self.enabled = enabled }

  /// The style for a stream: colour when it is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`.
  public static func forStream(isTerminal: Bool, environment: [String: String]) -> Style {
    let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    return Style(enabled: isTerminal && !noColor && environment["TERM"] != "dumb")
  }

  /// `text` wrapped in the SGR sequence `code` (`1;31` is bold red).
  public func paint(_ text: String, _ code: String) -> String {
    enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  /// The prompt (bold green).
  public func prompt(_ text: String) -> String { paint(text, "1;32") }

  /// Notes such as `loaded shop` and timings (dim).
  public func note(_ text: String) -> String { paint(text, "2") }

  /// A rendered diagnostic: `error:` in bold red and the carets in red.
  public func diagnostic(_ text: String) -> String {
    guard enabled else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      var s = String(line)
      if let r = s.range(of: "error:") { s.replaceSubrange(r, with: paint("error:", "1;31")) }
      if Self.isCaretLine(s), let first = s.firstIndex(of: "^") {
        let carets = s[first...].prefix { $0 == "^" }
        s.replaceSubrange(first..<carets.endIndex, with: paint(String(carets), "1;31"))
      }
      return s
    }.joined(separator: "\n")
  }

  /// Whether a line of a diagnostic is its caret line (`  |     ^^^^ hint`).
  static func isCaretLine(_ line: String) -> Bool {
    let trimmed = line.drop { $0 == " " }
    guard trimmed.hasPrefix("|") else { return false }
    return trimmed.dropFirst().drop { $0 == " " || $0 == "\t" }.hasPrefix("^")
  }
}
