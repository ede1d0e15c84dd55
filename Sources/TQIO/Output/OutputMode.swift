/// How results print (LANGUAGE.md, "Output modes").
public enum OutputMode: String, Sendable, CaseIterable {
  /// Aligned columns for reading: thousands separators, rounded floats, head + tail.
  case table
  /// RFC 4180 CSV with a header row; never truncated.
  case csv
  /// Tab-separated, otherwise as `csv`.
  case tsv
  /// An array of objects, one per line.
  case json
  /// One JSON object per line.
  case jsonl
  /// A GitHub Markdown table.
  case markdown
  /// One `column = value` line per field, a blank line between rows.
  case line
}

/// Settings for table mode.
public struct RenderOptions: Sendable {
  /// Table mode shows at most this many rows (head and tail); `nil` shows all.
  public var maxRows: Int?
  /// Terminal columns: trailing columns that do not fit are dropped; `nil` is unlimited.
  public var maxWidth: Int?
  /// Whether to bold the header with ANSI escapes.
  public var color: Bool

  /// Whether to draw horizontal bars beside a table's bar columns (table mode on a terminal).
  public var bars: Bool

  /// Creates options.
  public init(maxRows: Int? = 40, maxWidth: Int? = nil, color: Bool = false, bars: Bool = false) {
    self.maxRows = maxRows
    self.maxWidth = maxWidth
    self.color = color
    self.bars = bars
  }
}
