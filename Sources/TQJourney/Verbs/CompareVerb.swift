import TQStorage

/// `compare name = predicate, …`: KPIs side by side for groups of touches ("Google vs social").
///
/// A journey is reached by a group when one of its touches (not a purchase event) matches the
/// group's predicate. Per group: matching touches, journeys reached, converting journeys among
/// them and their rate, the value of those journeys and per journey, the mean touches and days
/// from a converting journey's first touch to its first conversion, the cost of the matching
/// touches and the return (value / cost). Every row of a journey counts, as Q4 does.
enum CompareVerb {
  /// One row per group; `table` is in journey order and `groups[k]` tells whether a row matches group k.
  static func run(_ table: Table, _ plan: JourneyPlan, groups: [GroupTest], isCancelled: () -> Bool) throws -> Table {
    let t = table
    guard t.kind == .touches else { throw JourneyError("compare needs a touch-level table; a path table has no journeys") }
    guard let off = t.journeyOffsets else { throw JourneyError("compare needs journeys in order: journey and time columns") }
    let value = RowValues(t.column(for: .value)), cost = RowValues(t.column(for: .cost))
    let time = t.column(for: .time)?.micros
    let splits = PathExtractor.journeySplits(off)
    let kinds = RowKinds(t)
    var batches: [GroupTally] = []
    for first in stride(from: 0, to: max(groups.count, 1), by: GroupTally.maxGroups) {
      let batch = Array(groups[first..<min(first + GroupTally.maxGroups, groups.count)])
      let bits = rowBits(t.rowCount, kinds, batch, off, splits)
      let parts = Parallel.map(splits.count) { k in
        var tally = GroupTally(groups: batch.count)
        tally.add(splits[k], off, bits, value, cost, time, isCancelled)
        return tally
      }
      if isCancelled() { throw Interrupted() }
      batches.append(GroupTally.merged(parts))
    }
    let total = GroupTally.joined(batches)
    let g = groups.count
    let (touches, journeys, converting, money, spend) = (total.touches, total.journeys, total.converting, total.money, total.spend)
    let (toConvert, days) = (total.toConvert, total.days)
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

  /// Each row's `RowKinds` and, from bit 2 up, the groups of `batch` it matches, followed by
  /// eight zero bytes; the rows of each journey split are filled on their own thread.
  static func rowBits(_ rows: Int, _ kinds: RowKinds, _ batch: [GroupTest], _ off: [UInt32], _ splits: [Range<Int>]) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: rows + 8) { out, n in
      let base = out.baseAddress!
      (base + rows).initialize(repeating: 0, count: 8)
      _ = Parallel.map(splits.count) { k in
        let span = splits[k]
        let part = Int(off[span.lowerBound])..<Int(off[span.upperBound])
        guard !part.isEmpty else { return }
        kinds.fill(base + part.lowerBound, part)
        for (g, test) in batch.enumerated() { test.mark(UInt8(1) << (g + 2), base + part.lowerBound, part) }
      }
      n = rows + 8
    }
  }
}
