import Foundation

/// Paragraphs of prose laid out for a terminal.
enum TextWrap {
  /// `text` wrapped at word boundaries so that lines (indent included) stay within `width`
  /// characters where the words allow; blank lines of the text stay paragraph breaks.
  static func wrap(_ text: String, width: Int, indent: String) -> String {
    let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false)
      .split { $0.trimmingCharacters(in: .whitespaces).isEmpty }
    return paragraphs.map { lines in
      var out: [String] = []
      var line = indent
      for word in lines.joined(separator: " ").split(separator: " ") {
        if line.count > indent.count, line.count + 1 + word.count > width {
          out.append(line)
          line = indent
        }
        line += (line.count > indent.count ? " " : "") + word
      }
      if line.count > indent.count { out.append(line) }
      return out.joined(separator: "\n")
    }.joined(separator: "\n\n")
  }

  /// `s` with its first character in upper case.
  static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}
