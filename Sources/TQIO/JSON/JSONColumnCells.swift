import TQStorage

/// The values one JSON key took, one cell per row, kept until the column's type is known.
///
/// Each non-null cell keeps a parsed value (when it has one) and the span of its text: the
/// string's content, or the JSON text of a number, literal or nested value. A column
/// whose cells disagree on type (beyond int → float and date → timestamp) becomes a
/// string column of those texts.
struct JSONColumnCells {
  /// The column name (the key).
  let name: String
  private var kinds: [InferredType] = []
  private var bits: [UInt64] = []
  private var textOffsets: [Int] = []
  private var textLengths: [Int] = []
  private var type: InferredType = .empty

  /// Creates an empty column for `name`.
  init(name: String) { self.name = name }

  /// Sets the cell of row `row` (a repeated key in one object overwrites: the last wins).
  mutating func set(row: Int, kind: InferredType, bits value: UInt64, text: (offset: Int, length: Int)) {
    if kinds.count > row {
      kinds[row] = kind
      bits[row] = value
      textOffsets[row] = text.offset
      textLengths[row] = text.length
    } else {
      pad(to: row)
      kinds.append(kind)
      bits.append(value)
      textOffsets.append(text.offset)
      textLengths.append(text.length)
    }
    type = type.joined(with: kind)
  }

  /// Adds null cells up to `rows`.
  mutating func pad(to rows: Int) {
    let k = rows - kinds.count
    if k <= 0 { return }
    kinds.append(contentsOf: repeatElement(.empty, count: k))
    bits.append(contentsOf: repeatElement(0, count: k))
    textOffsets.append(contentsOf: repeatElement(0, count: k))
    textLengths.append(contentsOf: repeatElement(0, count: k))
  }

  /// The finished column of `rows` rows (after `pad(to: rows)`); texts are read from
  /// `source` and `arena`.
  func column(rows: Int, source: UnsafePointer<UInt8>, arena: UnsafeBufferPointer<UInt8>) -> Column {
    precondition(kinds.count == rows, "pad(to:) first")
    var validity = Bitmap(count: rows, value: true)
    var anyNull = false
    for r in 0..<rows where kinds[r] == .empty {
      validity[r] = false
      anyNull = true
    }
    let mask = anyNull ? validity : nil
    let data: ColumnData
    switch type {
    case .int:
      data = .int(IntValues(narrowing: bits.map { Int64(bitPattern: $0) }))
    case .float:
      data = .float((0..<rows).map { r in
        kinds[r] == .int ? Double(Int64(bitPattern: bits[r])) : Double(bitPattern: bits[r])
      })
    case .bool:
      data = .bool(bits.map { $0 != 0 })
    case .date:
      data = .date(bits.map { Int32(truncatingIfNeeded: Int64(bitPattern: $0)) })
    case .timestamp:
      data = .timestamp((0..<rows).map { r in
        Int64(bitPattern: FieldClassifier.widen(bits[r], from: kinds[r], to: .timestamp))
      })
    case .string, .empty:
      data = .string(strings(rows: rows, source: source, arena: arena))
    }
    return Column(name: name, data: data, validity: mask)
  }

  /// The cells' texts as a dictionary-coded column (nulls get code 0).
  private func strings(rows: Int, source: UnsafePointer<UInt8>, arena: UnsafeBufferPointer<UInt8>) -> DictColumn {
    var dict = ByteDictionary()
    defer { dict.release() }
    var codes = [UInt32](repeating: 0, count: rows)
    for r in 0..<rows where kinds[r] != .empty {
      let o = textOffsets[r]
      let p = o >= 0 ? source + o : arena.baseAddress! + ~o
      codes[r] = dict.insert(p, textLengths[r])
    }
    let strings = dict.count == 0 ? [""] : dict.strings()
    return DictColumn(codes: Codes(codes, cardinality: strings.count), dictionary: strings)
  }
}
