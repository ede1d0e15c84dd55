import TQStorage

/// `attribute MODEL` and `attribute compare MODEL, …`: credit per channel under attribution models.
enum AttributeVerb {
  /// One model's credit per channel name.
  struct Credit {
    var conversions: [String: Double]
    var value: [String: Double]
    var removal: [String: (Double, Double)]?
  }

  /// Runs the verb.
  static func run(_ t: Table, _ plan: JourneyPlan, isCancelled: () -> Bool) throws -> Table {
    let (credits, seen, total) = try tally(t, plan, isCancelled: isCancelled)
    let channels = seen
      .union(credits.flatMap { c in c.conversions.filter { $0.value != 0 }.keys })
      .union(plan.truth.map { t in t.filter { $0.value != 0 }.map(\.key) } ?? [])
    let lead = plan.compare && plan.onValue ? credits[0].value : credits[0].conversions
    let names = channels.sorted { a, b in
      let x = lead[a] ?? 0, y = lead[b] ?? 0
      return x != y ? x > y : a.utf8.lexicographicallyPrecedes(b.utf8)
    }
    var cols = [JourneyVerbs.strings(plan.label, names)]
    if plan.compare, let truth = plan.truth {
      return TruthScores.table(label: plan.label, names: names, models: plan.models.map(\.name),
                               credits: credits.map(\.conversions), truth: truth, total: total)
    } else if plan.compare {
      for (m, c) in zip(plan.models, credits) {
        let v = plan.onValue ? c.value : c.conversions
        cols.append(JourneyVerbs.floats(m.name, names.map { v[$0] ?? 0 }))
      }
    } else {
      let c = credits[0]
      cols.append(JourneyVerbs.floats("conversions", names.map { c.conversions[$0] ?? 0 }))
      cols.append(JourneyVerbs.floats("value", names.map { c.value[$0] ?? 0 }))
      if let r = c.removal {
        cols.append(JourneyVerbs.floats("removal_effect", names.map { r[$0]?.0 ?? 0 }))
        cols.append(JourneyVerbs.floats("removal_effect_value", names.map { r[$0]?.1 ?? 0 }))
      }
    }
    return JourneyVerbs.table(cols)
  }

  /// Each model's credit, the channels with a touch on some path, and the total conversions.
  static func tally(_ t: Table, _ plan: JourneyPlan, isCancelled: () -> Bool) throws
    -> (credits: [Credit], channels: Set<String>, total: Double)
  {
    if plan.models.allSatisfy({ RuleRunCredit.handles($0.rule) }), let runs = PathRuns(t, touchColumn: plan.touchColumn) {
      return try runCredits(runs, plan.models, isCancelled: isCancelled)
    }
    let needStages = plan.models.contains { $0.rule == .wShaped }
    let options = PathExtractor.Options(touchColumn: plan.touchColumn, needTimes: plan.models.contains(where: \.needsTime),
                                        needStages: needStages,
                                        needDirect: plan.models.contains { $0.rule == .lastNonDirect })
    let p = try PathExtractor.extract(t, options, isCancelled: isCancelled)
    let credits = try plan.models.map { try credit($0, p, isCancelled: isCancelled) }
    var present = [Bool](repeating: false, count: p.channelNames.count)
    for i in 0..<p.count where p.conversions[i] > 0 || p.nulls[i] > 0 { for c in p.path(i) { present[Int(c)] = true } }
    return (credits, Set(p.channelNames.indices.filter { present[$0] }.map { p.channelNames[$0] }), p.totalConversions)
  }

  /// `tally` for rule models in one pass over path runs.
  static func runCredits(_ runs: PathRuns, _ models: [AttributionModel], isCancelled: () -> Bool) throws
    -> (credits: [Credit], channels: Set<String>, total: Double)
  {
    let values = RowValues(runs.table.column(for: .value))
    let codes = runs.touch.dictionary.count
    let parts = try runs.visit(isCancelled: isCancelled) {
      RuleRunCredit(rules: models.map(\.rule), codes: codes, values: values)
    }
    let tally = RuleRunCredit.merged(parts)
    let names = runs.names
    let credits = models.indices.map { m -> Credit in
      var conv: [String: Double] = [:], value: [String: Double] = [:]
      for (code, name) in names.enumerated() {
        conv[name, default: 0] += tally.conversions[m * tally.slots + code]
        value[name, default: 0] += tally.value[m * tally.slots + code]
      }
      return Credit(conversions: conv, value: value, removal: nil)
    }
    return (credits, Set(names.indices.filter { tally.present[$0] }.map { names[$0] }), Double(tally.paths))
  }

  /// The credit of one model.
  static func credit(_ m: AttributionModel, _ p: PathSet, isCancelled: () -> Bool) throws -> Credit {
    switch m.rule {
    case .markov(let order, let withNulls):
      let r = try MarkovModel.attribute(p, order: order, withNulls: withNulls, isCancelled: isCancelled)
      var removal: [String: (Double, Double)] = [:]
      for (i, c) in r.channels.enumerated() { removal[c] = (r.removalEffect[i], r.removalEffectValue[i]) }
      return Credit(conversions: Dictionary(uniqueKeysWithValues: zip(r.channels, r.conversions)),
                    value: Dictionary(uniqueKeysWithValues: zip(r.channels, r.value)), removal: removal)
    case .shapley:
      let r = try ShapleyModel.attribute(p, isCancelled: isCancelled)
      return Credit(conversions: Dictionary(uniqueKeysWithValues: zip(r.channels, r.conversions)),
                    value: Dictionary(uniqueKeysWithValues: zip(r.channels, r.value)), removal: nil)
    default:
      let (c, v) = try RuleModels.attribute(p, rule: m.rule)
      var conv: [String: Double] = [:], value: [String: Double] = [:]
      for (i, name) in p.channelNames.enumerated() {
        conv[name, default: 0] += c[i]
        value[name, default: 0] += v[i]
      }
      return Credit(conversions: conv, value: value, removal: nil)
    }
  }
}
