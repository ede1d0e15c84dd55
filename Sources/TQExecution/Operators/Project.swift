import TQStorage

/// `select` and `derive`: compute columns over the rows of a relation.
enum Project {
  /// Runs the projection; `select` of bare columns keeps the selection vector (no copy).
  static func run(_ items: [NamedExpr], keepInput: Bool, over rel: Relation) throws -> Relation {
    if !keepInput, items.allSatisfy({ $0.expr.columnIndex != nil }) {
      var out = rel
      out.columns = items.map { item in
        var c = rel.columns[item.expr.columnIndex!]
        c.name = item.name
        return c
      }
      return out
    }
    let m = rel.materialized()
    let ev = Evaluator(relation: m)
    var cols = keepInput ? m.columns : []
    for item in items {
      var c = try ev.eval(item.expr).column(count: m.count, type: item.expr.type)
      c.name = item.name
      if keepInput, let i = cols.firstIndex(where: { $0.name == item.name }) { cols[i] = c } else { cols.append(c) }
    }
    var out = Relation(columns: cols, count: m.count, roles: rel.roles, kind: rel.kind)
    out.journeyOffsets = rel.selection == nil ? rel.journeyOffsets : nil
    return out
  }
}
