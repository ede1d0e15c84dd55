/// A table: equal-length columns, journey roles, and (when it has journey and time roles)
/// rows in journey order with per-journey offsets.
///
/// Journey order means rows are sorted by (journey, time), so that every journey question
/// is one sequential pass over `journeyOffsets`: journey `j` is rows
/// `journeyOffsets[j] ..< journeyOffsets[j + 1]`.
public struct Table: Sendable {
  /// The columns, in order.
  public var columns: [Column]
  /// The number of rows.
  public private(set) var rowCount: Int
  /// Which column plays which journey role.
  public var roles: [Role: String]
  /// What a row stands for.
  public var kind: TableKind
  /// Columns that table mode draws horizontal bars for on a terminal (set by journey verbs).
  public var barColumns: [String] = []
  /// Start row of each journey plus a final sentinel, when rows are in journey order.
  public private(set) var journeyOffsets: [UInt32]?

  /// Creates a table; all columns must have `rowCount` rows.
  public init(columns: [Column], rowCount: Int? = nil, roles: [Role: String] = [:], kind: TableKind = .touches) {
    self.columns = columns
    self.rowCount = rowCount ?? columns.first?.count ?? 0
    self.roles = roles
    self.kind = kind
    self.journeyOffsets = nil
  }

  /// The column names in order.
  public var columnNames: [String] { columns.map(\.name) }

  /// The index of the column named `name` (exact match first, then case-insensitive).
  public func columnIndex(_ name: String) -> Int? {
    if let i = columns.firstIndex(where: { $0.name == name }) { return i }
    let l = name.lowercased()
    return columns.firstIndex(where: { $0.name.lowercased() == l })
  }

  /// The column named `name`.
  public func column(_ name: String) -> Column? { columnIndex(name).map { columns[$0] } }

  /// The column that plays `role`, if any.
  public func column(for role: Role) -> Column? { roles[role].flatMap { column($0) } }

  /// Bytes of memory the table holds. The journey offsets count once: a run-coded journey
  /// column shares their array.
  public var memoryBytes: Int {
    let columnBytes = columns.reduce(0) { $0 + $1.memoryBytes }
    guard let off = journeyOffsets else { return columnBytes }
    let address = off.withUnsafeBufferPointer { $0.baseAddress }
    let shared = columns.contains { c in
      if case .string(let d) = c.data, case .runs(let r) = d.codes {
        return r.starts.withUnsafeBufferPointer { $0.baseAddress } == address
      }
      return false
    }
    return columnBytes + (shared ? 0 : off.count * 4)
  }

  /// The rows at the given positions; roles are kept, journey order is dropped.
  public func gather(_ rows: [UInt32]) -> Table {
    Table(columns: columns.map { $0.gather(rows) }, rowCount: rows.count, roles: roles, kind: kind)
  }

  /// The value at (`row`, `column`).
  public func value(row: Int, column: Int) -> Value { columns[column].value(at: row) }

  /// Keeps only roles whose columns exist.
  public mutating func pruneRoles() {
    roles = roles.filter { columnIndex($0.value) != nil }
    if roles[.journey] == nil || roles[.time] == nil { journeyOffsets = nil }
  }

  /// Marks rows as being in journey order with the given offsets (trusted; for readers that
  /// know), and stores the journey column as run codes when its codes are the journey numbers.
  public mutating func setJourneyOffsets(_ offsets: [UInt32]?) {
    journeyOffsets = offsets
    compactJourneyColumn()
  }

  /// Stores the journey column as run codes, which need no bytes per row: its dictionary
  /// is put in journey order, so that journey j has code j and the journey offsets are the
  /// codes. Left as it is when a journey's rows do not share one id.
  mutating func compactJourneyColumn() {
    guard let off = journeyOffsets, let name = roles[.journey], let i = columnIndex(name), columns[i].validity == nil,
      case .string(let d) = columns[i].data, d.codes.count == rowCount
    else { return }
    if case .runs = d.codes { return }
    guard let codes = d.codes.runCodes(off, cardinality: d.dictionary.count) else { return }
    // Ids coded in order of appearance are in journey order already.
    let inOrder = codes.count == d.dictionary.count && codes.indices.allSatisfy { codes[$0] == UInt32(truncatingIfNeeded: $0) }
    let dictionary = inOrder ? d.dictionary : codes.map { d.dictionary[Int($0)] }
    let ids = DictColumn(codes: .runs(RunCodes(starts: off)), dictionary: dictionary)
    columns[i] = Column(name: columns[i].name, data: .string(ids))
  }
}
