import TQStorage

/// Writes a GitHub Markdown table: header, a `---` rule (`---:` for numeric columns), rows.
enum MarkdownWriter {
  /// Appends the table; NULL shows as `NULL`.
  static func write(_ t: Table, to sink: inout ByteSink) {
    sink.append(UInt8(ascii: "|"))
    for c in t.columns {
      sink.append(UInt8(ascii: " "))
      sink.append(CellEncoder.markdownCell(c.name))
      sink.append(" |" as StaticString)
    }
    sink.append("\n|" as StaticString)
    for c in t.columns { sink.append(c.type.isNumeric ? " ---: |" as StaticString : " --- |") }
    sink.append(UInt8(ascii: "\n"))
    let encoders = t.columns.map { CellEncoder($0, style: .markdown) }
    for row in 0..<t.rowCount {
      sink.append(UInt8(ascii: "|"))
      for (i, c) in t.columns.enumerated() {
        sink.append(UInt8(ascii: " "))
        if c.isNull(row) { sink.append("NULL" as StaticString) } else { encoders[i].append(row: row, to: &sink) }
        sink.append(" |" as StaticString)
      }
      sink.append(UInt8(ascii: "\n"))
      sink.endRow()
    }
  }
}
