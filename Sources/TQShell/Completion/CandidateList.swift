/// The candidates Tab shows when there is more than one, in columns across the screen.
enum CandidateList {
  /// At most this many are shown; a last line counts the others.
  static let shownLimit = 120

  /// The listing, one line per row of columns, ending with a line break.
  static func format(_ candidates: [Candidate], width: Int) -> String {
    let shown = candidates.prefix(shownLimit).map(\.display)
    let cell = (shown.map(\.count).max() ?? 0) + 2
    let perRow = max(1, width / max(1, cell))
    var out = ""
    for (i, text) in shown.enumerated() {
      let endOfRow = i % perRow == perRow - 1 || i == shown.count - 1
      out += endOfRow ? text + "\n" : text + String(repeating: " ", count: cell - text.count)
    }
    if candidates.count > shown.count { out += "… and \(candidates.count - shown.count) more\n" }
    return out
  }
}
