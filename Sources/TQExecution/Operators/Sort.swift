import TQStorage

/// `sort`: orders the rows of a relation by keys, nulls last in both directions.
///
/// The sort permutes the selection vector; columns are not copied.
enum Sort {
  /// Sorts `rel` by `keys` (stable).
  static func run(_ keys: [BoundSortKey], over rel: Relation) throws -> Relation {
    let ev = Evaluator(relation: rel)
    let n = rel.count
    var cols: [(key: [Int64], nulls: Bitmap?, desc: Bool)] = []
    for k in keys {
      let c = try ev.eval(k.expr).column(count: n, type: k.expr.type)
      cols.append((Table.sortKey(c), c.validity, k.descending))
    }
    let order = permutation(cols, count: n)
    var out = rel
    let base = rel.selection
    out.selection = base.map { b in order.map { b[Int($0)] } } ?? order
    out.journeyOffsets = nil
    return out
  }

  /// The stable order of `count` rows under the keys.
  static func permutation(_ cols: [(key: [Int64], nulls: Bitmap?, desc: Bool)], count n: Int) -> [UInt32] {
    var idx = (0..<UInt32(n)).map { $0 }
    if cols.count == 1, cols[0].nulls == nil {
      let key = cols[0].key
      let desc = cols[0].desc
      idx.sort { a, b in
        let x = key[Int(a)], y = key[Int(b)]
        if x != y { return desc ? x > y : x < y }
        return a < b
      }
      return idx
    }
    idx.sort { a, b in
      for c in cols {
        let an = c.nulls.map { !$0[Int(a)] } ?? false, bn = c.nulls.map { !$0[Int(b)] } ?? false
        if an != bn { return bn }
        if an { continue }
        let x = c.key[Int(a)], y = c.key[Int(b)]
        if x != y { return c.desc ? x > y : x < y }
      }
      return a < b
    }
    return idx
  }
}
