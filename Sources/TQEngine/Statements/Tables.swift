import TQStorage

extension Session {
  /// `tables`: name, rows, columns and bytes in memory of every loaded table.
  func tablesListing() -> Table {
    let names = tables.keys.sorted()
    let rows = names.map { tables[$0]! }
    return Table(columns: [
      Column.from(name: "name", type: .string, values: names.map { .string($0 == current ? $0 + " *" : $0) }),
      Column.from(name: "rows", type: .int, values: rows.map { .int(Int64($0.rowCount)) }),
      Column.from(name: "columns", type: .int, values: rows.map { .int(Int64($0.columns.count)) }),
      Column.from(name: "bytes", type: .int, values: rows.map { .int(Int64($0.memoryBytes)) }),
      Column.from(name: "kind", type: .string, values: rows.map { .string($0.kind.rawValue) }),
    ])
  }
}
