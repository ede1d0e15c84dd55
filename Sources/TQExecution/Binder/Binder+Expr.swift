import TQStorage
import TQSyntax

extension Binder {
  /// Binds a scalar expression over `schema`.
  func bindExpr(_ e: Expr, _ schema: Schema) throws -> BoundExpr {
    switch e.kind {
    case .missing:
      throw Diagnostic("expected an expression", in: source, e.range)
    case .literal(let lit):
      return Self.constant(lit)
    case .column(let name):
      let i = try resolveColumn(Ident(name, e.range), in: schema)
      return .column(i, schema.fields[i].type)
    case .unary(let op, let x):
      let b = try bindExpr(x, schema)
      switch op {
      case .negate:
        guard b.type.isNumeric else { throw Diagnostic("cannot negate a \(b.type.rawValue)", in: source, e.range) }
        if case .constant(.int(let v), _) = b { return .constant(.int(0 &- v), .int) }
        if case .constant(.float(let v), _) = b { return .constant(.float(-v), .float) }
        return .unary(.negate, b, b.type)
      case .not:
        try expectBool(b, x)
        return .unary(.not, b, .bool)
      }
    case .binary(let op, let l, let r):
      return try bindBinary(op, l, r, e, schema)
    case .inList(let x, let items, let negated):
      let b = try bindExpr(x, schema)
      var values: [Value] = []
      for item in items {
        let v = try bindExpr(item, schema)
        guard case .constant(let c, let t) = v else {
          throw Diagnostic("a list after \"in\" holds constants", in: source, item.range)
        }
        guard t == nil || Self.comparable(b.type, t!) else {
          throw Diagnostic("cannot compare \(b.type.rawValue) with \(t!.rawValue)", in: source, item.range,
                           hint: Self.isQuotedNumber(v) ? "write the number without quotes" : nil)
        }
        values.append(Self.coerce(c, to: b.type))
      }
      return .inList(b, values, negated: negated)
    case .call(let f, let args):
      return try bindCall(f, args, e, schema)
    }
  }

  /// Binds `l op r`.
  func bindBinary(_ op: BinaryOp, _ l: Expr, _ r: Expr, _ e: Expr, _ schema: Schema) throws -> BoundExpr {
    var a = try bindExpr(l, schema)
    var b = try bindExpr(r, schema)
    let (ta, tb) = (a.type, b.type)
    func mismatch(_ verb: String) -> Diagnostic {
      Diagnostic("cannot \(verb) \(ta.rawValue) and \(tb.rawValue)", in: source, e.range)
    }
    switch op {
    case .and, .or:
      try expectBool(a, l)
      try expectBool(b, r)
      return .binary(op, a, b, .bool)
    case .like, .matches:
      guard ta == .string || Self.isNull(a) else {
        throw Diagnostic("\(op.rawValue) needs text on its left, found \(ta.rawValue)", in: source, l.range)
      }
      guard case .constant(.string(let pattern), _) = b else {
        throw Diagnostic("\(op.rawValue) needs a pattern in quotes", in: source, r.range)
      }
      if op == .matches, (try? Regex(pattern)) == nil {
        throw Diagnostic("invalid regular expression", in: source, r.range)
      }
      return .binary(op, a, b, .bool)
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
      if Self.isNull(a) || Self.isNull(b) { return .binary(op, a, b, .bool) }
      guard Self.comparable(ta, tb) else {
        throw Diagnostic("cannot compare \(ta.rawValue) with \(tb.rawValue)", in: source, e.range,
                         hint: Self.isQuotedNumber(a) || Self.isQuotedNumber(b) ? "write the number without quotes" : nil)
      }
      b = Self.coerceConstant(b, to: ta)
      a = Self.coerceConstant(a, to: tb)
      return .binary(op, a, b, .bool)
    case .add, .subtract:
      if ta == .timestamp && tb == .int { return .binary(op, a, b, .timestamp) }
      if ta == .date && tb == .int { return .binary(op, a, b, .date) }
      if op == .add && ta == .int && tb == .timestamp { return .binary(op, b, a, .timestamp) }
      if op == .add && ta == .int && tb == .date { return .binary(op, b, a, .date) }
      if op == .subtract && ta == .timestamp && tb == .timestamp { return .binary(op, a, b, .int) }
      if op == .subtract && ta == .date && tb == .date { return .binary(op, a, b, .int) }
      guard ta.isNumeric || Self.isNull(a), tb.isNumeric || Self.isNull(b) else { throw mismatch(op == .add ? "add" : "subtract") }
      return .binary(op, a, b, ta == .int && tb == .int ? .int : .float)
    case .multiply, .divide, .modulo:
      guard ta.isNumeric || Self.isNull(a), tb.isNumeric || Self.isNull(b) else {
        throw mismatch(op == .multiply ? "multiply" : op == .divide ? "divide" : "take the remainder of")
      }
      let t: DataType = op == .divide ? .float : (ta == .int && tb == .int ? .int : .float)
      return .binary(op, a, b, t)
    }
  }

  /// Binds a scalar function call.
  func bindCall(_ f: Ident, _ args: [Expr], _ e: Expr, _ schema: Schema) throws -> BoundExpr {
    let l = f.name.lowercased()
    guard let fn = ScalarFunction(rawValue: l) else {
      if Registry.lookup(l, kind: .aggregate) != nil {
        throw Diagnostic("aggregate \"\(l)\" is only allowed in group … agg", in: source, f.range,
                         hint: "write: group <key> agg x = \(source.text(of: e.range))")
      }
      let names = Registry.names(.function) + Registry.names(.aggregate)
      throw Diagnostic("unknown function \"\(f.name)\"", in: source, f.range,
                       hint: Self.foreignHint(l, kind: .function) ?? Suggest.hint(l, in: names))
    }
    let b = try args.map { try bindExpr($0, schema) }
    let syntax = Registry.lookup(l, kind: .function)?.syntax ?? l
    func arity(_ n: Int) throws {
      guard b.count == n else {
        throw Diagnostic("\(l) takes \(n == 1 ? "one argument" : "\(n) arguments"), found \(b.count)", in: source, e.range,
                         hint: "write \(syntax)")
      }
    }
    func expect(_ i: Int, _ ok: (DataType) -> Bool, _ what: String) throws {
      guard ok(b[i].type) || Self.isNull(b[i]) else {
        throw Diagnostic("\(l) needs \(what), found \(b[i].type.rawValue)", in: source, args[i].range)
      }
    }
    switch fn {
    case .lower, .upper, .len:
      try arity(1)
      try expect(0, { $0 == .string }, "text")
      return .call(fn, b, fn == .len ? .int : .string)
    case .coalesce:
      guard !b.isEmpty else { throw Diagnostic("coalesce needs at least one argument", in: source, e.range) }
      let t = b.first { !Self.isNull($0) }?.type ?? .string
      for (i, x) in b.enumerated() where !Self.isNull(x) && !Self.unifiable(x.type, t) {
        throw Diagnostic("coalesce needs arguments of one type: \(t.rawValue) and \(x.type.rawValue)", in: source, args[i].range)
      }
      let rt: DataType = b.contains { $0.type == .float } && t.isNumeric ? .float : t
      return .call(fn, b, rt)
    case .if:
      try arity(3)
      try expectBool(b[0], args[0])
      let (x, y) = (b[1], b[2])
      guard Self.isNull(x) || Self.isNull(y) || Self.unifiable(x.type, y.type) else {
        throw Diagnostic("if needs two values of one type: \(x.type.rawValue) and \(y.type.rawValue)", in: source, e.range)
      }
      let t = Self.isNull(x) ? y.type : (Self.isNull(y) ? x.type : (x.type == y.type ? x.type : .float))
      return .call(fn, b, t)
    case .round, .abs:
      guard b.count == 1 || (fn == .round && b.count == 2) else {
        throw Diagnostic("\(l) takes \(fn == .round ? "one or two arguments" : "one argument"), found \(b.count)", in: source, e.range,
                         hint: "write \(syntax)")
      }
      try expect(0, { $0.isNumeric }, "a number")
      if b.count == 2 {
        guard case .constant(.int, _) = b[1] else { throw Diagnostic("round needs a whole number of digits", in: source, args[1].range) }
      }
      return .call(fn, b, fn == .abs ? b[0].type : (b[0].type == .int && b.count == 1 ? .int : .float))
    case .date, .hour, .weekday, .week, .month, .year:
      try arity(1)
      try expect(0, { $0 == .timestamp || $0 == .date }, "a timestamp or date")
      if fn == .hour { try expect(0, { $0 == .timestamp }, "a timestamp") }
      return .call(fn, b, fn == .date ? .date : .int)
    }
  }

  /// SQL and dataframe spellings of tq's functions and aggregates (`length` for `len`).
  static let foreignNames: [String: String] = [
    "length": "len", "char_length": "len", "lcase": "lower", "ucase": "upper", "ifnull": "coalesce", "nvl": "coalesce",
    "iif": "if", "dayofweek": "weekday", "weekofyear": "week",
    "mean": "avg", "average": "avg", "total": "sum", "n_distinct": "distinct", "count_distinct": "distinct", "nunique": "distinct",
  ]

  /// `did you mean "len"?` when `name` is another language's word for a tq name of this kind.
  static func foreignHint(_ name: String, kind: Registry.Entry.Kind) -> String? {
    guard let tq = foreignNames[name], Registry.lookup(tq, kind: kind) != nil else { return nil }
    return "did you mean \"\(tq)\"?"
  }

  /// Fails unless `b` is a boolean.
  func expectBool(_ b: BoundExpr, _ e: Expr) throws {
    guard b.type == .bool || Self.isNull(b) else {
      throw Diagnostic("expected a true/false value, found \(b.type.rawValue)", in: source, e.range)
    }
  }

  /// The bound constant of a literal.
  static func constant(_ lit: Literal) -> BoundExpr {
    switch lit {
    case .int(let v): return .constant(.int(v), .int)
    case .float(let v): return .constant(.float(v), .float)
    case .string(let s): return .constant(.string(s), .string)
    case .bool(let v): return .constant(.bool(v), .bool)
    case .null: return .constant(.null, nil)
    case .date(let d): return .constant(.date(d), .date)
    case .timestamp(let t): return .constant(.timestamp(t), .timestamp)
    case .duration(let us): return .constant(.int(us), .int)
    }
  }

  /// Whether a bound expression is the untyped `null`.
  static func isNull(_ b: BoundExpr) -> Bool {
    if case .constant(.null, nil) = b { return true }
    return false
  }

  /// Whether a bound expression is a text constant that reads as a number (`"30"`).
  static func isQuotedNumber(_ b: BoundExpr) -> Bool {
    guard case .constant(.string(let s), _) = b else { return false }
    return !s.isEmpty && Double(s) != nil
  }

  /// Whether values of two types can be compared.
  static func comparable(_ a: DataType, _ b: DataType) -> Bool {
    a == b || (a.isNumeric && b.isNumeric) || (a == .timestamp && b == .date) || (a == .date && b == .timestamp)
  }

  /// Whether two types can meet in one result column (`if`, `coalesce`).
  static func unifiable(_ a: DataType, _ b: DataType) -> Bool { a == b || (a.isNumeric && b.isNumeric) }

  /// A constant converted to the type of the other side of a comparison when it converts
  /// exactly (int → float, date → timestamp); any other constant keeps its own type.
  static func coerceConstant(_ b: BoundExpr, to t: DataType) -> BoundExpr {
    guard case .constant(let v, let type) = b else { return b }
    let c = coerce(v, to: t)
    return .constant(c, c.type ?? type)
  }

  /// Converts a constant to the type of the other side of a comparison.
  static func coerce(_ v: Value, to t: DataType) -> Value {
    switch (v, t) {
    case (.int(let x), .float): return .float(Double(x))
    case (.date(let d), .timestamp): return .timestamp(Int64(d) * 86_400_000_000)
    default: return v
    }
  }
}
