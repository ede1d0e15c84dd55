import TQStorage
import TQSyntax

/// `where`: turns a predicate into a selection vector, without copying columns.
///
/// `a and b` filters by `a` then evaluates `b` only on the survivors; `a or b` joins the
/// rows of each (one scan when both test one text column). Comparisons of a text column
/// with constants (`==`, `!=`, `in`, `like`, `~`) are decided once per dictionary entry
/// and then scan the codes; comparisons of a number or time column with a constant scan
/// the values (`valueSelect`), two such tests of one column joined by `and` in one scan
/// (`rangeSelect`). Anything else is evaluated in batches.
enum Filter {
  /// The rows of `rel` (in its order) where `p` is true.
  static func select(_ p: BoundExpr, in rel: Relation, isCancelled: () -> Bool) throws -> [UInt32] {
    if case .binary(.and, let l, let r, _) = p {
      if let rows = rangeSelect(l, r, rel) { return rows }
      var narrowed = rel
      narrowed.selection = try select(l, in: rel, isCancelled: isCancelled)
      return try select(r, in: narrowed, isCancelled: isCancelled)
    }
    if case .binary(.or, let l, let r, _) = p {
      // Two tests of one text column: one scan with either outcome per code.
      if let a = try dictionaryMask(l, rel), let b = try dictionaryMask(r, rel), a.column == b.column {
        return dictionarySelect((a.column, zip(a.mask, b.mask).map { $0 || $1 }), rel)
      }
      return union(try select(l, in: rel, isCancelled: isCancelled), try select(r, in: rel, isCancelled: isCancelled), in: rel)
    }
    if let mask = try dictionaryMask(p, rel) { return dictionarySelect(mask, rel) }
    if let rows = valueSelect(p, rel) { return rows }
    return try generic(p, in: rel, isCancelled: isCancelled)
  }

  /// Whether `column` is text stored as run codes (the journey column in journey order).
  static func isRunCoded(_ column: Column) -> Bool {
    if case .string(let d) = column.data, case .runs = d.codes { return true }
    return false
  }

  /// The rows whose code in a text column has a true outcome in `mask`.
  private static func dictionarySelect(_ mask: (column: Int, mask: [Bool]), _ rel: Relation) -> [UInt32] {
    guard case .string(let d) = rel.columns[mask.column].data else { return [] }
    return Kernels.select(d.codes, mask: mask.mask, validity: rel.columns[mask.column].validity, rows: rel.selection,
                          count: rel.baseCount)
  }

  /// For `a and b and …` where every part tests a text column against constants, the
  /// per-code outcome of each part; nil when some part is anything else.
  static func dictionaryMasks(_ p: BoundExpr, _ rel: Relation) throws -> [(column: Int, mask: [Bool])]? {
    if case .binary(.and, let l, let r, _) = p {
      guard let a = try dictionaryMasks(l, rel), let b = try dictionaryMasks(r, rel) else { return nil }
      return a + b
    }
    return try dictionaryMask(p, rel).map { [$0] }
  }

  /// For a test of a text column against constants, the per-code outcome.
  static func dictionaryMask(_ p: BoundExpr, _ rel: Relation) throws -> (column: Int, mask: [Bool])? {
    switch p {
    case .binary(let op, .column(let i, .string), .constant(.string(let s), _), _):
      guard case .string(let d) = rel.columns[i].data else { return nil }
      if op == .equal || op == .notEqual {
        // One pass over the entries (a journey column has one per journey).
        var mask = [Bool](repeating: op == .notEqual, count: d.dictionary.count)
        for (k, key) in d.dictionary.enumerated() where key == s { mask[k] = op == .equal }
        return (i, mask)
      }
      if op.isComparison {
        let probe = Compare.strings(op, .column(Column(name: "", data: .string(DictColumn(codes: .u32(Array(0..<UInt32(d.dictionary.count))), dictionary: d.dictionary)))), .constant(.string(s), .string), count: d.dictionary.count)
        guard case .bool(let m) = probe.data else { return nil }
        return (i, m)
      }
      if op == .like || op == .matches {
        let pattern = try Pattern(op == .like ? .glob(s) : .regex(s))
        return (i, d.dictionary.map { pattern.matches($0) })
      }
      return nil
    case .inList(.column(let i, .string), let values, let negated):
      guard case .string(let d) = rel.columns[i].data else { return nil }
      let set = Set(values.compactMap { if case .string(let s) = $0 { return s } else { return nil } })
      // With a null in the list a value not found is null, which where drops.
      let unknownIfMissing = values.contains(.null)
      return (i, d.dictionary.map { set.contains($0) ? !negated : negated && !unknownIfMissing })
    default:
      return nil
    }
  }

  /// Evaluates `p` batch by batch and keeps the rows where it is true.
  static func generic(_ p: BoundExpr, in rel: Relation, isCancelled: () -> Bool) throws -> [UInt32] {
    var out: [UInt32] = []
    let n = rel.count
    var start = 0
    while start < n {
      if isCancelled() { throw Interrupted() }
      let end = min(n, start + Executor.batchSize)
      let rows: [UInt32] = rel.selection.map { Array($0[start..<end]) } ?? (UInt32(start)..<UInt32(end)).map { $0 }
      var batch = rel
      batch.selection = rows
      let v = try Evaluator(relation: batch).eval(p).column(count: rows.count, type: .bool)
      if case .bool(let b) = v.data {
        for k in 0..<rows.count where b[k] && !v.isNull(k) { out.append(rows[k]) }
      }
      start = end
    }
    return out
  }
}
