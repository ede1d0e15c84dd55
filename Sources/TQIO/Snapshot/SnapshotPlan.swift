import TQStorage

/// Everything a snapshot of one table holds, laid out: the catalog with every section's
/// offset and checksum, and the section buffers in file order.
///
/// The buffers are the table's own arrays (shared, not copied), except the dictionaries,
/// which are flattened into offsets and bytes, and 64-bit integers that fit a narrower width.
struct SnapshotPlan {
  /// The catalog, offsets and checksums filled in.
  private(set) var catalog: SnapshotCatalog
  /// The header.
  private(set) var header: SnapshotHeader
  /// The section buffers, in directory order.
  let sections: [SectionData]

  /// Lays out `t`; checksums are computed on two threads.
  init(_ t: Table) {
    var sections: [SectionData] = []
    func add(_ data: SectionData) -> Int {
      sections.append(data)
      return sections.count - 1
    }
    let journey = t.journeyOffsets.map { add(.u32($0)) }
    var columns: [ColumnEntry] = []
    for c in t.columns {
      var entry = ColumnEntry(name: c.name, type: c.type, values: add(Self.values(c.data)))
      entry.validity = c.validity.map { add(.u64($0.words)) }
      if case .string(let d) = c.data {
        let blob = DictionaryBlob.encode(d.dictionary)
        entry.dictionaryOffsets = add(.u64(blob.offsets))
        entry.dictionaryBytes = add(.u8(blob.bytes))
      }
      columns.append(entry)
    }
    self.sections = sections
    let sums = Self.checksums(sections)
    var entries = zip(sections, sums).map { SectionEntry(element: $0.element, offset: 0, length: $0.byteCount, checksum: $1) }
    catalog = SnapshotCatalog(rowCount: t.rowCount, kind: t.kind, roles: t.roles, barColumns: t.barColumns,
                              journeyOffsets: journey, columns: columns, sections: entries)
    // Offsets are fixed-width fields, so the catalog's length does not depend on them.
    let catalogLength = catalog.encoded().count
    var offset = SnapshotFormat.headerSize + SnapshotFormat.padded(catalogLength)
    for k in entries.indices {
      entries[k].offset = offset
      offset += entries[k].paddedLength
    }
    catalog.sections = entries
    let catalogBytes = catalog.encoded()
    header = SnapshotHeader(
      fileLength: offset + SnapshotFormat.trailerSize, catalogOffset: SnapshotFormat.headerSize,
      catalogLength: catalogBytes.count, catalogChecksum: catalogBytes.withUnsafeBytes { Checksum.ofPadded($0) })
  }

  /// The values (or codes) buffer of a column: integers in their narrowest width, run
  /// codes as their run starts.
  private static func values(_ data: ColumnData) -> SectionData {
    switch data {
    case .int(let a):
      switch a.narrowed {
      case .i8(let v): return .i8(v)
      case .i16(let v): return .i16(v)
      case .i32(let v): return .i32(v)
      case .i64(let v): return .i64(v)
      }
    case .timestamp(let a): return .i64(a)
    case .float(let a): return .f64(a)
    case .bool(let a): return .bool(a)
    case .date(let a): return .i32(a)
    case .string(let d):
      switch d.codes {
      case .u8(let c): return .u8(c)
      case .u16(let c): return .u16(c)
      case .u32(let c): return .u32(c)
      case .runs(let r): return .runs(r.starts)
      }
    }
  }

  /// The padded checksum of every section, on two threads.
  private static func checksums(_ sections: [SectionData]) -> [UInt64] {
    let groups = SectionLoader.balance(sections.map(\.byteCount), workers: 2)
    let parts = Parallel.map(groups.count) { g in groups[g].map { i in (i, sections[i].withBytes { Checksum.ofPadded($0) }) } }
    var sums = [UInt64](repeating: 0, count: sections.count)
    for (i, sum) in parts.joined() { sums[i] = sum }
    return sums
  }

  /// Appends the whole file to `sink`: header, catalog, sections (each padded), trailer.
  func write(to sink: inout ByteSink) {
    sink.append(header.encoded())
    sink.append(catalog.encoded())
    sink.appendZeros(SnapshotFormat.padded(header.catalogLength) - header.catalogLength)
    for s in sections {
      let n = s.withBytes { bytes in
        sink.append(raw: bytes)
        return bytes.count
      }
      sink.appendZeros(SnapshotFormat.padded(n) - n)
      sink.endRow()
    }
    sink.append(Self.trailer(fileLength: header.fileLength))
  }

  /// The 16-byte trailer: the file length again, then the end magic.
  static func trailer(fileLength: Int) -> [UInt8] {
    var e = CatalogEncoder()
    e.int(fileLength)
    e.raw(SnapshotFormat.endMagic)
    return e.bytes
  }
}
