import TQIO
import TQStorage

extension Session {
  /// `describe t`: each column's type, role, distinct count, null count, min and max.
  func describe(_ t: Table) -> Table {
    var names: [Value] = [], types: [Value] = [], roles: [Value] = [], distinct: [Value] = []
    var nulls: [Value] = [], mins: [Value] = [], maxs: [Value] = []
    for c in t.columns {
      names.append(.string(c.name))
      types.append(.string(c.type.rawValue))
      let r = t.roles.filter { $0.value == c.name }.map(\.key.rawValue).sorted().joined(separator: ", ")
      roles.append(r.isEmpty ? .null : .string(r))
      let (d, lo, hi) = Self.stats(c)
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

  /// Distinct non-null count, min and max of a column in one pass.
  static func stats(_ c: Column) -> (Int, Value, Value) {
    let n = c.count
    if case .string(let d) = c.data {
      var used = [Bool](repeating: false, count: d.dictionary.count)
      if c.validity == nil, case .runs = d.codes {
        used = [Bool](repeating: true, count: d.dictionary.count)  // every run is a row's code
      } else {
        for i in 0..<n where !c.isNull(i) { used[d.codes[i]] = true }
      }
      let present = d.dictionary.indices.filter { used[$0] }.map { d.dictionary[$0] }
      let lo = present.min { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      let hi = present.max { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      return (present.count, lo.map { .string($0) } ?? .null, hi.map { .string($0) } ?? .null)
    }
    let key = Table.sortKey(c)
    var seen = Set<Int64>()
    var lo = -1, hi = -1
    for i in 0..<n where !c.isNull(i) {
      seen.insert(key[i])
      if lo < 0 || key[i] < key[lo] { lo = i }
      if hi < 0 || key[i] > key[hi] { hi = i }
    }
    return (seen.count, lo < 0 ? .null : c.value(at: lo), hi < 0 ? .null : c.value(at: hi))
  }
}
