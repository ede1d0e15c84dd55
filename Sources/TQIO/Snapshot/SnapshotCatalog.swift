import TQStorage

/// The table metadata of a snapshot and the directory of its sections.
///
/// On disk (little-endian): row count (u64), kind (string), roles (u32 count, then role and
/// column name strings), bar columns (u32 count, strings), journey offsets section (u32, or
/// `0xFFFFFFFF` when rows are not in journey order), columns (u32 count, `ColumnEntry`s),
/// sections (u32 count, `SectionEntry`s). Strings are a u32 byte count and UTF-8.
struct SnapshotCatalog: Sendable, Equatable {
  /// The number of rows.
  var rowCount: Int
  /// What a row stands for.
  var kind: TableKind
  /// Which column plays which journey role.
  var roles: [Role: String]
  /// Columns that table mode draws bars for.
  var barColumns: [String]
  /// The section of the journey offsets (UInt32, one per journey plus an end), when rows are in journey order.
  var journeyOffsets: Int?
  /// The columns, in order.
  var columns: [ColumnEntry]
  /// Every section, in file order.
  var sections: [SectionEntry]

  /// The catalog's bytes (roles in role-name order, so equal tables give equal bytes).
  func encoded() -> [UInt8] {
    var e = CatalogEncoder()
    e.int(rowCount)
    e.string(kind.rawValue)
    let sortedRoles = roles.sorted { $0.key.rawValue < $1.key.rawValue }
    e.u32(UInt32(sortedRoles.count))
    for (role, column) in sortedRoles {
      e.string(role.rawValue)
      e.string(column)
    }
    e.u32(UInt32(barColumns.count))
    for b in barColumns { e.string(b) }
    e.u32(journeyOffsets.map(UInt32.init) ?? ColumnEntry.none)
    e.u32(UInt32(columns.count))
    for c in columns { c.encode(to: &e) }
    e.u32(UInt32(sections.count))
    for s in sections { s.encode(to: &e) }
    return e.bytes
  }

  /// Reads a catalog, refusing unknown names and codes and any field past the end.
  static func decode(_ bytes: [UInt8], path: String) throws(FileError) -> SnapshotCatalog {
    var d = CatalogDecoder(bytes, path: path)
    let rowCount = try d.int()
    guard rowCount <= SnapshotFormat.maxRows else { throw d.corrupt("a row count of \(rowCount) is more than tq can hold") }
    let kindName = try d.string()
    guard let kind = TableKind(rawValue: kindName) else { throw d.corrupt("unknown table kind \"\(kindName)\"") }
    var roles: [Role: String] = [:]
    for _ in 0..<(try d.count(minimumBytes: 8)) {
      let name = try d.string()
      guard let role = Role(rawValue: name) else { throw d.corrupt("unknown role \"\(name)\"") }
      roles[role] = try d.string()
    }
    var bars: [String] = []
    for _ in 0..<(try d.count(minimumBytes: 4)) { bars.append(try d.string()) }
    let journey = try d.u32()
    var columns: [ColumnEntry] = []
    for _ in 0..<(try d.count(minimumBytes: 21)) { columns.append(try ColumnEntry.decode(from: &d)) }
    var sections: [SectionEntry] = []
    for _ in 0..<(try d.count(minimumBytes: 25)) { sections.append(try SectionEntry.decode(from: &d)) }
    guard d.remaining == 0 else { throw d.corrupt("\(d.remaining) stray bytes after the catalog") }
    return SnapshotCatalog(
      rowCount: rowCount, kind: kind, roles: roles, barColumns: bars,
      journeyOffsets: journey == ColumnEntry.none ? nil : Int(journey), columns: columns, sections: sections)
  }
}
