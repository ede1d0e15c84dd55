import TQStorage
import TQSyntax

/// Evaluates bound expressions over all selected rows of a relation at once (column at a time).
struct Evaluator {
  /// The rows the expression reads.
  let relation: Relation

  /// The number of rows evaluated.
  var count: Int { relation.count }

  /// The value of `e` for every selected row.
  func eval(_ e: BoundExpr) throws -> Vector {
    switch e {
    case .column(let i, _): return .column(relation.column(i))
    case .constant(let v, let t): return .constant(v, t)
    case .unary(.negate, let x, let t):
      let c = try eval(x).column(count: count, type: t)
      switch c.data {
      case .int(let values):
        let a = values.widened
        var out = [Int64](repeating: 0, count: a.count)
        for i in a.indices {
          let (v, o) = Int64(0).subtractingReportingOverflow(a[i])
          if o && !c.isNull(i) { throw ExecutionError("integer overflow in \"-\"") }
          out[i] = v
        }
        return .column(Column(name: "", data: .int(out), validity: c.validity))
      default: return .column(Column(name: "", data: .float(c.doubles.map { -$0 }), validity: c.validity))
      }
    case .unary(.not, let x, _):
      let c = try eval(x).column(count: count, type: .bool)
      guard case .bool(let a) = c.data else { return .constant(.null, .bool) }
      return .column(Column(name: "", data: .bool(a.map { !$0 }), validity: c.validity))
    case .binary(let op, let l, let r, let t):
      return try binary(op, l, r, t)
    case .inList(let x, let values, let negated):
      return .column(try inList(eval(x), values, negated: negated))
    case .call(let fn, let args, let t):
      return try call(fn, args, t)
    }
  }

  /// Evaluates a binary operator.
  func binary(_ op: BinaryOp, _ l: BoundExpr, _ r: BoundExpr, _ t: DataType) throws -> Vector {
    let a = try eval(l), b = try eval(r)
    switch op {
    case .and, .or: return .column(logic(op, a, b))
    case .like, .matches:
      guard case .constant(.string(let p), _) = b else { return .constant(.null, .bool) }
      let matcher = try Pattern(op == .like ? .glob(p) : .regex(p))
      return .column(mapStrings(a) { matcher.matches($0) })
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
      return .column(Compare.compare(op, a, b, count: count))
    default:
      return .column(try Arithmetic.apply(op, a, b, type: t, count: count))
    }
  }

  /// Three-valued `and` / `or`.
  func logic(_ op: BinaryOp, _ a: Vector, _ b: Vector) -> Column {
    let x = a.column(count: count, type: .bool), y = b.column(count: count, type: .bool)
    guard case .bool(let av) = x.data, case .bool(let bv) = y.data else { return Vector.broadcast(.null, count: count, type: .bool) }
    var out = [Bool](repeating: false, count: count)
    var valid = Bitmap(count: count, value: true)
    let hasNulls = x.validity != nil || y.validity != nil
    for i in 0..<count {
      let an = x.isNull(i), bn = y.isNull(i)
      if op == .and {
        if (!an && !av[i]) || (!bn && !bv[i]) { out[i] = false } else if an || bn { valid[i] = false } else { out[i] = true }
      } else {
        if (!an && av[i]) || (!bn && bv[i]) { out[i] = true } else if an || bn { valid[i] = false } else { out[i] = false }
      }
    }
    return Column(name: "", data: .bool(out), validity: hasNulls ? valid : nil)
  }

  /// `x [not] in [values]`; with a null in the list, a value not found is null (as `x == null` is).
  func inList(_ x: Vector, _ values: [Value], negated: Bool) throws -> Column {
    let result = try inListValues(x, values, negated: negated)
    guard values.contains(.null), case .bool(let r) = result.data else { return result }
    var valid = result.validity ?? Bitmap(count: r.count, value: true)
    for i in r.indices where r[i] == negated { valid[i] = false }
    return Column(name: "", data: result.data, validity: valid)
  }

  /// `x [not] in [values]`, ignoring nulls in the list.
  func inListValues(_ x: Vector, _ values: [Value], negated: Bool) throws -> Column {
    let col = x.column(count: count, type: x.type ?? .string)
    switch col.data {
    case .string:
      let set = Set(values.compactMap { if case .string(let s) = $0 { return s } else { return nil } })
      return mapStrings(x) { set.contains($0) != negated }
    case .float:
      let set = Set(values.compactMap(\.asDouble))
      return Column(name: "", data: .bool(col.doubles.map { set.contains($0) != negated }), validity: col.validity)
    default:
      // Dates and timestamps meet as microseconds, so that a date equals its midnight.
      let isTime = col.type == .timestamp || col.type == .date
      let ints = isTime ? col.micros : col.int64s
      var set = Set<Int64>()
      for v in values {
        switch v {
        case .int(let i), .timestamp(let i): set.insert(i)
        case .date(let d): set.insert(isTime ? Int64(d) * CivilTime.microsPerDay : Int64(d))
        case .bool(let b): set.insert(b ? 1 : 0)
        case .float(let f) where f == f.rounded(): set.insert(Int64(f))
        default: break
        }
      }
      return Column(name: "", data: .bool(ints.map { set.contains($0) != negated }), validity: col.validity)
    }
  }

  /// A boolean per row from a test on the row's string, computed once per dictionary entry.
  func mapStrings(_ x: Vector, _ test: (String) -> Bool) -> Column {
    switch x {
    case .constant(.string(let s), _): return Vector.broadcast(.bool(test(s)), count: count, type: .bool)
    case .constant: return Vector.broadcast(.null, count: count, type: .bool)
    case .column(let c):
      guard case .string(let d) = c.data else { return Vector.broadcast(.null, count: count, type: .bool) }
      let mask = d.dictionary.map(test)
      return Column(name: "", data: .bool(Kernels.lookup(d.codes, mask)), validity: c.validity)
    }
  }
}
