import TQStorage

/// `length`: how many touches come before a conversion (the "4 touchpoints before a purchase").
enum LengthVerb {
  /// One row per path length with conversions and shares, or with `stats` the mean, median and p90.
  static func run(_ t: Table, _ plan: JourneyPlan, isCancelled: () -> Bool) throws -> Table {
    let byLength = try conversionsByLength(t, plan, isCancelled: isCancelled)
    let total = byLength.reduce(0, +)
    let lengths = byLength.indices.filter { byLength[$0] != 0 }
    if plan.stats {
      let mean = total > 0 ? lengths.reduce(0) { $0 + Double($1) * byLength[$1] } / total : .nan
      let pairs = lengths.map { (value: Double($0), weight: byLength[$0]) }
      return JourneyVerbs.table([
        JourneyVerbs.floats("conversions", [total]),
        JourneyVerbs.stat("mean_touches", mean),
        JourneyVerbs.stat("median_touches", JourneyVerbs.weightedQuantile(pairs, 0.5)),
        JourneyVerbs.stat("p90_touches", JourneyVerbs.weightedQuantile(pairs, 0.9)),
      ])
    }
    var cum = 0.0
    let cumulative = lengths.map { l -> Double in
      cum += byLength[l]
      return total > 0 ? cum / total : 0
    }
    return JourneyVerbs.table([
      JourneyVerbs.ints("touches", lengths.map { Int64($0) }),
      JourneyVerbs.floats("conversions", lengths.map { byLength[$0] }),
      JourneyVerbs.floats("share", lengths.map { total > 0 ? byLength[$0] / total : 0 }),
      JourneyVerbs.floats("cumulative_share", cumulative),
    ])
  }

  /// Conversions by the number of touches before them (`(none)` counts 0): one pass over
  /// path runs when the table allows, else over extracted paths.
  static func conversionsByLength(_ t: Table, _ plan: JourneyPlan, isCancelled: () -> Bool) throws -> [Double] {
    if let runs = PathRuns(t, touchColumn: plan.touchColumn) {
      return LengthTally.merged(try runs.visit(isCancelled: isCancelled) { LengthTally() })
    }
    let p = try PathExtractor.extract(t, .init(touchColumn: plan.touchColumn), isCancelled: isCancelled)
    var tally = LengthTally()
    for i in 0..<p.count where p.conversions[i] > 0 {
      let path = p.path(i)
      let n = path.count == 1 && p.channelNames[Int(path.first!)] == PathExtractor.none ? 0 : path.count
      tally.add(n, p.conversions[i])
    }
    return tally.conversions
  }
}

/// Conversions by path length.
struct LengthTally: PathRunVisitor {
  /// Conversions of paths with `i` touches.
  var conversions: [Double] = []

  /// Adds `weight` conversions of a path with `n` touches.
  @inline(__always) mutating func add(_ n: Int, _ weight: Double) {
    if n >= conversions.count { conversions += [Double](repeating: 0, count: n + 1 - conversions.count) }
    conversions[n] += weight
  }

  mutating func converting<C: FixedWidthInteger>(_ touches: Range<Int>, close: Int, codes: UnsafePointer<C>) {
    add(touches.count, 1)
  }

  mutating func nonConverting<C: FixedWidthInteger>(_ touches: Range<Int>, codes: UnsafePointer<C>) {}

  /// The tallies added up.
  static func merged(_ parts: [LengthTally]) -> [Double] {
    var total = LengthTally()
    for p in parts { for (n, c) in p.conversions.enumerated() where c != 0 { total.add(n, c) } }
    return total.conversions
  }
}
