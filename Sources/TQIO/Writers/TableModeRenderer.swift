import TQStorage

/// Renders table mode: aligned columns without boxes, for reading on a terminal.
///
/// ```
/// channel       n  revenue
/// --------  -----  -------
/// facebook  1,234    56.70
/// ```
/// A header, a dash rule, numbers right-aligned and text left-aligned, two spaces between
/// columns. Beyond `maxRows` rows it shows the head and tail around a `…` row and a footer
/// `N rows (k shown)`; columns past `maxWidth` are dropped with `C columns (k shown)`.
enum TableModeRenderer {
  /// The longest text cell shown when a width limit applies.
  static let maxCellWidth = 60

  /// The rendered table, ending with a newline.
  static func render(_ t: Table, options: RenderOptions) -> String {
    if t.columns.isEmpty { return "(no columns)\n" }
    let rows = shownRows(t.rowCount, maxRows: options.maxRows)
    let cap = options.maxWidth == nil ? Int.max : maxCellWidth
    var cells: [[String]] = []  // per column: header, then shown rows (nil row = the … marker)
    var widths: [Int] = []
    for c in t.columns {
      var col = [clip(sanitize(c.name), cap)]
      for r in rows {
        guard let r else {
          col.append("…")
          continue
        }
        col.append(clip(sanitize(ValueFormat.pretty(c.value(at: r), type: c.type)), cap))
      }
      widths.append(col.reduce(0) { max($0, $1.count) })
      cells.append(col)
    }
    let shownColumns = fittingColumns(widths, maxWidth: options.maxWidth)
    var out = ""
    for line in 0..<(rows.count + 1) {
      var text = ""
      for c in 0..<shownColumns {
        if c > 0 { text += "  " }
        let last = c == shownColumns - 1
        text += pad(cells[c][line], width: widths[c], right: t.columns[c].type.isNumeric, last: last)
      }
      if line == 0 {
        out += options.color ? "\u{1B}[1m" + text + "\u{1B}[0m\n" : text + "\n"
        out += (0..<shownColumns).map { String(repeating: "-", count: widths[$0]) }.joined(separator: "  ") + "\n"
      } else {
        out += text + "\n"
      }
    }
    let shownRowCount = rows.count(where: { $0 != nil })
    if shownRowCount < t.rowCount {
      out += "\(ValueFormat.grouped(String(t.rowCount), negative: false)) rows (\(shownRowCount) shown)\n"
    }
    if shownColumns < t.columns.count {
      out += "\(t.columns.count) columns (\(shownColumns) shown)\n"
    }
    return out
  }

  /// The rows to show: all, or the head and tail with `nil` marking the elided middle.
  private static func shownRows(_ count: Int, maxRows: Int?) -> [Int?] {
    guard let maxRows, count > maxRows else { return Array(0..<count) }
    let limit = max(0, maxRows)
    let head = (limit + 1) / 2
    let tail = limit / 2
    return Array(0..<head) + [nil] + Array((count - tail)..<count)
  }

  /// How many leading columns fit in `maxWidth` (at least one).
  private static func fittingColumns(_ widths: [Int], maxWidth: Int?) -> Int {
    guard let maxWidth else { return widths.count }
    var total = 0
    for (i, w) in widths.enumerated() {
      total += (i > 0 ? 2 : 0) + w
      if total > maxWidth { return max(1, i) }
    }
    return widths.count
  }

  /// Control characters shown as escapes so that one cell stays on one line.
  private static func sanitize(_ s: String) -> String {
    guard s.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return s }
    var out = ""
    for ch in s.unicodeScalars {
      switch ch {
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if ch.value < 0x20 || ch.value == 0x7F {
          out += "\\x" + String(ch.value, radix: 16, uppercase: false).leftPadded(to: 2)
        } else {
          out.unicodeScalars.append(ch)
        }
      }
    }
    return out
  }

  /// `s` cut to `width` characters with a trailing `…`.
  private static func clip(_ s: String, _ width: Int) -> String {
    s.count <= width ? s : String(s.prefix(width - 1)) + "…"
  }

  /// `s` padded to `width`: right-aligned, or left-aligned (unpadded when last on the line).
  private static func pad(_ s: String, width: Int, right: Bool, last: Bool) -> String {
    let fill = width - s.count
    if fill <= 0 { return s }
    if right { return String(repeating: " ", count: fill) + s }
    return last ? s : s + String(repeating: " ", count: fill)
  }
}

extension String {
  /// The string with leading zeros up to `width` characters.
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
