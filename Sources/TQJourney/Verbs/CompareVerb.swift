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
    let value = RowValues(t.column(for: .value)), cost = RowValues(t.column(for: .cost))
    let time = t.column(for: .time)?.micros
    let kinds = RowKinds(t).all(rows: t.rowCount)
    let splits = PathExtractor.journeySplits(off)
    var batches: [GroupTally] = []
    for first in stride(from: 0, to: max(masks.count, 1), by: GroupTally.maxGroups) {
      let batch = masks[first..<min(first + GroupTally.maxGroups, masks.count)]
      var bits = kinds
      for (k, mask) in batch.enumerated() {
        let bit = UInt8(1) << (k + 2)
        // Without a branch on the data, so the loop vectorises (half the rows match or not).
        bits.withUnsafeMutableBufferPointer { b in
          mask.withUnsafeBufferPointer { m in for r in 0..<b.count { b[r] |= m[r] ? bit : 0 } }
        }
      }
      let parts = Parallel.map(splits.count) { k in
        var tally = GroupTally(groups: batch.count)
        tally.add(splits[k], off, bits, value, cost, time, isCancelled)
        return tally
      }
      if isCancelled() { throw Interrupted() }
      batches.append(GroupTally.merged(parts))
    }
    let total = GroupTally.joined(batches)
    let g = masks.count
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
}

/// The totals of `compare`'s groups over a run of journeys.
struct GroupTally {
  /// Per group: matching touches, journeys reached, converting journeys among them.
  var touches: [Int64], journeys: [Int64], converting: [Int64]
  /// Per group: value of the reached journeys, cost of the matching touches, Σ touches and Σ days to the first conversion.
  var money: [Double], spend: [Double], toConvert: [Double], days: [Double]

  /// Zero totals for `groups` groups.
  init(groups g: Int) {
    touches = [Int64](repeating: 0, count: g)
    journeys = touches
    converting = touches
    money = [Double](repeating: 0, count: g)
    spend = money
    toConvert = money
    days = money
  }

  /// The most groups counted in one pass: one bit each in a row's kind byte, above the purchase and close bits.
  static let maxGroups = 6

  /// Adds the journeys `span`; `bits[r]` holds row r's `RowKinds` and, from bit 2 up, the
  /// groups it matches.
  mutating func add(_ span: Range<Int>, _ off: [UInt32], _ bits: [UInt8], _ value: RowValues, _ cost: RowValues,
                    _ time: [Int64]?, _ isCancelled: () -> Bool)
  {
    let g = touches.count
    // The per-touch sums in buffers: an array element written per matching touch would
    // check its uniqueness each time.
    var hits = [Int64](repeating: 0, count: g), spent = [Double](repeating: 0, count: g)
    hits.withUnsafeMutableBufferPointer { hits in
      spent.withUnsafeMutableBufferPointer { spent in
        off.withUnsafeBufferPointer { off in
          bits.withUnsafeBufferPointer { bits in
            add(span, off, bits, value, cost, time, hits, spent, isCancelled)
          }
        }
      }
    }
    for k in 0..<g {
      touches[k] += hits[k]
      spend[k] += spent[k]
    }
  }

  /// `add` over buffers, the matching touches and their cost summed into `hits` and `spent`.
  private mutating func add(
    _ span: Range<Int>, _ off: UnsafeBufferPointer<UInt32>, _ bits: UnsafeBufferPointer<UInt8>, _ value: RowValues,
    _ cost: RowValues, _ time: [Int64]?, _ hits: UnsafeMutableBufferPointer<Int64>,
    _ spent: UnsafeMutableBufferPointer<Double>, _ isCancelled: () -> Bool
  ) {
    for j in span {
      if j & 0xFFFF == 0, isCancelled() { return }
      let rows = Int(off[j])..<Int(off[j + 1])
      var jValue = 0.0, firstConv = -1, touchesBefore = 0
      var reached: UInt8 = 0
      for r in rows {
        let b = bits[r]
        if b & RowKinds.close != 0 {
          jValue += value[r]
          if firstConv < 0 {
            firstConv = r
            touchesBefore += Int(~b & RowKinds.purchase)
          }
        } else if firstConv < 0 {
          touchesBefore += 1
        }
        guard b & RowKinds.purchase == 0, b >> 2 != 0 else { continue }
        reached |= b >> 2
        var m = b >> 2
        while m != 0 {
          let k = m.trailingZeroBitCount
          hits[k] += 1
          spent[k] += cost[r]
          m &= m - 1
        }
      }
      var m = reached
      while m != 0 {
        let k = m.trailingZeroBitCount
        m &= m - 1
        journeys[k] += 1
        money[k] += jValue
        if firstConv >= 0 {
          converting[k] += 1
          toConvert[k] += Double(touchesBefore)
          if let time { days[k] += Double(time[firstConv] - time[rows.lowerBound]) / 86_400_000_000 }
        }
      }
    }
  }

  /// The totals of group batches side by side.
  static func joined(_ batches: [GroupTally]) -> GroupTally {
    var t = GroupTally(groups: 0)
    for b in batches {
      t.touches += b.touches
      t.journeys += b.journeys
      t.converting += b.converting
      t.money += b.money
      t.spend += b.spend
      t.toConvert += b.toConvert
      t.days += b.days
    }
    return t
  }

  /// The totals of several runs added up, in order.
  static func merged(_ parts: [GroupTally]) -> GroupTally {
    var t = parts[0]
    for p in parts.dropFirst() {
      for k in t.touches.indices {
        t.touches[k] += p.touches[k]
        t.journeys[k] += p.journeys[k]
        t.converting[k] += p.converting[k]
        t.money[k] += p.money[k]
        t.spend[k] += p.spend[k]
        t.toConvert[k] += p.toConvert[k]
        t.days[k] += p.days[k]
      }
    }
    return t
  }
}
