import TQStorage

/// Horizontal bars for table mode: a text column beside each of a table's bar columns.
enum Bars {
  /// Cells of the longest bar.
  static let width = 20
  /// Partial blocks, in eighths of a cell.
  static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

  /// The table with a bar column after each numeric bar column (scaled to the column's largest value).
  static func added(to t: Table) -> Table {
    guard !t.barColumns.isEmpty else { return t }
    var out = t
    out.columns = []
    for c in t.columns {
      out.columns.append(c)
      guard t.barColumns.contains(c.name), c.type.isNumeric else { continue }
      let values = (0..<c.count).map { c.isNull($0) ? 0 : (c.value(at: $0).asDouble ?? 0) }
      let top = values.map { $0.isFinite ? $0 : 0 }.max() ?? 0
      let bars = values.map { v in top > 0 && v > 0 && v.isFinite ? bar(v / top) : "" }
      out.columns.append(Column.from(name: "", type: .string, values: bars.map { .string($0) }))
    }
    return out
  }

  /// A bar for a fraction of the full width, in eighths of a cell.
  static func bar(_ fraction: Double) -> String {
    let units = Int((min(1, fraction) * Double(width * 8)).rounded())
    var s = String(repeating: "█", count: units / 8)
    if units % 8 > 0 { s.append(eighths[units % 8 - 1]) }
    return s
  }
}
