import TQStorage

/// `lag`: time from a path's first touch to its conversion, in Universal Analytics' buckets.
enum LagVerb {
  /// The day buckets of the time-lag report: lower bound and label.
  static let buckets: [(Int64, String)] = [(0, "0"), (1, "1"), (2, "2"), (3, "3"), (4, "4"), (5, "5–7"), (8, "8–14"),
                                           (15, "15–30"), (31, "31+")]

  /// Conversions per bucket of whole days, or with `stats` the mean, median and p90 in hours.
  static func run(_ t: Table, _ plan: JourneyPlan, isCancelled: () -> Bool) throws -> Table {
    let p = try PathExtractor.extract(t, .init(touchColumn: plan.touchColumn, needTimes: true), isCancelled: isCancelled)
    guard let times = p.touchTimes, let ends = p.endTimes else {
      throw JourneyError("lag needs touch times, and this table has no time", hint: "use a touch-level table with a time column")
    }
    if isCancelled() { throw Interrupted() }
    var pairs: [(value: Double, weight: Double)] = []
    for i in 0..<p.count where p.conversions[i] > 0 {
      let first = times[p.offsets[i]]
      pairs.append((Double(ends[i] - first) / 3_600_000_000, p.conversions[i]))
    }
    let total = pairs.reduce(0) { $0 + $1.weight }
    if isCancelled() { throw Interrupted() }
    if plan.stats {
      let mean = total > 0 ? pairs.reduce(0) { $0 + $1.value * $1.weight } / total : .nan
      return JourneyVerbs.table([
        JourneyVerbs.floats("conversions", [total]),
        JourneyVerbs.stat("mean_hours", mean),
        JourneyVerbs.stat("median_hours", JourneyVerbs.weightedQuantile(pairs, 0.5)),
        JourneyVerbs.stat("p90_hours", JourneyVerbs.weightedQuantile(pairs, 0.9)),
      ])
    }
    var counts = [Double](repeating: 0, count: buckets.count)
    for (hours, w) in pairs {
      let days = Int64((hours / 24).rounded(.down))
      let b = buckets.lastIndex { $0.0 <= days } ?? 0
      counts[b] += w
    }
    return JourneyVerbs.table([
      JourneyVerbs.strings("days", buckets.map(\.1)),
      JourneyVerbs.floats("conversions", counts),
      JourneyVerbs.floats("share", counts.map { total > 0 ? $0 / total : 0 }),
    ])
  }
}
