import TQStorage

/// Writes one column's non-null cells in the text form of an output style.
///
/// Dictionary strings are escaped once per distinct value, not once per row.
struct CellEncoder {
  /// The escaping and number conventions of an output format.
  enum Style {
    /// RFC 4180 fields separated by `delimiter`.
    case delimited(delimiter: UInt8)
    /// JSON values: strings quoted and escaped, non-finite floats as `null`, times quoted.
    case json
    /// Markdown table cells: `|` escaped, newlines as `<br>`.
    case markdown
    /// Plain text as `ValueFormat.plain` gives it.
    case plain
  }

  private let column: Column
  private let style: Style
  private let strings: [[UInt8]]

  /// Prepares to encode `column`'s cells in `style`.
  init(_ column: Column, style: Style) {
    self.column = column
    self.style = style
    if case .string(let d) = column.data {
      strings = d.dictionary.map { Self.escape($0, style: style) }
    } else {
      strings = []
    }
  }

  /// Appends the cell of `row` (which must not be null).
  @inline(__always) func append(row: Int, to sink: inout ByteSink) {
    switch column.data {
    case .string(let d): sink.append(strings[d.codes[row]])
    case .int(let a): sink.append(int: a[row])
    case .float(let a):
      if case .json = style, !a[row].isFinite { sink.append("null" as StaticString) } else { sink.append(ValueFormat.float(a[row])) }
    case .bool(let a): sink.append(a[row] ? "true" as StaticString : "false")
    case .timestamp(let a): appendTime(ValueFormat.timestamp(a[row]), to: &sink)
    case .date(let a): appendTime(ValueFormat.date(a[row]), to: &sink)
    }
  }

  private func appendTime(_ text: String, to sink: inout ByteSink) {
    if case .json = style {
      sink.append(UInt8(ascii: "\""))
      sink.append(text)
      sink.append(UInt8(ascii: "\""))
    } else {
      sink.append(text)
    }
  }

  /// A string escaped for `style`.
  static func escape(_ s: String, style: Style) -> [UInt8] {
    switch style {
    case .delimited(let delimiter): return csvField(s, delimiter: delimiter)
    case .json: return jsonString(s)
    case .markdown: return markdownCell(s)
    case .plain: return Array(s.utf8)
    }
  }

  /// An RFC 4180 field: quoted when empty (so that it differs from NULL), or holding the
  /// delimiter (or any byte of `quoting`), a quote, CR or LF, or leading or trailing spaces
  /// or tabs.
  static func csvField(_ s: String, delimiter: UInt8, quoting: [UInt8] = []) -> [UInt8] {
    let u = s.utf8
    let needsQuotes =
      u.isEmpty || u.first == 0x20 || u.last == 0x20 || u.first == 0x09 || u.last == 0x09
      || u.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || quoting.contains($0) }
    if !needsQuotes { return Array(u) }
    var out: [UInt8] = [0x22]
    out.reserveCapacity(u.count + 4)
    for b in u {
      out.append(b)
      if b == 0x22 { out.append(0x22) }
    }
    out.append(0x22)
    return out
  }

  /// A JSON string literal, quotes included.
  static func jsonString(_ s: String) -> [UInt8] {
    var out: [UInt8] = [0x22]
    out.reserveCapacity(s.utf8.count + 2)
    let hex = Array("0123456789abcdef".utf8)
    for b in s.utf8 {
      switch b {
      case 0x22: out += [0x5C, 0x22]
      case 0x5C: out += [0x5C, 0x5C]
      case 0x0A: out += [0x5C, UInt8(ascii: "n")]
      case 0x0D: out += [0x5C, UInt8(ascii: "r")]
      case 0x09: out += [0x5C, UInt8(ascii: "t")]
      case 0..<0x20: out += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]]
      default: out.append(b)
      }
    }
    out.append(0x22)
    return out
  }

  /// A Markdown table cell: `|` escaped, line breaks as `<br>`.
  static func markdownCell(_ s: String) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count)
    for b in s.utf8 {
      switch b {
      case UInt8(ascii: "|"): out += [0x5C, b]
      case 0x0A: out += Array("<br>".utf8)
      case 0x0D: break
      default: out.append(b)
      }
    }
    return out
  }
}
