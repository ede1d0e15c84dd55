import TQStorage

/// `lag`: time from a path's first touch to its conversion, in Universal Analytics' buckets.
enum LagVerb {
  /// The day buckets of the time-lag report: lower bound and label.
  static let buckets: [(Int64, String)] = [(0, "0"), (1, "1"), (2, "2"), (3, "3"), (4, "4"), (5, "5–7"), (8, "8–14"),
                                           (15, "15–30"), (31, "31+")]

  /// Conversions per bucket of whole days, or with `stats` the mean, median and p90 in hours.
  static func run(_ t: Table, _ plan: JourneyPlan, isCancelled: () -> Bool) throws -> Table {
    var lag = try hours(t, plan, isCancelled: isCancelled)
    if isCancelled() { throw Interrupted() }
    let total = lag.weights?.reduce(0, +) ?? Double(lag.hours.count)
    if plan.stats {
      let mean: Double
      if let w = lag.weights {
        mean = total > 0 ? zip(lag.hours, w).reduce(0) { $0 + $1.0 * $1.1 } / total : .nan
      } else {
        mean = total > 0 ? lag.hours.reduce(0, +) / total : .nan
      }
      return JourneyVerbs.table([
        JourneyVerbs.floats("conversions", [total]),
        JourneyVerbs.stat("mean_hours", mean),
        JourneyVerbs.stat("median_hours", lag.quantile(0.5)),
        JourneyVerbs.stat("p90_hours", lag.quantile(0.9)),
      ])
    }
    var counts = [Double](repeating: 0, count: buckets.count)
    for (i, hours) in lag.hours.enumerated() {
      let days = Int64((hours / 24).rounded(.down))
      let b = buckets.lastIndex { $0.0 <= days } ?? 0
      counts[b] += lag.weights?[i] ?? 1
    }
    return JourneyVerbs.table([
      JourneyVerbs.strings("days", buckets.map(\.1)),
      JourneyVerbs.floats("conversions", counts),
      JourneyVerbs.floats("share", counts.map { total > 0 ? $0 / total : 0 }),
    ])
  }

  /// Hours from first touch to conversion of every converting path, in path order, with
  /// each path's conversions (nil: one each): one pass over path runs when the table
  /// allows, else over extracted paths.
  static func hours(_ t: Table, _ plan: JourneyPlan, isCancelled: () -> Bool) throws -> Lags {
    let noTime = JourneyError("lag needs touch times, and this table has no time", hint: "use a touch-level table with a time column")
    if let runs = PathRuns(t, touchColumn: plan.touchColumn) {
      guard let time = runs.table.column(for: .time)?.micros else { throw noTime }
      let parts = try runs.visit(isCancelled: isCancelled) { LagTally(time: time) }
      return Lags(hours: parts.flatMap(\.hours), weights: nil)
    }
    let p = try PathExtractor.extract(t, .init(touchColumn: plan.touchColumn, needTimes: true), isCancelled: isCancelled)
    guard let times = p.touchTimes, let ends = p.endTimes else { throw noTime }
    var lags = Lags(hours: [], weights: [])
    for i in 0..<p.count where p.conversions[i] > 0 {
      lags.hours.append(Double(ends[i] - times[p.offsets[i]]) / 3_600_000_000)
      lags.weights!.append(p.conversions[i])
    }
    return lags
  }
}

/// Hours to conversion of converting paths, with their weights when not all 1.
struct Lags {
  /// Hours of each path.
  var hours: [Double]
  /// Conversions of each path (nil: 1 each).
  var weights: [Double]?

  /// The q-quantile, interpolated as `JourneyVerbs.weightedQuantile`; with unit weights by
  /// selection in linear time (reorders `hours`).
  mutating func quantile(_ q: Double) -> Double {
    if let w = weights { return JourneyVerbs.weightedQuantile(zip(hours, w).map { ($0, $1) }, q) }
    let n = hours.count
    guard n > 0 else { return .nan }
    let pos = q * Double(n - 1)
    let lo = Int(pos.rounded(.down))
    let a = hours.kthSmallest(lo)
    // Selection leaves the values ≥ a before index n − 1 − lo; the next order statistic is their minimum.
    let b = lo + 1 < n ? hours[..<(n - 1 - lo)].min()! : a
    return a + (b - a) * (pos - Double(lo))
  }
}

/// Hours from the first touch (the conversion itself for an empty path) to the conversion.
struct LagTally: PathRunVisitor {
  /// Time of each row in µs.
  let time: [Int64]
  /// Hours of each converting path, in order.
  var hours: [Double] = []

  mutating func converting<C: FixedWidthInteger>(_ touches: Range<Int>, close: Int, codes: UnsafePointer<C>) {
    let first = touches.isEmpty ? close : touches.lowerBound
    hours.append(Double(time[close] - time[first]) / 3_600_000_000)
  }

  mutating func nonConverting<C: FixedWidthInteger>(_ touches: Range<Int>, codes: UnsafePointer<C>) {}
}
