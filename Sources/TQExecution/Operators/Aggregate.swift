import TQStorage

/// `group … agg …` and `distinct`: one output row per key combination, sorted by the keys.
enum Aggregate {
  /// Groups `rel` by `keys` and computes `aggregates` per group.
  static func run(keys: [NamedExpr], aggregates: [BoundAggregate], over rel: Relation, isCancelled: () -> Bool = { false }) throws
    -> Relation
  {
    let ev = Evaluator(relation: rel)
    let n = rel.count
    let keyCols = try keys.map { k -> Column in
      var c = try ev.eval(k.expr).column(count: n, type: k.expr.type)
      c.name = k.name
      return c
    }
    if isCancelled() { throw Interrupted() }
    let groups = try GroupIds(keyCols, rows: n, isCancelled: isCancelled)
    if isCancelled() { throw Interrupted() }
    let ngroups = n == 0 && !keys.isEmpty ? 0 : groups.count
    let firstRows = groups.firstRow.prefix(ngroups).map { UInt32(max($0, 0)) }
    var out = keyCols.map { $0.gather(firstRows) }
    for a in aggregates {
      let input = try a.argument.map { try ev.eval($0).column(count: n, type: $0.type) }
      if isCancelled() { throw Interrupted() }
      var c = try AggregateKernels.compute(a, input: input, groups: groups.ids, count: ngroups, rows: n,
                                                isCancelled: isCancelled)
      c.name = a.name
      out.append(c)
    }
    // Order groups by their keys so that results are deterministic and easy to read.
    let keysInOrder = out.prefix(keyCols.count).map { RadixSort.Key(values: Table.sortKey($0), validity: $0.validity, descending: false) }
    let order = try RadixSort.order(keysInOrder, count: ngroups, isCancelled: isCancelled)
    out = out.map { $0.gather(order) }
    return Relation(columns: out, count: ngroups, roles: rel.roles, kind: rel.kind)
  }
}
