/// "Did you mean" suggestions by edit distance (Damerau–Levenshtein, optimal string alignment).
public enum Suggest {
  /// The edit distance between two strings, case-insensitive.
  public static func distance(_ a: String, _ b: String) -> Int {
    let x = Array(a.lowercased()), y = Array(b.lowercased())
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
    for i in 0...x.count { d[i][0] = i }
    for j in 0...y.count { d[0][j] = j }
    for i in 1...x.count {
      for j in 1...y.count {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
      }
    }
    return d[x.count][y.count]
  }

  /// The candidate nearest to `name`, when it is near enough to be a likely typo.
  ///
  /// Near enough: distance at most 1 for names of up to 4 characters, else at most a third
  /// of the longer name (rounded up), or `name` is a prefix of the candidate. `name` is
  /// compared in its `folded` form, so `ｓｅｌｅｃｔ` finds `select`.
  public static func nearest(_ name: String, in candidates: [String]) -> String? {
    let name = folded(name)
    var best: (String, Int)?
    for c in candidates {
      let dist = distance(name, c)
      if best == nil || dist < best!.1 { best = (c, dist) }
    }
    guard let (c, dist) = best else { return nil }
    let limit = max(name.count, c.count) <= 4 ? 1 : (max(name.count, c.count) + 2) / 3
    if dist <= limit { return c }
    if name.count >= 3, c.lowercased().hasPrefix(name.lowercased()) { return c }
    return nil
  }

  /// The fullwidth forms a CJK input method types (U+FF01–U+FF5E) as the ASCII characters
  /// they stand for, as NFKC would fold them (`ｓｅｌｅｃｔ` → `select`); other text unchanged.
  public static func folded(_ text: String) -> String {
    let fullwidth: ClosedRange<UInt32> = 0xFF01...0xFF5E
    guard text.unicodeScalars.contains(where: { fullwidth.contains($0.value) }) else { return text }
    var scalars = String.UnicodeScalarView()
    for s in text.unicodeScalars {
      scalars.append(fullwidth.contains(s.value) ? Unicode.Scalar(s.value - 0xFEE0) ?? s : s)
    }
    return String(scalars)
  }

  /// `did you mean "x"?` for the nearest candidate, or `nil`.
  public static func hint(_ name: String, in candidates: [String]) -> String? {
    nearest(name, in: candidates).map { "did you mean \"\($0)\"?" }
  }
}
