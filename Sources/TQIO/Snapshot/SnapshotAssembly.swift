import TQStorage

/// Builds the table from checked sections, verifying what checksums cannot: that every
/// code names a dictionary string, dictionary offsets stay inside their bytes, and journey
/// offsets and run starts split the rows. Nothing is built until all of it holds.
enum SnapshotAssembly {
  /// The table a catalog and its loaded sections describe (the layout was checked), as
  /// format `version` stores it.
  static func table(_ c: SnapshotCatalog, _ sections: [SectionData], version: UInt32, path: String) throws(FileError) -> Table {
    let journeys = try c.journeyOffsets.map { j throws(FileError) -> [UInt32] in
      guard case .u32(let offsets) = sections[j], splitsRows(offsets, rows: c.rowCount) else {
        throw SnapshotErrors.corrupt(path, "the journey offsets do not split the rows")
      }
      return offsets
    }
    var columns: [Column] = []
    for entry in c.columns {
      let data = try columnData(entry, sections, rows: c.rowCount, journeys: journeys, version: version, path: path)
      let validity = entry.validity.map { i -> Bitmap in
        guard case .u64(let words) = sections[i] else { preconditionFailure("layout checked") }
        return Bitmap(words: words, count: c.rowCount)
      }
      columns.append(Column(name: entry.name, data: data, validity: validity))
    }
    var t = Table(columns: columns, rowCount: c.rowCount, roles: c.roles, kind: c.kind)
    t.barColumns = c.barColumns
    if let journeys { t.setJourneyOffsets(journeys) }
    return t
  }

  /// One column's typed values: format 1 stores integers as i64 (narrowed here), format 2
  /// in their own width; run starts equal to the journey offsets share their buffer.
  private static func columnData(
    _ e: ColumnEntry, _ sections: [SectionData], rows: Int, journeys: [UInt32]?, version: UInt32, path: String
  ) throws(FileError) -> ColumnData {
    switch (e.type, sections[e.values]) {
    case (.int, .i64(let a)): return .int(version < 2 ? IntValues(narrowing: a) : .i64(a))
    case (.int, .i32(let a)): return .int(.i32(a))
    case (.int, .i16(let a)): return .int(.i16(a))
    case (.int, .i8(let a)): return .int(.i8(a))
    case (.timestamp, .i64(let a)): return .timestamp(a)
    case (.float, .f64(let a)): return .float(a)
    case (.bool, .bool(let a)): return .bool(a)
    case (.date, .i32(let a)): return .date(a)
    case (.string, let codes):
      guard case .u64(let offsets) = sections[e.dictionaryOffsets!], case .u8(let bytes) = sections[e.dictionaryBytes!],
        DictionaryBlob.isValid(offsets: offsets, byteCount: bytes.count)
      else { throw SnapshotErrors.corrupt(path, "column \"\(e.name)\" has dictionary offsets outside its strings") }
      let dictionaryCount = offsets.count - 1
      let packed: Codes
      switch codes {
      case .u8(let a): packed = .u8(a)
      case .u16(let a): packed = .u16(a)
      case .u32(let a): packed = .u32(a)
      case .runs(let starts):
        guard splitsRows(starts, rows: rows) else {
          throw SnapshotErrors.corrupt(path, "column \"\(e.name)\" has run starts that do not split the rows")
        }
        packed = .runs(RunCodes(starts: starts == journeys ? journeys! : starts))
      default: preconditionFailure("layout checked")
      }
      guard codesFit(packed, dictionaryCount) else {
        throw SnapshotErrors.corrupt(path, "column \"\(e.name)\" has codes past its \(dictionaryCount) dictionary strings")
      }
      return .string(DictColumn(codes: packed, dictionary: DictionaryBlob.decode(offsets: offsets, bytes: bytes)))
    default:
      preconditionFailure("layout checked")
    }
  }

  /// Whether every code is below `count` (a vectorised max; skipped when the width cannot exceed it).
  private static func codesFit(_ codes: Codes, _ count: Int) -> Bool {
    if codes.count == 0 { return true }
    switch codes {
    case .u8(let a): return count > Int(UInt8.max) || Int(maximum(a)) < count
    case .u16(let a): return count > Int(UInt16.max) || Int(maximum(a)) < count
    case .u32(let a): return Int(maximum(a)) < count
    case .runs(let r): return r.starts.count - 1 <= count
    }
  }

  /// The largest element.
  private static func maximum<T: FixedWidthInteger & UnsignedInteger>(_ a: [T]) -> T {
    a.withUnsafeBufferPointer { p in
      var m: T = 0
      for x in p { m = Swift.max(m, x) }
      return m
    }
  }

  /// Whether row offsets (journey offsets, run starts) start at row 0, rise strictly (no
  /// empty run) and end at the row count.
  private static func splitsRows(_ o: [UInt32], rows: Int) -> Bool {
    guard o.first == 0, o.last.map(Int.init) == rows else { return false }
    if o.count == 1 { return rows == 0 }
    return o.withUnsafeBufferPointer { p in
      var bad = false
      for k in 1..<p.count { bad = bad || p[k] <= p[k - 1] }
      return !bad
    }
  }
}
