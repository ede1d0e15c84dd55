import TQStorage
import TQSyntax

extension Binder {
  /// `group keys [agg aggregates]`: keys are columns or named expressions; no `agg` means `n = count()`.
  func bindGroup(keys: [Projection], aggregates: [Projection], stage: Stage, input: LogicalPlan, schema: Schema)
    throws -> (LogicalPlan, Schema)
  {
    var out = Schema(fields: [], roles: [:])
    var boundKeys: [NamedExpr] = []
    for k in keys {
      if case .call(let f, _) = k.expr.kind, Registry.lookup(f.name, kind: .aggregate) != nil,
        Registry.lookup(f.name, kind: .function) == nil
      {
        throw Diagnostic("aggregate \"\(f.name)\" belongs after \"agg\"", in: source, k.expr.range,
                         hint: "write: group … agg \(k.name?.name ?? f.name) = \(defaultName(k.expr))")
      }
      let e = try bindExpr(k.expr, schema)
      let name = k.name?.name ?? defaultName(k.expr)
      boundKeys.append(NamedExpr(name, e))
      out.fields.append(.init(name, e.type))
      if let ci = e.columnIndex { for (r, c) in schema.roles where c == schema.fields[ci].name { out.roles[r] = name } }
    }
    var aggs: [BoundAggregate] = []
    for a in aggregates {
      let b = try bindAggregate(a, schema)
      if out.fields.contains(where: { $0.name == b.name }) {
        throw Diagnostic("column \"\(b.name)\" is defined twice", in: source, a.name?.range ?? a.expr.range)
      }
      aggs.append(b)
      out.fields.append(.init(b.name, b.type))
    }
    if aggregates.isEmpty {
      aggs.append(BoundAggregate(function: .countAll, argument: nil, name: "n", type: .int))
      out.fields.append(.init("n", .int))
    }
    return (.aggregate(input, keys: boundKeys, aggregates: aggs), out)
  }

  /// One `name = aggregate(args)` item.
  func bindAggregate(_ item: Projection, _ schema: Schema) throws -> BoundAggregate {
    guard case .call(let fname, let args) = item.expr.kind else {
      throw Diagnostic("expected an aggregate such as count() or sum(revenue)", in: source, item.expr.range,
                       hint: "compute other values with derive after group")
    }
    let name = item.name?.name ?? defaultName(item.expr)
    let l = fname.name.lowercased()
    let known = Registry.names(.aggregate)
    guard known.contains(l) else {
      if Registry.lookup(l, kind: .function) != nil {
        throw Diagnostic("\"\(l)\" is not an aggregate", in: source, fname.range,
                         hint: "apply it with derive before group, or aggregate with one of: \(known.joined(separator: ", "))")
      }
      throw Diagnostic("unknown aggregate \"\(fname.name)\"", in: source, fname.range,
                       hint: Self.foreignHint(l, kind: .aggregate) ?? Suggest.hint(l, in: known))
    }
    func arity(_ n: Int) throws {
      guard args.count == n else {
        let s = Registry.lookup(l, kind: .aggregate)?.syntax ?? l
        throw Diagnostic("\(l) takes \(n == 0 ? "no arguments" : n == 1 ? "one argument" : "\(n) arguments")", in: source,
                         item.expr.range, hint: "write \(s)")
      }
    }
    switch l {
    case "count":
      if args.isEmpty { return BoundAggregate(function: .countAll, argument: nil, name: name, type: .int) }
      try arity(1)
      return BoundAggregate(function: .count, argument: try bindExpr(args[0], schema), name: name, type: .int)
    case "share":
      try arity(0)
      return BoundAggregate(function: .share, argument: nil, name: name, type: .float)
    case "quantile":
      try arity(2)
      let x = try numericArgument(args[0], schema, l)
      guard case .literal(let lit) = args[1].kind, let q = lit.doubleValue, q >= 0, q <= 1 else {
        throw Diagnostic("quantile needs a number between 0 and 1", in: source, args[1].range)
      }
      return BoundAggregate(function: .quantile, argument: x, parameter: q, name: name, type: x.type == .int ? .float : x.type)
    default:
      try arity(1)
      let f = AggregateFunction(rawValue: l)!
      switch f {
      case .sum:
        let x = try numericArgument(args[0], schema, l)
        return BoundAggregate(function: f, argument: x, name: name, type: x.type)
      case .avg, .median:
        let x = try numericArgument(args[0], schema, l)
        let t: DataType = x.type == .timestamp || x.type == .date ? x.type : .float
        return BoundAggregate(function: f, argument: x, parameter: 0.5, name: name, type: t)
      case .distinct:
        return BoundAggregate(function: f, argument: try bindExpr(args[0], schema), name: name, type: .int)
      default:
        let x = try bindExpr(args[0], schema)
        return BoundAggregate(function: f, argument: x, name: name, type: x.type)
      }
    }
  }

  /// An argument that must be a number (or, for avg/median/quantile, a time).
  func numericArgument(_ e: Expr, _ schema: Schema, _ fn: String) throws -> BoundExpr {
    let x = try bindExpr(e, schema)
    let ok = x.type.isNumeric || (fn != "sum" && (x.type == .timestamp || x.type == .date))
    guard ok else { throw Diagnostic("\(fn) needs a number, found \(x.type.rawValue)", in: source, e.range) }
    return x
  }
}

extension Literal {
  /// The literal as a Double when it is a number.
  var doubleValue: Double? {
    switch self {
    case .int(let v): return Double(v)
    case .float(let v): return v
    default: return nil
    }
  }
}
