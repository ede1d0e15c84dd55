import TQStorage

/// The text of a progress line for one reading of a `WorkMeter`, fitted to a width.
///
/// Known total: `loading  [██████░░░░░░]  52%  760 MB of 1.46 GB  210 MB/s  ETA 3 s`.
/// Unknown total: `loading  ⠹  760 MB  210 MB/s  4 s` (a spinner, what is done, the rate and
/// the time so far; no ETA). When the line is too wide the bar shrinks, then the rate and the
/// amounts go, then the bar, then the ETA, so it never reaches the last column (no wrap). A pure function:
/// the display draws it, tests read it.
public enum ProgressLine {
  /// The widest bar, in cells.
  static let widestBar = 24
  /// The narrowest bar worth drawing.
  static let narrowestBar = 8
  /// The spinner's frames (one per tenth of a second).
  static let spinner = Array("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")

  /// A piece of the line.
  enum Part: Equatable {
    /// Plain text.
    case text(String)
    /// The bar, filled to a fraction.
    case bar(Double)
  }

  /// The line for `r` on a terminal `width` columns wide (it uses at most `width - 1`).
  public static func text(_ r: WorkMeter.Reading, width: Int, style: Style = Style(enabled: false)) -> String {
    let limit = max(1, width - 1)
    for parts in variants(r) {
      let words = parts.compactMap { if case .text(let s) = $0 { s } else { nil } }
      let fixed = words.reduce(0) { $0 + $1.count } + 2 * (parts.count - 1)
      guard parts.contains(where: isBar) else {
        if fixed <= limit { return render(parts, barCells: 0, style: style) }
        continue
      }
      let cells = min(widestBar, limit - fixed - 2)
      if cells >= narrowestBar { return render(parts, barCells: cells, style: style) }
    }
    return String(r.label.prefix(limit))
  }

  /// Richest first: the parts to try, each a smaller line than the one before.
  static func variants(_ r: WorkMeter.Reading) -> [[Part]] {
    let label = Part.text(r.label)
    let rate = r.seconds > 0 && r.done > 0 ? Double(r.done) / r.seconds : nil
    let rateText = rate.map { Part.text(Quantity.rate($0, r.unit)) }
    if r.total > 0 {
      let fraction = min(1, Double(max(0, r.done)) / Double(r.total))
      let percent = Part.text("\(Int(fraction * 100))%")
      let amounts = Part.text(Quantity.amount(r.done, of: r.total, r.unit))
      let eta = rate.flatMap { r.done < r.total ? Part.text("ETA " + Quantity.duration(Double(r.total - r.done) / $0)) : nil }
      let bar = Part.bar(fraction)
      return [
        [label, bar, percent, amounts, rateText, eta], [label, bar, percent, amounts, eta], [label, bar, percent, eta],
        [label, percent, amounts, eta], [label, percent, eta], [label, percent],
      ].map { $0.compactMap { $0 } }
    }
    let spin = Part.text(String(spinner[Int(max(0, r.seconds) * 10) % spinner.count]))
    let done = r.done > 0 ? Part.text(Quantity.amount(r.done, r.unit)) : nil
    let elapsed = Part.text(Quantity.duration(r.seconds, rounding: .down))
    return [[label, spin, done, rateText, elapsed], [label, spin, done, elapsed], [label, spin, elapsed], [label, spin]]
      .map { $0.compactMap { $0 } }
  }

  /// Whether a part is the bar.
  static func isBar(_ p: Part) -> Bool {
    if case .bar = p { return true }
    return false
  }

  /// The parts joined by two spaces, the bar `barCells` wide (filled cells coloured).
  static func render(_ parts: [Part], barCells: Int, style: Style) -> String {
    parts.map { part in
      switch part {
      case .text(let s): return s
      case .bar(let fraction):
        let filled = Int(fraction * Double(barCells))
        return "[" + style.paint(String(repeating: "█", count: filled), "36")
          + style.paint(String(repeating: "░", count: barCells - filled), "2") + "]"
      }
    }.joined(separator: "  ")
  }
}
