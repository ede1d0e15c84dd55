import TQJourney
import TQStorage
import TQSyntax

extension Binder {
  /// Binds a journey verb: checks the roles it needs and resolves its options and models.
  func bindJourney(_ j: JourneyStage, stage: Stage, input: LogicalPlan, schema: Schema) throws -> (LogicalPlan, Schema) {
    let verbName = j.verb.rawValue
    guard let verb = JourneyPlan.Verb(rawValue: verbName) else {
      throw Diagnostic("\(verbName) is not available yet", in: source, stage.verb.range)
    }
    let isPaths = schema.roles[.path] != nil
    let touch: String
    if verb == .pareto || verb == .compare {
      touch = schema.roles[.channel] ?? schema.roles[.path] ?? schema.fields.first?.name ?? ""
    } else if let by = j.by {
      if isPaths {
        throw Diagnostic("a path table's touchpoints are its path column: \"by\" does not apply", in: source, by.range)
      }
      touch = schema.fields[try resolveColumn(by, in: schema)].name
    } else if isPaths {
      touch = schema.roles[.path]!
    } else if let ch = schema.roles[.channel] {
      touch = ch
    } else {
      throw Diagnostic("\(verbName) needs a touchpoint column, and this table has no channel", in: source, stage.verb.range,
                       hint: "add: by <column>, or load with: with channel = <column>")
    }
    if !isPaths {
      for role in [Role.journey, .time] where schema.roles[role] == nil {
        throw Diagnostic("\(verbName) needs a \(role.rawValue) column, and this table has none", in: source, stage.verb.range,
                         hint: "load it with: with \(role.rawValue) = <column>")
      }
    } else if [.journeys, .lag, .funnel, .compare].contains(verb) {
      throw Diagnostic("\(verbName) needs touch times, and a path table has no time", in: source, stage.verb.range,
                       hint: "use a touch-level table (one row per touch)")
    }
    var plan = JourneyPlan(verb: verb, touchColumn: touch)
    if isPaths { plan.label = "channel" }
    plan.top = j.top.map { Int($0.value) }
    plan.collapse = j.has("collapse")
    plan.includeNonConverting = j.has("all")
    plan.stats = j.has("stats")
    plan.compare = j.compare
    plan.onValue = j.onValue
    if let w = j.window {
      if isPaths {
        throw Diagnostic("lookback needs touch times, and a path table has no time", in: source, w.range)
      }
      plan.lookback = w.value
    }
    if let o = j.order {
      guard (1...4).contains(o.value) else { throw Diagnostic("order must be 1 to 4", in: source, o.range) }
      plan.order = Int(o.value)
    }
    try bindReportOptions(j, into: &plan, stage: stage, schema: schema, isPaths: isPaths)
    if let versus = j.versus { plan.truth = try bindTruth(versus, j, input: input, schema: schema, touch: touch) }
    if verb == .attribute {
      guard !j.models.isEmpty else { throw Diagnostic("attribute needs a model", in: source, stage.range, hint: "models: \(Registry.names(.model).joined(separator: ", "))") }
      plan.models = try j.models.map { try bindModel($0, pathTable: isPaths) }
      for (i, m) in j.models.enumerated() where plan.models[..<i].contains(where: { $0.name == plan.models[i].name }) {
        throw Diagnostic("model \"\(m.text)\" is listed twice", in: source, m.range)
      }
    }
    var columns = JourneyVerbs.schema(plan, journeyColumn: schema.roles[.journey] ?? "journey")
    if verb == .journeys, let jc = schema.roles[.journey], let i = schema.index(of: jc) { columns[0].1 = schema.fields[i].type }
    let out = Schema(fields: columns.map { Schema.Field($0.0, $0.1) }, roles: [:])
    if verb == .compare {
      let groups = try j.groups.map { g -> NamedExpr in
        let p = try bindExpr(g.expr, schema)
        guard p.type == .bool else {
          throw Diagnostic("compare needs a true/false condition for \"\(g.name?.name ?? "")\", found \(p.type.rawValue)", in: source, g.expr.range)
        }
        return NamedExpr(g.name?.name ?? defaultName(g.expr), p)
      }
      plan.groups = groups.map(\.name)
      return (.compareGroups(input, plan, groups: groups), out)
    }
    return (.journey(input, plan), out)
  }

  /// The options of funnel (column, steps, window) and pareto (column, measure).
  func bindReportOptions(_ j: JourneyStage, into plan: inout JourneyPlan, stage: Stage, schema: Schema, isPaths: Bool) throws {
    if let c = j.column { plan.column = schema.fields[try resolveColumn(c, in: schema)].name }
    switch j.verb {
    case .funnel:
      guard !j.steps.isEmpty else { throw Diagnostic("funnel needs at least one step", in: source, stage.range) }
      plan.steps = try j.steps.map { e in
        switch e.kind {
        case .literal(.string(let s)): return s
        case .column(let word): return word
        default: throw Diagnostic("a funnel step is a value of the column, such as awareness or \"awareness\"", in: source, e.range)
        }
      }
      plan.within = j.window?.value
    case .pareto:
      if let m = j.by {
        guard let measure = JourneyPlan.Measure(rawValue: m.name.lowercased()) else {
          throw Diagnostic("pareto ranks by value, conversions or touches", in: source, m.range,
                           hint: Suggest.hint(m.name, in: ["value", "conversions", "touches"]))
        }
        plan.measure = measure
      } else {
        plan.measure = schema.roles[.value] != nil ? .value : (isPaths ? .conversions : .touches)
      }
    default:
      break
    }
  }

  /// Resolves an attribution model as written.
  func bindModel(_ m: ModelSpec, pathTable: Bool) throws -> AttributionModel {
    let name = m.name.name.lowercased()
    func noArguments() throws {
      if let a = m.arguments.first { throw Diagnostic("\(name) takes no arguments", in: source, a.range) }
    }
    if m.order != nil || m.withoutNulls, name != "markov" {
      throw Diagnostic("only markov takes \"order\" and \"without nulls\"", in: source, m.range)
    }
    let rule: AttributionModel.Rule
    switch name {
    case "first": try noArguments(); rule = .first
    case "last": try noArguments(); rule = .last
    case "last_non_direct": try noArguments(); rule = .lastNonDirect
    case "linear": try noArguments(); rule = .linear
    case "w_shaped": try noArguments(); rule = .wShaped
    case "j_shaped": try noArguments(); rule = .position(20, 20, 60)
    case "inverse_j": try noArguments(); rule = .position(60, 20, 20)
    case "shapley": try noArguments(); rule = .shapley
    case "position":
      var w: [Double] = [40, 20, 40]
      if !m.arguments.isEmpty {
        guard m.arguments.count == 3 else {
          throw Diagnostic("position takes three shares: first, middle, last", in: source, m.range, hint: "write position(40, 20, 40)")
        }
        w = try m.arguments.map { a in
          guard case .literal(let lit) = a.kind, let v = lit.doubleValue, v >= 0 else {
            throw Diagnostic("a share must be a number of 0 or more", in: source, a.range)
          }
          return v
        }
        guard w[0] + w[2] > 0 else { throw Diagnostic("the first and last shares must not both be 0", in: source, m.range) }
      }
      rule = .position(w[0], w[1], w[2])
    case "time_decay":
      if pathTable { throw Diagnostic("time_decay needs touch times, and a path table has no time", in: source, m.range) }
      var half: Int64 = 7 * 86_400_000_000
      if let a = m.arguments.first {
        guard m.arguments.count == 1, case .literal(.duration(let us)) = a.kind, us > 0 else {
          throw Diagnostic("time_decay takes a half-life such as 7d", in: source, a.range)
        }
        half = us
      }
      rule = .timeDecay(half)
    case "markov":
      try noArguments()
      rule = .markov(order: Int(m.order?.value ?? 1), withNulls: !m.withoutNulls)
      if let o = m.order, !(1...4).contains(o.value) { throw Diagnostic("markov order must be 1 to 4", in: source, o.range) }
    default:
      throw Diagnostic("unknown model \"\(m.name.name)\"", in: source, m.name.range,
                       hint: Suggest.hint(name, in: Registry.names(.model)) ?? "models: \(Registry.names(.model).joined(separator: ", "))")
    }
    return AttributionModel(rule, name: m.text)
  }
}
