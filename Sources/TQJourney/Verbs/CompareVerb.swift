import TQStorage

/// `compare name = predicate, …`: KPIs side by side for groups of touches ("Google vs social").
///
/// A journey is reached by a group when one of its touches (not a purchase event) matches the
/// group's predicate. Per group: matching touches, journeys reached, converting journeys among
/// them and their rate, the value of those journeys and per journey, the mean touches and days
/// from a converting journey's first touch to its first conversion, the cost of the matching
/// touches and the return (value / cost). Every row of a journey counts, as Q4 does.
enum CompareVerb {
  /// One row per group; `table` is in journey order and `masks[k][row]` says whether a row matches group k.
  static func run(_ table: Table, _ plan: JourneyPlan, masks: [[Bool]], isCancelled: () -> Bool) throws -> Table {
    let t = table
    guard t.kind == .touches else { throw JourneyError("compare needs a touch-level table; a path table has no journeys") }
    guard let off = t.journeyOffsets else { throw JourneyError("compare needs journeys in order: journey and time columns") }
    let purchase = PathExtractor.eventMask(t), flag = PathExtractor.conversionFlags(t)
    let value = PathExtractor.numbers(t.column(for: .value), t.rowCount)
    let cost = PathExtractor.numbers(t.column(for: .cost), t.rowCount)
    let time = t.column(for: .time)?.micros
    let g = masks.count
    var touches = [Int64](repeating: 0, count: g), journeys = [Int64](repeating: 0, count: g)
    var converting = [Int64](repeating: 0, count: g), money = [Double](repeating: 0, count: g), spend = [Double](repeating: 0, count: g)
    var toConvert = [Double](repeating: 0, count: g), days = [Double](repeating: 0, count: g)
    for j in 0..<(off.count - 1) {
      if j & 0xFFFF == 0, isCancelled() { throw Interrupted() }
      let s = Int(off[j]), e = Int(off[j + 1])
      var jValue = 0.0, firstConv = -1, touchesBefore = 0
      for r in s..<e {
        if purchase[r] || flag[r] {
          jValue += value[r]
          if firstConv < 0 {
            firstConv = r
            touchesBefore += purchase[r] ? 0 : 1
          }
        } else if firstConv < 0 {
          touchesBefore += 1
        }
      }
      for k in 0..<g {
        var hit = false
        for r in s..<e where masks[k][r] && !purchase[r] {
          touches[k] += 1
          spend[k] += cost[r]
          hit = true
        }
        guard hit else { continue }
        journeys[k] += 1
        money[k] += jValue
        if firstConv >= 0 {
          converting[k] += 1
          toConvert[k] += Double(touchesBefore)
          if let time { days[k] += Double(time[firstConv] - time[s]) / 86_400_000_000 }
        }
      }
    }
    func ratio(_ a: Double, _ b: Double) -> Double { b != 0 ? a / b : 0 }
    var ret = Column(name: "return", data: .float((0..<g).map { ratio(money[$0], spend[$0]) }))
    var valid = Bitmap(count: g, value: true)
    for k in 0..<g where spend[k] == 0 { valid[k] = false }
    ret = Column(name: "return", data: ret.data, validity: valid)
    return JourneyVerbs.table([
      JourneyVerbs.strings("group", plan.groups),
      JourneyVerbs.ints("touches", touches),
      JourneyVerbs.ints("journeys", journeys),
      JourneyVerbs.ints("conversions", converting),
      JourneyVerbs.floats("conversion_rate", (0..<g).map { ratio(Double(converting[$0]), Double(journeys[$0])) }),
      JourneyVerbs.floats("value", money),
      JourneyVerbs.floats("value_per_journey", (0..<g).map { ratio(money[$0], Double(journeys[$0])) }),
      JourneyVerbs.floats("touches_to_convert", (0..<g).map { ratio(toConvert[$0], Double(converting[$0])) }),
      JourneyVerbs.floats("days_to_convert", (0..<g).map { ratio(days[$0], Double(converting[$0])) }),
      JourneyVerbs.floats("cost", spend),
      ret,
    ])
  }
}
