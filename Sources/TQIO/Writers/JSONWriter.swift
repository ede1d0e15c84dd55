import TQStorage

/// Writes a table as JSON: an array of objects, or one object per line (JSON Lines).
///
/// NULL is `null`, numbers are unquoted (non-finite floats become `null`), times are strings.
enum JSONWriter {
  /// Appends the table; `array` wraps the objects in `[` … `]`, one per line.
  static func write(_ t: Table, array: Bool, to sink: inout ByteSink) {
    let keys = t.columns.map { CellEncoder.jsonString($0.name) + [UInt8(ascii: ":")] }
    let encoders = t.columns.map { CellEncoder($0, style: .json) }
    if array { sink.append(t.rowCount == 0 ? "[]\n" as StaticString : "[\n") }
    for row in 0..<t.rowCount {
      sink.append(UInt8(ascii: "{"))
      for (i, c) in t.columns.enumerated() {
        if i > 0 { sink.append(UInt8(ascii: ",")) }
        sink.append(keys[i])
        if c.isNull(row) { sink.append("null" as StaticString) } else { encoders[i].append(row: row, to: &sink) }
      }
      sink.append(UInt8(ascii: "}"))
      if array && row + 1 < t.rowCount { sink.append(UInt8(ascii: ",")) }
      sink.append(UInt8(ascii: "\n"))
      sink.endRow()
    }
    if array && t.rowCount > 0 { sink.append("]\n" as StaticString) }
  }
}
