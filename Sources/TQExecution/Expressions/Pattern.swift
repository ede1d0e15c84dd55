/// A compiled text pattern: a `like` glob (`*`, `?`) or a `~` regular expression.
struct Pattern {
  /// How the pattern is written.
  enum Source {
    case glob(String)
    case regex(String)
  }

  private let glob: [Character]?
  private let regex: Regex<AnyRegexOutput>?

  /// Compiles a pattern.
  init(_ source: Source) throws {
    switch source {
    case .glob(let p):
      glob = Array(p)
      regex = nil
    case .regex(let p):
      glob = nil
      regex = try Regex(p)
    }
  }

  /// Whether `s` matches: the whole string for a glob, any part for a regex.
  func matches(_ s: String) -> Bool {
    if let glob { return Pattern.globMatch(Array(s), glob) }
    if let regex { return (try? regex.firstMatch(in: s)) != nil }
    return false
  }

  /// Glob matching with backtracking on the last `*` (linear in practice).
  static func globMatch(_ s: [Character], _ p: [Character]) -> Bool {
    var i = 0, j = 0, star = -1, mark = 0
    while i < s.count {
      if j < p.count, p[j] == "?" || p[j] == s[i] {
        i += 1
        j += 1
      } else if j < p.count, p[j] == "*" {
        star = j
        mark = i
        j += 1
      } else if star >= 0 {
        j = star + 1
        mark += 1
        i = mark
      } else {
        return false
      }
    }
    while j < p.count, p[j] == "*" { j += 1 }
    return j == p.count
  }
}
