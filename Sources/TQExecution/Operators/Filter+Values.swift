import TQStorage
import TQSyntax

extension Filter {
  /// For `column op constant` (or `constant op column`) on a number or time column, the
  /// selected rows from one scan of the values, compared as `Compare` would: as doubles
  /// when either side is a float, timestamps as microseconds (a date constant at its
  /// midnight). Nil for anything else, which the batch evaluator decides.
  static func valueSelect(_ p: BoundExpr, _ rel: Relation) -> [UInt32]? {
    guard case .binary(let op, let l, let r, _) = p, op.isComparison else { return nil }
    let (i, constant, flipped): (Int, Value, Bool)
    switch (l, r) {
    case (.column(let c, _), .constant(let v, _)): (i, constant, flipped) = (c, v, false)
    case (.constant(let v, _), .column(let c, _)): (i, constant, flipped) = (c, v, true)
    default: return nil
    }
    let column = rel.columns[i]
    let op2 = flipped ? mirrored(op) : op
    let rows = rel.selection
    let validity = column.validity
    switch (column.data, constant) {
    case (.float(let a), _):
      guard let c = constant.asDouble else { return nil }
      return scan(a, op2, c, rows, validity) { $0 }
    case (.int(let a), .int(let c)):
      switch a {
      case .i8(let x): return scan(x, op2, c, rows, validity) { Int64($0) }
      case .i16(let x): return scan(x, op2, c, rows, validity) { Int64($0) }
      case .i32(let x): return scan(x, op2, c, rows, validity) { Int64($0) }
      case .i64(let x): return scan(x, op2, c, rows, validity) { $0 }
      }
    case (.timestamp(let a), .timestamp(let c)): return scan(a, op2, c, rows, validity) { $0 }
    case (.timestamp(let a), .date(let d)):
      return scan(a, op2, Int64(d) * CivilTime.microsPerDay, rows, validity) { $0 }
    case (.date(let a), .date(let d)): return scan(a, op2, Int64(d), rows, validity) { Int64($0) }
    default: return nil
    }
  }

  /// `op` with its sides swapped: `c < x` is `x > c`.
  private static func mirrored(_ op: BinaryOp) -> BinaryOp {
    switch op {
    case .less: return .greater
    case .lessEqual: return .greaterEqual
    case .greater: return .less
    case .greaterEqual: return .lessEqual
    default: return op
    }
  }

  /// The rows (of `rows`, else all) whose value `v` satisfies `widen(v) op c`, nulls left
  /// out; `c` is in the wider of the two types (`Double` or `Int64`).
  @inline(__always) private static func scan<V, C: Comparable>(
    _ values: [V], _ op: BinaryOp, _ c: C, _ rows: [UInt32]?, _ validity: Bitmap?, _ widen: (V) -> C
  ) -> [UInt32] {
    values.withUnsafeBufferPointer { v in
      switch op {
      case .equal: return select(v, rows, validity) { widen($0) == c }
      case .notEqual: return select(v, rows, validity) { widen($0) != c }
      case .less: return select(v, rows, validity) { widen($0) < c }
      case .lessEqual: return select(v, rows, validity) { widen($0) <= c }
      case .greater: return select(v, rows, validity) { widen($0) > c }
      default: return select(v, rows, validity) { widen($0) >= c }
      }
    }
  }

  /// The rows (of `rows`, else all of `v`) whose value passes `test` and is not null.
  @inline(__always) private static func select<T>(
    _ v: UnsafeBufferPointer<T>, _ rows: [UInt32]?, _ validity: Bitmap?, _ test: (T) -> Bool
  ) -> [UInt32] {
    var out: [UInt32] = []
    if let rows {
      for r in rows where test(v[Int(r)]) { out.append(r) }
    } else {
      for i in 0..<v.count where test(v[i]) { out.append(UInt32(truncatingIfNeeded: i)) }
    }
    if let validity { out.removeAll { !validity[Int($0)] } }
    return out
  }

  /// The rows of `rel` (in its order) in `a` or in `b`, each a selection of `rel`.
  static func union(_ a: [UInt32], _ b: [UInt32], in rel: Relation) -> [UInt32] {
    var marked = Bitmap(count: rel.baseCount, value: false)
    for r in a { marked[Int(r)] = true }
    for r in b { marked[Int(r)] = true }
    if let rows = rel.selection { return rows.filter { marked[Int($0)] } }
    var out: [UInt32] = []
    out.reserveCapacity(a.count + b.count)
    for (w, word) in marked.words.enumerated() {
      var bits = word
      while bits != 0 {
        out.append(UInt32(truncatingIfNeeded: w << 6 | bits.trailingZeroBitCount))
        bits &= bits &- 1
      }
    }
    return out
  }
}
