import TQStorage

/// `journeys`: one row per journey, seeing every row (conversions and post-purchase touches too).
enum JourneysVerb {
  /// Journey id, touches, first and last channel, conversions, value, duration in hours.
  static func run(_ table: Table, _ plan: JourneyPlan) throws -> Table {
    var t = table
    guard t.kind == .touches else { throw JourneyError("journeys needs a touch-level table; a path table has no journeys") }
    if t.journeyOffsets == nil { t.arrangeJourneys() }
    guard let off = t.journeyOffsets, let jc = t.column(for: .journey) else {
      throw JourneyError("this table has no journeys: it needs journey and time columns",
                         hint: "load it with: with journey = <column>, time = <column>")
    }
    guard let tc = t.column(plan.touchColumn) else { throw JourneyError("unknown column \"\(plan.touchColumn)\"") }
    let kinds = RowKinds(t).all(rows: t.rowCount)
    let value = PathExtractor.numbers(t.column(for: .value), t.rowCount)
    let time = t.column(for: .time)?.micros
    let n = off.count - 1
    var ids: [UInt32] = [], touches: [Int64] = [], firsts: [String] = [], lasts: [String] = []
    var convs: [Int64] = [], values: [Double] = [], hours: [Double] = []
    ids.reserveCapacity(n)
    for j in 0..<n {
      let s = Int(off[j]), e = Int(off[j + 1])
      ids.append(UInt32(s))
      var k: Int64 = 0, c: Int64 = 0, v = 0.0
      var first: Int?, last: Int?
      for r in s..<e {
        if kinds[r] & RowKinds.purchase == 0 {
          k += 1
          if first == nil { first = r }
          last = r
        }
        if kinds[r] & RowKinds.close != 0 {
          c += 1
          v += value[r]
        }
      }
      touches.append(k)
      firsts.append(first.map { PathExtractor.text(tc, $0) } ?? PathExtractor.none)
      lasts.append(last.map { PathExtractor.text(tc, $0) } ?? PathExtractor.none)
      convs.append(c)
      values.append(v)
      hours.append(time.map { Double($0[e - 1] - $0[s]) / 3_600_000_000 } ?? 0)
    }
    var idCol = jc.gather(ids)
    idCol.name = jc.name
    return JourneyVerbs.table([
      idCol, JourneyVerbs.ints("touches", touches), JourneyVerbs.strings("first_channel", firsts),
      JourneyVerbs.strings("last_channel", lasts), JourneyVerbs.ints("conversions", convs),
      JourneyVerbs.floats("value", values), JourneyVerbs.floats("duration_hours", hours),
    ])
  }
}
