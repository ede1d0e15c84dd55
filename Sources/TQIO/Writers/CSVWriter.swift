import TQStorage

/// Writes a table as delimited text: a header row, RFC 4180 quoting, NULL as an empty field.
///
/// Header names holding any delimiter the reader sniffs are quoted too, so that reading
/// the file back picks the delimiter it was written with.
enum CSVWriter {
  /// Appends the whole table to `sink`.
  static func write(_ t: Table, delimiter: UInt8, to sink: inout ByteSink) {
    let style = CellEncoder.Style.delimited(delimiter: delimiter)
    for (i, c) in t.columns.enumerated() {
      if i > 0 { sink.append(delimiter) }
      sink.append(CellEncoder.csvField(c.name, delimiter: delimiter, quoting: CSVHeader.sniffedDelimiters))
    }
    sink.append(UInt8(ascii: "\n"))
    let encoders = t.columns.map { CellEncoder($0, style: style) }
    for row in 0..<t.rowCount {
      for (i, c) in t.columns.enumerated() {
        if i > 0 { sink.append(delimiter) }
        if !c.isNull(row) { encoders[i].append(row: row, to: &sink) }
      }
      sink.append(UInt8(ascii: "\n"))
      sink.endRow()
    }
  }
}
