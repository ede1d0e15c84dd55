#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import TQStorage

/// Turns parsed chunks into finished columns: agrees on one type per column, fills string
/// rows that need their text, merges dictionaries and copies the values out.
enum CSVAssembly {
  /// The finished columns; releases every chunk.
  static func assemble(names: [String], chunks: [CSVChunk], dialect: CSVDialect) -> [Column] {
    let n = names.count
    var targets = [InferredType](repeating: .empty, count: n)
    for ch in chunks {
      for c in 0..<n { targets[c] = targets[c].joined(with: ch.columns[c].type) }
    }
    for ch in chunks {
      for c in 0..<n where ch.columns[c].type != targets[c] {
        if targets[c] == .string {
          let pending = ch.columns[c].type == .empty ? 0 : ch.rows
          ch.columns[c].becomeString(pendingRows: pending)
        } else {
          ch.columns[c].convert(to: targets[c], rows: ch.rows)
        }
      }
    }
    let needText = chunks.filter { ch in (0..<n).contains { ch.columns[$0].pendingRows > 0 } }
    _ = Parallel.map(needText.count) { fillPendingText(needText[$0], dialect: dialect) }
    let order = CSVRowRun.fileOrder(chunks)
    // Columns are independent: finish them on two threads.
    let columns = Parallel.mapInterleaved(n, workers: chunks.count > 1 ? 2 : 1) { c -> Column in
      let column = build(name: names[c], type: targets[c], chunks: chunks, order: order, column: c)
      for ch in chunks { ch.columns[c].release() }
      return column
    }
    for ch in chunks { ch.deallocateColumnList() }
    return columns
  }

  /// Re-reads a chunk's records to set the codes of string rows typed before the column
  /// turned into a string column.
  private static func fillPendingText(_ ch: CSVChunk, dialect: CSVDialect) {
    let n = ch.columnCount
    var rows = 0
    for c in 0..<n { rows = max(rows, ch.columns[c].pendingRows) }
    for piece in ch.pieces where piece.rows.lowerBound < rows {
      var tok = CSVTokenizer(start: piece.start, end: piece.end, dialect: dialect, line: 1)
      defer { tok.release() }
      for row in piece.rows.lowerBound..<min(rows, piece.rows.upperBound) {
        tok.resetScratch()
        if n > 1 { tok.skipBlankLines() }
        for c in 0..<n {
          _ = tok.next()
          if row < ch.columns[c].pendingRows && (tok.count > 0 || tok.quoted) {
            ch.columns[c].setCode(tok.field, tok.count, row: row)
          }
        }
      }
    }
    for c in 0..<n { ch.columns[c].pendingRows = 0 }
  }

  /// One finished column from the same column of every chunk.
  private static func build(
    name: String, type: InferredType, chunks: [CSVChunk], order: [CSVRowRun], column c: Int
  ) -> Column {
    let total = chunks.reduce(0) { $0 + $1.rows }
    let validity = nullMask(chunks: chunks, order: order, column: c, total: total)
    let data: ColumnData
    switch type {
    case .int: data = .int(ints(chunks, order, c, total))
    case .float: data = .float(copyValues(chunks, order, c, total) { Double(bitPattern: $0) })
    case .timestamp: data = .timestamp(copyValues(chunks, order, c, total) { Int64(bitPattern: $0) })
    case .date: data = .date(copyValues(chunks, order, c, total) { Int32(truncatingIfNeeded: Int64(bitPattern: $0)) })
    case .bool: data = .bool(copyValues(chunks, order, c, total) { $0 != 0 })
    case .string, .empty: data = .string(strings(chunks, order, c, total))
    }
    return Column(name: name, data: data, validity: validity)
  }

  /// The typed values of column `c` of every chunk, one after the other. 8-byte types
  /// (Int64, Double) are the stored bit patterns themselves and are copied in bulk.
  /// The integers of column `c` in the narrowest width that holds them.
  private static func ints(_ chunks: [CSVChunk], _ order: [CSVRowRun], _ c: Int, _ total: Int) -> IntValues {
    var lo: Int64 = 0, hi: Int64 = 0
    for ch in chunks {
      let src = ch.columns[c].values!
      for r in 0..<ch.rows {
        lo = min(lo, Int64(bitPattern: src[r]))
        hi = max(hi, Int64(bitPattern: src[r]))
      }
    }
    switch IntValues.width(lo, hi) {
    case 1: return .i8(copyValues(chunks, order, c, total) { Int8(truncatingIfNeeded: Int64(bitPattern: $0)) })
    case 2: return .i16(copyValues(chunks, order, c, total) { Int16(truncatingIfNeeded: Int64(bitPattern: $0)) })
    case 4: return .i32(copyValues(chunks, order, c, total) { Int32(truncatingIfNeeded: Int64(bitPattern: $0)) })
    default: return .i64(copyValues(chunks, order, c, total) { Int64(bitPattern: $0) })
    }
  }

  /// Column `c` of every chunk, converted, in file order.
  private static func copyValues<T>(
    _ chunks: [CSVChunk], _ order: [CSVRowRun], _ c: Int, _ total: Int, _ convert: (UInt64) -> T
  ) -> [T] {
    HugePages.array(count: total) { out in
      var o = 0
      for run in order {
        let src = chunks[run.chunk].columns[c].values! + run.rows.lowerBound
        let dst = out + o
        if MemoryLayout<T>.stride == 8 {
          memcpy(UnsafeMutableRawPointer(dst), src, run.rows.count * 8)
        } else {
          for r in 0..<run.rows.count { (dst + r).initialize(to: convert(src[r])) }
        }
        o += run.rows.count
      }
    }
  }

  /// The dictionary-coded strings of column `c`: the first chunk's dictionary absorbs the
  /// others' keys, whose codes are remapped.
  private static func strings(_ chunks: [CSVChunk], _ order: [CSVRowRun], _ c: Int, _ total: Int) -> DictColumn {
    if chunks.contains(where: { $0.columns[c].numbered != nil }) { return numberedStrings(chunks, order, c, total) }
    var remaps: [[UInt32]?] = [nil]
    let base = chunks[0].columns + c
    if base.pointee.dictionary == nil { base.pointee.becomeString(pendingRows: 0) }
    for ch in chunks.dropFirst() {
      var remap = [UInt32](repeating: 0, count: max(1, ch.columns[c].dictionary?.count ?? 0))
      if let d = ch.columns[c].dictionary {
        for k in 0..<d.count {
          let key = d.key(k)
          remap[k] = base.pointee.dictionary!.insert(key.baseAddress ?? UnsafePointer(bitPattern: 1)!, key.count)
        }
      }
      remaps.append(remap)
    }
    let dict = base.pointee.dictionary!
    let cardinality = max(dict.count, 1)
    func codes<T: FixedWidthInteger>(_: T.Type) -> [T] {
      HugePages.array(count: total) { out in
        var o = 0
        for run in order {
          let dst = out + o
          if let src = chunks[run.chunk].columns[c].codes {
            src.copy(rows: run.rows, to: dst, remap: remaps[run.chunk])
          } else {
            dst.initialize(repeating: 0, count: run.rows.count)
          }
          o += run.rows.count
        }
      }
    }
    let packed = Codes.narrowest(
      cardinality: cardinality, { codes(UInt8.self) }, { codes(UInt16.self) }, { codes(UInt32.self) })
    let strings = dict.count == 0 ? [""] : dict.strings()
    return DictColumn(codes: packed, dictionary: strings)
  }

  /// The validity of column `c` over all chunks, or `nil` when no row is null.
  private static func nullMask(chunks: [CSVChunk], order: [CSVRowRun], column c: Int, total: Int) -> Bitmap? {
    let nulls = chunks.reduce(0) { $0 + $1.columns[c].nullCount }
    if nulls == 0 { return nil }
    let dense = nulls * 2 > total
    var mask = Bitmap(count: total, value: !dense)
    var o = 0
    for run in order {
      let words = chunks[run.chunk].columns[c].nulls
      let (lo, hi) = (run.rows.lowerBound, run.rows.upperBound)
      var w = lo >> 6
      while w << 6 < hi {
        // The bits of the word's rows inside the run.
        let from = max(lo, w << 6) - w << 6
        let to = min(hi, (w + 1) << 6) - w << 6
        let inside = (to == 64 ? UInt64.max : (1 << UInt64(to)) &- 1) & ~((1 << UInt64(from)) &- 1)
        var x = (dense ? ~words[w] : words[w]) & inside
        while x != 0 {
          mask[o + (w << 6) + x.trailingZeroBitCount - lo] = dense
          x &= x &- 1
        }
        w += 1
      }
      o += run.rows.count
    }
    return mask
  }
}
