import TQStorage

/// Runs a bound journey verb over a table and returns its result table.
public enum JourneyVerbs {
  /// The result of `plan` over `table`.
  public static func run(_ plan: JourneyPlan, on table: Table, groups: [GroupTest] = [], isCancelled: () -> Bool = { false })
    throws -> Table
  {
    var t = try result(plan, on: table, groups: groups, isCancelled: isCancelled)
    t.barColumns = bars(plan)
    return t
  }

  /// The columns a verb's result draws bars for on a terminal.
  static func bars(_ plan: JourneyPlan) -> [String] {
    switch plan.verb {
    case .attribute: return plan.compare ? plan.models.map(\.name) + (plan.truth == nil ? [] : ["truth"]) : ["conversions"]
    case .funnel: return ["journeys"]
    case .pareto: return [plan.measure.rawValue]
    case .compare: return ["conversion_rate"]
    case .paths, .length, .lag: return ["conversions"]
    case .assists: return ["assisted_conversions"]
    case .journeys, .transitions: return []
    }
  }

  /// The result table of a verb.
  static func result(_ plan: JourneyPlan, on table: Table, groups: [GroupTest], isCancelled: () -> Bool) throws -> Table {
    switch plan.verb {
    case .funnel: return try FunnelVerb.run(table, plan, isCancelled: isCancelled)
    case .pareto: return try ParetoVerb.run(table, plan)
    case .assists: return try AssistsVerb.run(table, plan, isCancelled: isCancelled)
    case .compare: return try CompareVerb.run(table, plan, groups: groups, isCancelled: isCancelled)
    case .journeys: return try JourneysVerb.run(table, plan)
    case .paths: return try PathsVerb.run(table, plan, isCancelled: isCancelled)
    case .attribute: return try AttributeVerb.run(table, plan, isCancelled: isCancelled)
    case .transitions: return try TransitionsVerb.run(table, plan, isCancelled: isCancelled)
    case .length: return try LengthVerb.run(table, plan, isCancelled: isCancelled)
    case .lag: return try LagVerb.run(table, plan, isCancelled: isCancelled)
    }
  }

  /// The output columns (name, type) of `plan`, so the binder can type what follows.
  public static func schema(_ plan: JourneyPlan, journeyColumn: String) -> [(String, DataType)] {
    switch plan.verb {
    case .journeys:
      return [(journeyColumn, .string), ("touches", .int), ("first_channel", .string), ("last_channel", .string),
              ("conversions", .int), ("value", .float), ("duration_hours", .float)]
    case .paths:
      return [("path", .string), ("conversions", .int), ("value", .float), ("share", .float), ("avg_length", .float)]
        + (plan.includeNonConverting ? [("nulls", .int)] : [])
    case .attribute:
      if plan.compare {
        return [(plan.label, .string)] + plan.models.map { ($0.name, .float) } + (plan.truth == nil ? [] : [("truth", .float)])
      }
      let markov: Bool
      if case .markov = plan.models.first?.rule { markov = true } else { markov = false }
      return [(plan.label, .string), ("conversions", .float), ("value", .float)]
        + (markov ? [("removal_effect", .float), ("removal_effect_value", .float)] : [])
    case .transitions:
      return [("from", .string), ("to", .string), ("count", .float), ("probability", .float)]
    case .length:
      return plan.stats
        ? [("conversions", .float), ("mean_touches", .float), ("median_touches", .float), ("p90_touches", .float)]
        : [("touches", .int), ("conversions", .float), ("share", .float), ("cumulative_share", .float)]
    case .funnel:
      return [("step", .int), (plan.column ?? "step", .string), ("journeys", .int), ("step_rate", .float), ("overall_rate", .float),
              ("drop_off", .int)]
    case .pareto:
      return [(plan.column ?? "item", .string), (plan.measure.rawValue, .float), ("share", .float), ("cumulative_share", .float),
              ("item_share", .float), ("vital_few", .bool)]
    case .assists:
      return [(plan.label, .string), ("assisted_conversions", .float), ("assisted_value", .float),
              ("last_touch_conversions", .float), ("last_touch_value", .float), ("ratio", .float)]
    case .compare:
      return [("group", .string), ("touches", .int), ("journeys", .int), ("conversions", .int), ("conversion_rate", .float),
              ("value", .float), ("value_per_journey", .float), ("touches_to_convert", .float), ("days_to_convert", .float),
              ("cost", .float), ("return", .float)]
    case .lag:
      return plan.stats
        ? [("conversions", .float), ("mean_hours", .float), ("median_hours", .float), ("p90_hours", .float)]
        : [("days", .string), ("conversions", .float), ("share", .float)]
    }
  }

  /// A result table from named columns.
  static func table(_ columns: [Column]) -> Table { Table(columns: columns) }

  /// A float column.
  static func floats(_ name: String, _ v: [Double]) -> Column { Column(name: name, data: .float(v)) }

  /// A one-row float column that is null when the statistic is undefined (no conversions).
  static func stat(_ name: String, _ v: Double) -> Column {
    Column(name: name, data: .float([v.isNaN ? 0 : v]), validity: v.isNaN ? Bitmap(count: 1, value: false) : nil)
  }

  /// An int column.
  static func ints(_ name: String, _ v: [Int64]) -> Column { Column(name: name, data: .int(v)) }

  /// A string column.
  static func strings(_ name: String, _ v: [String]) -> Column {
    Column.from(name: name, type: .string, values: v.map { .string($0) })
  }

  /// The q-quantile of values with weights (as if each value were repeated weight times), interpolated.
  static func weightedQuantile(_ pairs: [(value: Double, weight: Double)], _ q: Double) -> Double {
    let sorted = pairs.filter { $0.weight > 0 }.sorted { $0.value < $1.value }
    let total = sorted.reduce(0) { $0 + $1.weight }
    guard total > 0 else { return .nan }
    let pos = q * (total - 1)
    func at(_ k: Double) -> Double {
      var cum = 0.0
      for p in sorted {
        cum += p.weight
        if k < cum { return p.value }
      }
      return sorted.last!.value
    }
    let lo = pos.rounded(.down)
    let a = at(lo), b = at(min(lo + 1, total - 1))
    return a + (b - a) * (pos - lo)
  }
}
