import TQStorage

/// Rows flowing between operators: base columns plus an optional selection vector.
///
/// A filter does not copy columns: it narrows `selection` (ascending row positions into
/// the base columns). Operators that compute new columns materialise the relation first.
public struct Relation: Sendable {
  /// The base columns.
  public var columns: [Column]
  /// Rows in the base columns.
  public var baseCount: Int
  /// The selected rows, in output order; `nil` means all rows in order.
  public var selection: [UInt32]?
  /// Journey roles by column name.
  public var roles: [Role: String]
  /// What a row stands for.
  public var kind: TableKind
  /// Journey offsets of the base rows when they are in journey order.
  public var journeyOffsets: [UInt32]?
  /// Columns that get terminal bars (kept through filters, sorts and `take`).
  public var barColumns: [String] = []

  /// A relation over all rows of a table.
  public init(_ t: Table) {
    columns = t.columns
    baseCount = t.rowCount
    selection = nil
    roles = t.roles
    kind = t.kind
    journeyOffsets = t.journeyOffsets
    barColumns = t.barColumns
  }

  /// Creates a relation over materialised columns.
  public init(columns: [Column], count: Int, roles: [Role: String], kind: TableKind) {
    self.columns = columns
    baseCount = count
    selection = nil
    self.roles = roles
    self.kind = kind
    journeyOffsets = nil
  }

  /// The number of rows.
  public var count: Int { selection?.count ?? baseCount }

  /// Column `i` for the selected rows (no copy when nothing is selected).
  public func column(_ i: Int) -> Column {
    guard let s = selection else { return columns[i] }
    return columns[i].gather(s)
  }

  /// The relation with every column gathered through the selection.
  public func materialized() -> Relation {
    guard selection != nil else { return self }
    var r = Relation(columns: columns.indices.map { column($0) }, count: count, roles: roles, kind: kind)
    r.journeyOffsets = nil
    return r
  }

  /// The relation as a table; keeps journey order when rows were only filtered.
  public func table() -> Table {
    let m = materialized()
    var t = Table(columns: m.columns, rowCount: m.count, roles: roles.filter { r in m.columns.contains { $0.name == r.value } }, kind: kind)
    t.barColumns = barColumns.filter { b in m.columns.contains { $0.name == b } }
    if journeyOffsets != nil, selection == nil { t.setJourneyOffsets(journeyOffsets) } else if selection != nil, journeyOffsets != nil { t.markJourneysIfOrdered() }
    return t
  }
}

/// A failure while running a plan (overflow, a value out of range), reported on the statement.
public struct ExecutionError: Error, Sendable, Equatable {
  /// What went wrong.
  public var message: String

  /// Creates an execution error.
  public init(_ message: String) { self.message = message }
}
