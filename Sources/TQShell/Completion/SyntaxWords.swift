import TQSyntax

/// The literal words of a registry entry's syntax, so that keywords complete without the
/// shell knowing any verb: `paths [top N] [by col] [collapse]` gives `top`, `by`,
/// `collapse`; `.mode table|csv|…` gives the modes after `.mode`.
enum SyntaxWords {
  /// Lower-case words that stand for something the user writes (not literal keywords).
  static let placeholders: Set<String> = [
    "name", "col", "pattern", "topic", "pipeline", "predicate", "expr", "keys", "table", "new", "old",
    "role", "column", "file",
  ]

  /// The keywords of an entry: its literal words other than its name and placeholders.
  static func keywords(of entry: Registry.Entry) -> [String] {
    words(entry.syntax).filter { !$0.contains("|") }.map(strip).filter { isKeyword($0) && $0 != entry.name }
  }

  /// The alternatives the syntax gives after `word` (`on|off` after `.timer`), if any.
  static func choices(after word: String, in entry: Registry.Entry) -> [String]? {
    let ws = words(entry.syntax)
    guard let i = ws.indices.dropLast().first(where: { strip(ws[$0]) == word.lowercased() }), ws[i + 1].contains("|") else {
      return nil
    }
    let options = ws[i + 1].split(separator: "|").map { strip(String($0)) }.filter(isKeyword)
    return options.isEmpty ? nil : options
  }

  /// The syntax split on blanks.
  static func words(_ syntax: String) -> [String] {
    syntax.split(whereSeparator: { $0 == " " }).map(String.init)
  }

  /// A word without brackets and list punctuation around it.
  static func strip(_ word: String) -> String {
    word.trimming(["[", "]", ",", "…"])
  }

  /// Whether a word is a literal keyword: lower-case letters, digits and `_`, not a placeholder.
  static func isKeyword(_ word: String) -> Bool {
    guard let first = word.unicodeScalars.first, first.properties.isLowercase else { return false }
    return word.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "_" }
      && !placeholders.contains(word)
  }
}

extension String {
  /// The string without leading and trailing characters of `set`.
  fileprivate func trimming(_ set: Set<Character>) -> String {
    var s = Substring(self)
    while let c = s.first, set.contains(c) { s.removeFirst() }
    while let c = s.last, set.contains(c) { s.removeLast() }
    return String(s)
  }
}
