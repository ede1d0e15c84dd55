/// The history file's format: UTF-8 text, one entry per line.
///
/// An entry that holds line breaks (a multi-line statement with a comment) is kept on one
/// line with `\n`; a backslash is written `\\` and a carriage return `\r`. Any other
/// backslash sequence reads back as written, so a hand-edited file cannot fail to load.
enum HistoryCoding {
  /// One entry as a line of the file, without its line break.
  static func encode(_ entry: String) -> String {
    var out = ""
    out.reserveCapacity(entry.utf8.count)
    for ch in entry.unicodeScalars {
      switch ch {
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      default: out.unicodeScalars.append(ch)
      }
    }
    return out
  }

  /// The entry a line of the file holds; `nil` when the line is not UTF-8, holds a NUL or
  /// is longer than `maxBytes` (it stays in the file but is not offered at the prompt).
  static func decode(_ line: ArraySlice<UInt8>, maxBytes: Int = 65_536) -> String? {
    guard line.count <= maxBytes, !line.contains(0), let text = String(validating: line, as: UTF8.self) else {
      return nil
    }
    guard text.utf8.contains(UInt8(ascii: "\\")) else { return text }
    var out = ""
    var escaped = false
    for ch in text.unicodeScalars {
      if escaped {
        switch ch {
        case "n": out += "\n"
        case "r": out += "\r"
        case "\\": out += "\\"
        default: out += "\\"; out.unicodeScalars.append(ch)
        }
        escaped = false
      } else if ch == "\\" {
        escaped = true
      } else {
        out.unicodeScalars.append(ch)
      }
    }
    if escaped { out += "\\" }
    return out
  }

  /// The lines of a file's bytes; a last line without a line break counts as a line.
  static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    return lines.map { $0.last == UInt8(ascii: "\r") ? $0.dropLast() : $0 }
  }
}
