import TQStorage
import TQSyntax

extension Binder {
  /// `where`: a boolean predicate.
  func bindWhere(_ e: Expr, input: LogicalPlan, schema: Schema) throws -> (LogicalPlan, Schema) {
    let p = try bindExpr(e, schema)
    guard p.type == .bool else {
      throw Diagnostic("where needs a true/false condition, found \(p.type.rawValue)", in: source, e.range,
                       hint: "compare it, e.g. \(defaultName(e)) > 0")
    }
    return (.filter(input, predicate: p), schema)
  }

  /// `select` and `derive`: computed columns.
  func bindProject(_ items: [Projection], keepInput: Bool, input: LogicalPlan, schema: Schema) throws -> (LogicalPlan, Schema) {
    var named: [NamedExpr] = []
    var out = keepInput ? schema : Schema(fields: [], roles: [:])
    for item in items {
      let bound = try bindExpr(item.expr, schema)
      let name = item.name?.name ?? defaultName(item.expr)
      if !keepInput, out.fields.contains(where: { $0.name == name }) {
        throw Diagnostic("column \"\(name)\" is selected twice", in: source, item.name?.range ?? item.expr.range)
      }
      named.append(NamedExpr(name, bound))
      if let i = out.index(of: name), keepInput {
        out.fields[i] = .init(name, bound.type)
        out.roles = out.roles.filter { $0.value != out.fields[i].name || bound.columnIndex == i }
      } else {
        out.fields.append(.init(name, bound.type))
      }
      if !keepInput, let ci = bound.columnIndex {
        for (role, col) in schema.roles where col == schema.fields[ci].name { out.roles[role] = name }
      }
    }
    return (.project(input, items: named, keepInput: keepInput), out)
  }

  /// `sort`: keys and directions.
  func bindSort(_ keys: [SortKey], input: LogicalPlan, schema: Schema) throws -> (LogicalPlan, Schema) {
    let bound = try keys.map { BoundSortKey(try bindExpr($0.expr, schema), descending: $0.descending) }
    return (.sort(input, keys: bound), schema)
  }

  /// `distinct`: the named columns, or all.
  func bindDistinct(_ cols: [Ident], input: LogicalPlan, schema: Schema) throws -> (LogicalPlan, Schema) {
    let idx = cols.isEmpty ? Array(schema.fields.indices) : try cols.map { try resolveColumn($0, in: schema) }
    let out = Schema(fields: idx.map { schema.fields[$0] }, roles: schema.roles.filter { r in idx.contains { schema.fields[$0].name == r.value } })
    return (.distinct(input, columns: idx), out)
  }

  /// `rename new = old, …`.
  func bindRename(_ pairs: [Rename], input: LogicalPlan, schema: Schema) throws -> (LogicalPlan, Schema) {
    var out = schema
    var map: [Int: String] = [:]
    for p in pairs {
      let i = try resolveColumn(p.old, in: schema)
      if let j = out.index(of: p.new.name), j != i, out.fields[j].name == p.new.name {
        throw Diagnostic("column \"\(p.new.name)\" already exists", in: source, p.new.range)
      }
      map[i] = p.new.name
      for (role, col) in out.roles where col == schema.fields[i].name { out.roles[role] = p.new.name }
      out.fields[i].name = p.new.name
    }
    return (.rename(input, map), out)
  }

  /// `[left] join t on a, b`.
  func bindJoin(_ t: Ident, on: [Ident], left: Bool, input: LogicalPlan, schema: Schema) throws -> (LogicalPlan, Schema) {
    guard let right = tables[t.name] else {
      throw Diagnostic("unknown table \"\(t.name)\"", in: source, t.range, hint: Suggest.hint(t.name, in: Array(tables.keys)))
    }
    let rs = Schema(of: right)
    var lk: [Int] = [], rk: [Int] = []
    for k in on {
      let l = try resolveColumn(k, in: schema)
      guard let r = rs.index(of: k.name) else {
        throw Diagnostic("table \"\(t.name)\" has no column \"\(k.name)\"", in: source, k.range, hint: Suggest.hint(k.name, in: rs.names))
      }
      let (a, b) = (schema.fields[l].type, rs.fields[r].type)
      guard a == b || (a.isNumeric && b.isNumeric) else {
        throw Diagnostic("cannot join \(a.rawValue) column \"\(k.name)\" with \(b.rawValue) column of \"\(t.name)\"", in: source, k.range)
      }
      lk.append(l)
      rk.append(r)
    }
    var out = schema
    for (i, f) in rs.fields.enumerated() where !rk.contains(i) {
      var name = f.name
      while out.index(of: name) != nil { name += "_2" }
      out.fields.append(.init(name, f.type))
    }
    return (.join(input, right: t.name, leftKeys: lk, rightKeys: rk, keepLeftUnmatched: left), out)
  }
}
