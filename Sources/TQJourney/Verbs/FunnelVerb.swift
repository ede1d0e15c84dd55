import TQStorage

/// `funnel COLUMN [a, b, c] within 30d`: journeys reaching each step in order.
///
/// A journey reaches step 1 at its first row whose column is `a`, step k at its first row
/// after (strictly later than) step k−1 whose column is the k-th value, and — with `within` —
/// no later than the window after step 1. Every row of a journey counts (conversion rows and
/// post-purchase touches too), as benchmark query Q9 does.
enum FunnelVerb {
  /// Step, value, journeys, step rate, overall rate and drop-off.
  static func run(_ table: Table, _ plan: JourneyPlan, isCancelled: () -> Bool) throws -> Table {
    var t = table
    guard t.kind == .touches else { throw JourneyError("funnel needs a touch-level table; a path table has no journeys") }
    if t.journeyOffsets == nil { t.arrangeJourneys() }
    guard let off = t.journeyOffsets, let time = t.column(for: .time)?.micros else {
      throw JourneyError("funnel needs journeys in time order: journey and time columns")
    }
    guard let name = plan.column, let col = t.column(name) else { throw JourneyError("unknown column \"\(plan.column ?? "")\"") }
    let (codes, dictionary) = PathExtractor.touchCodes(col)
    let stepOf = Dictionary(plan.steps.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    let stepOfCode = dictionary.map { stepOf[$0] ?? -1 }
    if isCancelled() { throw Interrupted() }
    let rowStep = codes.map { $0 < 0 ? -1 : stepOfCode[$0] }
    let n = plan.steps.count
    var reached = [Int64](repeating: 0, count: n)
    for j in 0..<(off.count - 1) {
      if j & 0xFFFF == 0, isCancelled() { throw Interrupted() }
      var next = 0
      var start: Int64 = 0, last: Int64 = .min
      for r in Int(off[j])..<Int(off[j + 1]) where next < n {
        guard rowStep[r] == next || (rowStep[r] >= 0 && plan.steps[rowStep[r]] == plan.steps[next]) else { continue }
        if next > 0, time[r] <= last { continue }
        if next == 0 { start = time[r] }
        if let w = plan.within, time[r] - start > w { break }
        reached[next] += 1
        last = time[r]
        next += 1
      }
    }
    let first = Double(max(reached.first ?? 0, 1))
    return JourneyVerbs.table([
      JourneyVerbs.ints("step", (1...max(n, 1)).prefix(n).map { Int64($0) }),
      JourneyVerbs.strings(name, plan.steps),
      JourneyVerbs.ints("journeys", reached),
      JourneyVerbs.floats("step_rate", reached.indices.map { $0 == 0 ? 1 : (reached[$0 - 1] > 0 ? Double(reached[$0]) / Double(reached[$0 - 1]) : 0) }),
      JourneyVerbs.floats("overall_rate", reached.map { reached.first == 0 ? 0 : Double($0) / first }),
      JourneyVerbs.ints("drop_off", reached.indices.map { $0 == 0 ? 0 : reached[$0 - 1] - reached[$0] }),
    ])
  }
}
