/// The text of one source of statements: a script, one `-c` argument, stdin, or a prompt entry.
///
/// Positions inside it are UTF-8 byte offsets (`SourceRange`); lines and columns are
/// computed on demand. Columns count characters (grapheme clusters), 1-based, so a
/// tab or an `é` is one column.
public final class SourceFile: Sendable {
  /// The name diagnostics show: a script path, `-c`, `stdin` or `tq`.
  public let name: String
  /// The text.
  public let text: String
  /// The line number of the text's first line (a statement typed at the prompt is line 1).
  public let firstLine: Int
  private let lineStarts: [Int]

  /// Creates a source.
  public init(name: String, text: String, firstLine: Int = 1) {
    self.name = name
    self.text = text
    self.firstLine = firstLine
    var starts = [0]
    var i = 0
    for b in text.utf8 {
      i += 1
      if b == UInt8(ascii: "\n") { starts.append(i) }
    }
    lineStarts = starts
  }

  /// The 1-based line and column of a UTF-8 offset.
  public func location(of offset: Int) -> (line: Int, column: Int) {
    let o = max(0, min(offset, text.utf8.count))
    var lo = 0, hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= o { lo = mid } else { hi = mid - 1 }
    }
    let prefix = slice(lineStarts[lo], o)
    return (lo + firstLine, prefix.count + 1)
  }

  /// The text of the line holding `offset`, without its line break.
  public func lineText(containing offset: Int) -> String {
    let (line, _) = location(of: offset)
    let idx = line - firstLine
    let start = lineStarts[idx]
    var end = idx + 1 < lineStarts.count ? lineStarts[idx + 1] - 1 : text.utf8.count
    let u = Array(text.utf8)
    if end > start, u[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    return slice(start, max(start, end))
  }

  /// The text between two UTF-8 offsets (repairing any cut through a character).
  public func slice(_ from: Int, _ to: Int) -> String {
    let u = text.utf8
    let a = u.index(u.startIndex, offsetBy: max(0, min(from, u.count)))
    let b = u.index(u.startIndex, offsetBy: max(0, min(to, u.count)))
    return String(decoding: text.utf8[a..<b], as: UTF8.self)
  }

  /// The text of a range.
  public func text(of range: SourceRange) -> String { slice(range.start, range.end) }
}

/// A half-open span of UTF-8 offsets in a `SourceFile`.
public struct SourceRange: Hashable, Sendable {
  /// First byte.
  public var start: Int
  /// One past the last byte.
  public var end: Int

  /// Creates a range.
  public init(_ start: Int, _ end: Int) {
    self.start = start
    self.end = max(start, end)
  }

  /// The smallest range covering both.
  public func union(_ other: SourceRange) -> SourceRange {
    SourceRange(min(start, other.start), max(end, other.end))
  }
}
