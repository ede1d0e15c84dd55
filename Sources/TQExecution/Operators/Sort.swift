import TQStorage

/// `sort`: orders the rows of a relation by keys, nulls last in both directions.
///
/// The sort permutes the selection vector; columns are not copied.
enum Sort {
  /// Sorts `rel` by `keys` (stable), asking `isCancelled` between radix passes.
  static func run(_ keys: [BoundSortKey], over rel: Relation, isCancelled: () -> Bool = { false }) throws -> Relation {
    let ev = Evaluator(relation: rel)
    let n = rel.count
    var cols: [RadixSort.Key] = []
    for k in keys {
      let c = try ev.eval(k.expr).column(count: n, type: k.expr.type)
      if isCancelled() { throw Interrupted() }
      cols.append(RadixSort.Key(values: Table.sortKey(c), validity: c.validity, descending: k.descending))
    }
    let order = try RadixSort.order(cols, count: n, isCancelled: isCancelled)
    var out = rel
    let base = rel.selection
    out.selection = base.map { b in order.map { b[Int($0)] } } ?? order
    out.journeyOffsets = nil
    return out
  }
}
