import TQStorage

/// Renders a table as text in any output mode (LANGUAGE.md, "Output modes").
public enum TableRenderer {
  /// The table in `mode`; non-empty output ends with a newline. Only `table` mode uses
  /// `options` (row and width limits, colour); the other modes are never truncated.
  public static func render(_ t: Table, mode: OutputMode, options: RenderOptions = .init()) -> String {
    if mode == .table { return TableModeRenderer.render(options.bars ? Bars.added(to: t) : t, options: options) }
    var sink = ByteSink()
    write(t, mode: mode, to: &sink)
    return sink.string
  }

  /// Appends the table in a non-table mode to `sink`.
  static func write(_ t: Table, mode: OutputMode, to sink: inout ByteSink) {
    switch mode {
    case .csv: CSVWriter.write(t, delimiter: UInt8(ascii: ","), to: &sink)
    case .tsv: CSVWriter.write(t, delimiter: UInt8(ascii: "\t"), to: &sink)
    case .json: JSONWriter.write(t, array: true, to: &sink)
    case .jsonl: JSONWriter.write(t, array: false, to: &sink)
    case .markdown: MarkdownWriter.write(t, to: &sink)
    case .line: LineWriter.write(t, to: &sink)
    case .table: sink.append(TableModeRenderer.render(t, options: RenderOptions(maxRows: nil)))
    }
  }

  /// One line per row for golden tests: values tab-separated in plain form, NULL as
  /// `NULL` and the empty string as `(empty)`.
  public static func sqllogicRows(_ t: Table) -> [String] {
    (0..<t.rowCount).map { row in
      t.columns.map { c -> String in
        let v = c.value(at: row)
        if v.isNull { return "NULL" }
        let s = ValueFormat.plain(v)
        return s.isEmpty ? "(empty)" : s
      }.joined(separator: "\t")
    }
  }
}
