import TQStorage

/// `min(x)`, `max(x)`, `first(x)` and `last(x)`: each picks one row per group.
enum Extremes {
  /// Computes the chosen row of each group and gathers its value.
  static func compute(_ f: AggregateFunction, input: Column, groups: [Int32], count: Int) -> Column {
    var pick = [Int](repeating: -1, count: count)
    switch f {
    case .first:
      for i in 0..<groups.count where pick[Int(groups[i])] < 0 { pick[Int(groups[i])] = i }
    case .last:
      for i in 0..<groups.count { pick[Int(groups[i])] = i }
    default:
      let wantMax = f == .max
      if input.type == .float {
        let x = input.doubles
        for i in 0..<x.count where !input.isNull(i) && !x[i].isNaN {
          let g = Int(groups[i])
          if pick[g] < 0 || (wantMax ? x[i] > x[pick[g]] : x[i] < x[pick[g]]) { pick[g] = i }
        }
      } else {
        let key = Table.sortKey(input)
        for i in 0..<key.count where !input.isNull(i) {
          let g = Int(groups[i])
          if pick[g] < 0 || (wantMax ? key[i] > key[pick[g]] : key[i] < key[pick[g]]) { pick[g] = i }
        }
      }
    }
    let rows = pick.map { UInt32(max($0, 0)) }
    var out = input.gather(rows)
    if pick.contains(-1) {
      var v = out.validity ?? Bitmap(count: count, value: true)
      for (g, p) in pick.enumerated() where p < 0 { v[g] = false }
      out = Column(name: "", data: out.data, validity: v)
    }
    return out
  }
}
