import TQExecution
import TQIO
import TQStorage

extension Session {
  /// `describe t`: each column's type, role, distinct count, null count, min and max.
  func describe(_ t: Table) throws -> Table {
    var names: [Value] = [], types: [Value] = [], roles: [Value] = [], distinct: [Value] = []
    var nulls: [Value] = [], mins: [Value] = [], maxs: [Value] = []
    let check = isCancelled
    let stats = try Parallel.mapInterleaved(t.columns.count, workers: 2) { i in
      Result { try Self.stats(t.columns[i], isCancelled: check) }
    }.map { try $0.get() }
    for (c, (d, lo, hi)) in zip(t.columns, stats) {
      names.append(.string(c.name))
      types.append(.string(c.type.rawValue))
      let r = t.roles.filter { $0.value == c.name }.map(\.key.rawValue).sorted().joined(separator: ", ")
      roles.append(r.isEmpty ? .null : .string(r))
      distinct.append(.int(Int64(d)))
      nulls.append(.int(Int64(c.nullCount)))
      mins.append(lo.isNull ? .null : .string(ValueFormat.plain(lo)))
      maxs.append(hi.isNull ? .null : .string(ValueFormat.plain(hi)))
    }
    return Table(columns: [
      Column.from(name: "column", type: .string, values: names),
      Column.from(name: "type", type: .string, values: types),
      Column.from(name: "role", type: .string, values: roles),
      Column.from(name: "distinct", type: .int, values: distinct),
      Column.from(name: "nulls", type: .int, values: nulls),
      Column.from(name: "min", type: .string, values: mins),
      Column.from(name: "max", type: .string, values: maxs),
    ])
  }

  /// Distinct non-null count, min and max of a column.
  static func stats(_ c: Column, isCancelled: () -> Bool) throws -> (Int, Value, Value) {
    if case .string(let d) = c.data {
      let used = ColumnSummary.codesInUse(d, validity: c.validity)
      let present = d.dictionary.indices.filter { used[$0] }.map { d.dictionary[$0] }
      let lo = present.min(by: UTF8Order.precedes)
      let hi = present.max(by: UTF8Order.precedes)
      return (present.count, lo.map { .string($0) } ?? .null, hi.map { .string($0) } ?? .null)
    }
    let (distinct, lo, hi) = try ColumnSummary.distinctAndExtremes(c, isCancelled: isCancelled)
    return (distinct, lo.map { c.value(at: $0) } ?? .null, hi.map { c.value(at: $0) } ?? .null)
  }
}
