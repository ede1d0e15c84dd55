import TQStorage

/// Writes one `column = value` line per field, with a blank line between rows.
enum LineWriter {
  /// Appends the table; NULL shows as `NULL`.
  static func write(_ t: Table, to sink: inout ByteSink) {
    let encoders = t.columns.map { CellEncoder($0, style: .plain) }
    for row in 0..<t.rowCount {
      if row > 0 { sink.append(UInt8(ascii: "\n")) }
      for (i, c) in t.columns.enumerated() {
        sink.append(c.name)
        sink.append(" = " as StaticString)
        if c.isNull(row) { sink.append("NULL" as StaticString) } else { encoders[i].append(row: row, to: &sink) }
        sink.append(UInt8(ascii: "\n"))
      }
      sink.endRow()
    }
  }
}
