import TQStorage

/// `pareto COLUMN by value|conversions|touches`: items ranked by impact with cumulative share.
///
/// The smallest set of top items whose cumulative share reaches 80% is marked `vital_few`
/// (the "20% of touchpoints make 80% of the impact" view). On a touch table, `value` sums the
/// value column of each item's rows, `conversions` counts its conversion rows and `touches`
/// its other rows; on a path table they sum the value, conversions and (conversions + nulls).
enum ParetoVerb {
  /// Item, measure, share, cumulative share, item share and the vital-few mark.
  static func run(_ t: Table, _ plan: JourneyPlan) throws -> Table {
    guard let name = plan.column, let col = t.column(name) else { throw JourneyError("unknown column \"\(plan.column ?? "")\"") }
    let (codes, dictionary) = PathExtractor.touchCodes(col)
    let kinds = RowKinds(t).all(rows: t.rowCount)
    let value = PathExtractor.numbers(t.column(for: .value), t.rowCount)
    let conv = PathExtractor.numbers(t.column(for: .conversion), t.rowCount)
    let nulls = PathExtractor.numbers(t.column(for: .nulls), t.rowCount)
    var amount = [Double](repeating: 0, count: dictionary.count + 1)
    for r in 0..<t.rowCount {
      let item = codes[r] < 0 ? dictionary.count : codes[r]
      switch (plan.measure, t.kind) {
      case (.value, _): amount[item] += value[r]
      case (.conversions, .paths): amount[item] += conv[r]
      case (.touches, .paths): amount[item] += conv[r] + nulls[r]
      case (.conversions, _): amount[item] += kinds[r] & RowKinds.close != 0 ? 1 : 0
      case (.touches, _): amount[item] += kinds[r] & RowKinds.purchase != 0 ? 0 : 1
      }
    }
    let names = dictionary + [PathExtractor.missing]
    let items = amount.indices.filter { amount[$0] != 0 || ($0 < dictionary.count && codes.contains($0)) }
    let order = items.sorted { amount[$0] != amount[$1] ? amount[$0] > amount[$1] : names[$0].utf8.lexicographicallyPrecedes(names[$1].utf8) }
    let total = order.reduce(0) { $0 + amount[$1] }
    var cum = 0.0, reached = false
    var cumulative: [Double] = [], vital: [Bool] = []
    for i in order {
      vital.append(!reached)
      cum += amount[i]
      cumulative.append(total != 0 ? cum / total : 0)
      if total != 0, cum / total >= 0.8 - 1e-12 { reached = true }
    }
    return JourneyVerbs.table([
      JourneyVerbs.strings(name, order.map { names[$0] }),
      JourneyVerbs.floats(plan.measure.rawValue, order.map { amount[$0] }),
      JourneyVerbs.floats("share", order.map { total != 0 ? amount[$0] / total : 0 }),
      JourneyVerbs.floats("cumulative_share", cumulative),
      JourneyVerbs.floats("item_share", order.indices.map { Double($0 + 1) / Double(max(order.count, 1)) }),
      Column(name: "vital_few", data: .bool(vital)),
    ])
  }
}
