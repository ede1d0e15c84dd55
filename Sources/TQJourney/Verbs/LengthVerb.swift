import TQStorage

/// `length`: how many touches come before a conversion (the "4 touchpoints before a purchase").
enum LengthVerb {
  /// One row per path length with conversions and shares, or with `stats` the mean, median and p90.
  static func run(_ t: Table, _ plan: JourneyPlan, isCancelled: () -> Bool) throws -> Table {
    let p = try PathExtractor.extract(t, .init(touchColumn: plan.touchColumn), isCancelled: isCancelled)
    var pairs: [(value: Double, weight: Double)] = []
    for i in 0..<p.count where p.conversions[i] > 0 {
      let path = p.path(i)
      let n = path.count == 1 && p.channelNames[Int(path.first!)] == PathExtractor.none ? 0 : path.count
      pairs.append((Double(n), p.conversions[i]))
    }
    let total = pairs.reduce(0) { $0 + $1.weight }
    if plan.stats {
      let mean = total > 0 ? pairs.reduce(0) { $0 + $1.value * $1.weight } / total : .nan
      return JourneyVerbs.table([
        JourneyVerbs.floats("conversions", [total]),
        JourneyVerbs.stat("mean_touches", mean),
        JourneyVerbs.stat("median_touches", JourneyVerbs.weightedQuantile(pairs, 0.5)),
        JourneyVerbs.stat("p90_touches", JourneyVerbs.weightedQuantile(pairs, 0.9)),
      ])
    }
    var byLength: [Int: Double] = [:]
    for (v, w) in pairs { byLength[Int(v), default: 0] += w }
    let lengths = byLength.keys.sorted()
    var cum = 0.0
    let cumulative = lengths.map { l -> Double in
      cum += byLength[l]!
      return total > 0 ? cum / total : 0
    }
    return JourneyVerbs.table([
      JourneyVerbs.ints("touches", lengths.map { Int64($0) }),
      JourneyVerbs.floats("conversions", lengths.map { byLength[$0]! }),
      JourneyVerbs.floats("share", lengths.map { total > 0 ? byLength[$0]! / total : 0 }),
      JourneyVerbs.floats("cumulative_share", cumulative),
    ])
  }
}
