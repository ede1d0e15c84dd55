import TQStorage

/// `join` and `left join`: matches rows on equal key columns with a hash table on the right side.
enum Join {
  /// Joins `left` with `right`; output rows follow the left rows' order.
  static func run(_ left: Relation, _ right: Relation, leftKeys: [Int], rightKeys: [Int], keepLeftUnmatched: Bool) -> Relation {
    let l = left.materialized()
    var index: [[Value]: [UInt32]] = [:]
    for r in 0..<right.baseCount {
      let key = rightKeys.map { normalized(right.columns[$0].value(at: r)) }
      if key.contains(.null) { continue }
      index[key, default: []].append(UInt32(r))
    }
    var li: [UInt32] = [], ri: [Int] = []
    for row in 0..<l.count {
      let key = leftKeys.map { normalized(l.columns[$0].value(at: row)) }
      if let matches = key.contains(.null) ? nil : index[key] {
        for m in matches {
          li.append(UInt32(row))
          ri.append(Int(m))
        }
      } else if keepLeftUnmatched {
        li.append(UInt32(row))
        ri.append(-1)
      }
    }
    var cols = l.columns.map { $0.gather(li) }
    let matched = ri.map { UInt32(max($0, 0)) }
    for (i, c) in right.columns.enumerated() where !rightKeys.contains(i) {
      var g = c.gather(matched)
      if keepLeftUnmatched, ri.contains(-1) {
        var v = g.validity ?? Bitmap(count: ri.count, value: true)
        for (k, r) in ri.enumerated() where r < 0 { v[k] = false }
        g = Column(name: c.name, data: g.data, validity: v)
      }
      cols.append(g)
    }
    return Relation(columns: cols, count: li.count, roles: left.roles, kind: left.kind)
  }

  /// Numbers compare across int and float.
  static func normalized(_ v: Value) -> Value {
    if case .int(let x) = v { return .float(Double(x)) }
    return v
  }
}
