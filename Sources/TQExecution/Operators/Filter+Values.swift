import TQStorage
import TQSyntax

extension Filter {
  /// For `column op constant` (or `constant op column`) on a number or time column, the
  /// selected rows from one scan of the values, compared as `Compare` would: as doubles
  /// when either side is a float, timestamps as microseconds (a date constant at its
  /// midnight). Nil for anything else, which the batch evaluator decides.
  static func valueSelect(_ p: BoundExpr, _ rel: Relation) -> [UInt32]? {
    guard let t = valueTest(p) else { return nil }
    return valueSelect([t], rel)
  }

  /// For `a and b` where both compare one number or time column with constants (a range
  /// such as `ts >= @2024-06-01 and ts < @2024-07-01`), the rows of one scan testing both;
  /// nil otherwise.
  static func rangeSelect(_ a: BoundExpr, _ b: BoundExpr, _ rel: Relation) -> [UInt32]? {
    guard let x = valueTest(a), let y = valueTest(b), x.column == y.column else { return nil }
    return valueSelect([x, y], rel)
  }

  /// `column op constant`, with the column on the left.
  struct ValueTest {
    let column: Int, op: BinaryOp, constant: Value
  }

  /// The test `p` when it compares a column with a constant (either order).
  static func valueTest(_ p: BoundExpr) -> ValueTest? {
    guard case .binary(let op, let l, let r, _) = p, op.isComparison else { return nil }
    switch (l, r) {
    case (.column(let c, _), .constant(let v, _)): return ValueTest(column: c, op: op, constant: v)
    case (.constant(let v, _), .column(let c, _)): return ValueTest(column: c, op: mirrored(op), constant: v)
    default: return nil
    }
  }

  /// The rows passing every one of `tests` (one or two, all of one column), or nil when a
  /// constant does not compare with the column's values here.
  private static func valueSelect(_ tests: [ValueTest], _ rel: Relation) -> [UInt32]? {
    let column = rel.columns[tests[0].column]
    let ops = tests.map(\.op)
    let rows = rel.selection
    let validity = column.validity
    /// The constants as `C`, or nil when one is not.
    func constants<C>(_ convert: (Value) -> C?) -> [C]? {
      let c = tests.compactMap { convert($0.constant) }
      return c.count == tests.count ? c : nil
    }
    switch column.data {
    case .float(let a):
      guard let c = constants({ $0.asDouble }) else { return nil }
      return scan(a, ops, c, rows, validity) { $0 }
    case .int(let a):
      guard let c = constants({ v -> Int64? in if case .int(let x) = v { return x } else { return nil } }) else { return nil }
      switch a {
      case .i8(let x): return scan(x, ops, c, rows, validity) { Int64($0) }
      case .i16(let x): return scan(x, ops, c, rows, validity) { Int64($0) }
      case .i32(let x): return scan(x, ops, c, rows, validity) { Int64($0) }
      case .i64(let x): return scan(x, ops, c, rows, validity) { $0 }
      }
    case .timestamp(let a):
      let c = constants { v -> Int64? in
        switch v {
        case .timestamp(let x): return x
        case .date(let d): return Int64(d) * CivilTime.microsPerDay
        default: return nil
        }
      }
      guard let c else { return nil }
      return scan(a, ops, c, rows, validity) { $0 }
    case .date(let a):
      guard let c = constants({ v -> Int64? in if case .date(let d) = v { return Int64(d) } else { return nil } }) else { return nil }
      return scan(a, ops, c, rows, validity) { Int64($0) }
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

  /// The rows (of `rows`, else all) whose value `v` satisfies `widen(v) ops[k] c[k]` for
  /// every k (one or two tests), nulls left out; `c` is in the wider of the two types
  /// (`Double` or `Int64`).
  @inline(__always) private static func scan<V, C: Comparable>(
    _ values: [V], _ ops: [BinaryOp], _ c: [C], _ rows: [UInt32]?, _ validity: Bitmap?, _ widen: (V) -> C
  ) -> [UInt32] {
    values.withUnsafeBufferPointer { v in
      if ops.count == 2 {
        let (op1, c1, op2, c2) = (ops[0], c[0], ops[1], c[1])
        return select(v, rows, validity) { x in
          let w = widen(x)
          return holds(w, op1, c1) && holds(w, op2, c2)
        }
      }
      let c = c[0]
      switch ops[0] {
      case .equal: return select(v, rows, validity) { widen($0) == c }
      case .notEqual: return select(v, rows, validity) { widen($0) != c }
      case .less: return select(v, rows, validity) { widen($0) < c }
      case .lessEqual: return select(v, rows, validity) { widen($0) <= c }
      case .greater: return select(v, rows, validity) { widen($0) > c }
      default: return select(v, rows, validity) { widen($0) >= c }
      }
    }
  }

  /// Whether `w op c`.
  @inline(__always) private static func holds<C: Comparable>(_ w: C, _ op: BinaryOp, _ c: C) -> Bool {
    switch op {
    case .equal: return w == c
    case .notEqual: return w != c
    case .less: return w < c
    case .lessEqual: return w <= c
    case .greater: return w > c
    default: return w >= c
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
