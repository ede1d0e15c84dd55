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
    let reached: [Int64]
    if case .string(let d) = col.data, col.validity == nil {
      let steps = plan.steps.map { d.dictionary.firstIndex(of: $0) ?? -1 }
      switch d.codes {
      case .u8(let c): reached = try count(c, steps, plan.within, off, time, isCancelled)
      case .u16(let c): reached = try count(c, steps, plan.within, off, time, isCancelled)
      case .u32(let c): reached = try count(c, steps, plan.within, off, time, isCancelled)
      case .runs(let r): reached = try count(r.widened, steps, plan.within, off, time, isCancelled)
      }
    } else {
      let (codes, dictionary) = PathExtractor.touchCodes(col)
      let steps = plan.steps.map { dictionary.firstIndex(of: $0) ?? -1 }
      reached = try count(codes.map { $0 < 0 ? UInt32.max : UInt32($0) }, steps, plan.within, off, time, isCancelled)
    }
    let n = plan.steps.count
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

  /// Journeys reaching each step, the journeys split over two threads: `steps[k]` is the
  /// code of step k's value (−1 when no row has it).
  static func count<C: FixedWidthInteger>(_ codes: [C], _ steps: [Int], _ within: Int64?, _ off: [UInt32], _ time: [Int64],
                                          _ isCancelled: () -> Bool) throws -> [Int64]
  {
    let n = steps.count
    let splits = PathExtractor.journeySplits(off)
    let parts = codes.withUnsafeBufferPointer { codes in
      time.withUnsafeBufferPointer { time in
        Parallel.map(splits.count) { k -> [Int64] in
          var reached = [Int64](repeating: 0, count: n)
          guard n > 0 else { return reached }
          for j in splits[k] {
            if j & 0xFFFF == 0, isCancelled() { break }
            var next = 0
            var start: Int64 = 0, last: Int64 = .min
            for r in Int(off[j])..<Int(off[j + 1]) where Int(codes[r]) == steps[next] {
              let at = time[r]
              if next > 0, at <= last { continue }
              if next == 0 { start = at }
              if let w = within, at - start > w { break }
              reached[next] += 1
              last = at
              next += 1
              if next == n { break }
            }
          }
          return reached
        }
      }
    }
    if isCancelled() { throw Interrupted() }
    return (0..<n).map { s in parts.reduce(0) { $0 + $1[s] } }
  }
}
