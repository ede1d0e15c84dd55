import TQStorage
import TQSyntax

/// Comparison kernels: `== != < <= > >=` between two vectors, nulls propagating.
enum Compare {
  /// Compares `a op b` row by row.
  static func compare(_ op: BinaryOp, _ a: Vector, _ b: Vector, count: Int) -> Column {
    if case .constant(.null, _) = a { return Vector.broadcast(.null, count: count, type: .bool) }
    if case .constant(.null, _) = b { return Vector.broadcast(.null, count: count, type: .bool) }
    let ta = a.type ?? .bool, tb = b.type ?? .bool
    if ta == .string || tb == .string { return strings(op, a, b, count: count) }
    let validity = andValidity(a.validity(count: count), b.validity(count: count))
    let out: [Bool]
    if ta == .float || tb == .float {
      out = loop(op, side(a, count) { $0.doubles } scalar: { $0.asDouble ?? 0 }, side(b, count) { $0.doubles } scalar: { $0.asDouble ?? 0 }, count)
    } else {
      let wantMicros = ta == .timestamp || tb == .timestamp
      func ints(_ c: Column) -> [Int64] { wantMicros ? c.micros : c.int64s }
      func scalar(_ v: Value) -> Int64 {
        switch v {
        case .int(let x), .timestamp(let x): return x
        case .date(let d): return wantMicros ? Int64(d) * CivilTime.microsPerDay : Int64(d)
        case .bool(let x): return x ? 1 : 0
        default: return 0
        }
      }
      out = loop(op, side(a, count, ints, scalar: scalar), side(b, count, ints, scalar: scalar), count)
    }
    return Column(name: "", data: .bool(out), validity: validity)
  }

  /// One side of a comparison: an array or a scalar.
  enum Side<T> {
    case array([T])
    case scalar(T)
  }

  /// Turns a vector into a comparison side.
  static func side<T>(_ v: Vector, _ count: Int, _ arr: (Column) -> [T], scalar: (Value) -> T) -> Side<T> {
    switch v {
    case .constant(let x, _): return .scalar(scalar(x))
    case .column(let c): return .array(arr(c))
    }
  }

  /// The comparison loop.
  static func loop<T: Comparable>(_ op: BinaryOp, _ a: Side<T>, _ b: Side<T>, _ count: Int) -> [Bool] {
    let f: (T, T) -> Bool
    switch op {
    case .equal: f = (==)
    case .notEqual: f = (!=)
    case .less: f = (<)
    case .lessEqual: f = (<=)
    case .greater: f = (>)
    default: f = (>=)
    }
    switch (a, b) {
    case (.array(let x), .array(let y)): return (0..<count).map { f(x[$0], y[$0]) }
    case (.array(let x), .scalar(let s)): return x.map { f($0, s) }
    case (.scalar(let s), .array(let y)): return y.map { f(s, $0) }
    case (.scalar(let s), .scalar(let t)): return Array(repeating: f(s, t), count: count)
    }
  }

  /// Compares text; a constant side is compared once per dictionary entry.
  static func strings(_ op: BinaryOp, _ a: Vector, _ b: Vector, count: Int) -> Column {
    func text(_ v: Vector) -> (DictColumn?, String?, Bitmap?) {
      switch v {
      case .constant(.string(let s), _): return (nil, s, nil)
      case .column(let c): if case .string(let d) = c.data { return (d, nil, c.validity) }; return (nil, nil, nil)
      default: return (nil, nil, nil)
      }
    }
    let (da, sa, va) = text(a), (db, sb, vb) = text(b)
    let less: (String, String) -> Bool = { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    func test(_ x: String, _ y: String) -> Bool {
      switch op {
      case .equal: return x == y
      case .notEqual: return x != y
      case .less: return less(x, y)
      case .lessEqual: return !less(y, x)
      case .greater: return less(y, x)
      default: return !less(x, y)
      }
    }
    if let da, let sb { return Column(name: "", data: .bool(Kernels.lookup(da.codes, da.dictionary.map { test($0, sb) })), validity: va) }
    if let sa, let db { return Column(name: "", data: .bool(Kernels.lookup(db.codes, db.dictionary.map { test(sa, $0) })), validity: vb) }
    if let sa, let sb { return Vector.broadcast(.bool(test(sa, sb)), count: count, type: .bool) }
    guard let da, let db else { return Vector.broadcast(.null, count: count, type: .bool) }
    return Column(name: "", data: .bool((0..<count).map { test(da[$0], db[$0]) }), validity: andValidity(va, vb))
  }
}
