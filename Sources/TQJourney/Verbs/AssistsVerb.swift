import TQStorage

/// `assists`: last-touch conversions against assisted conversions per channel (UA's MCF report).
///
/// A channel assists a conversion when it is on the path at a position other than the last;
/// it counts once per conversion however often it appears. The ratio is assisted / last-touch:
/// near 0 a closer, near 1 both, above 1 an assister.
enum AssistsVerb {
  /// Channel, assisted and last-touch conversions and value, and their ratio.
  static func run(_ t: Table, _ plan: JourneyPlan, isCancelled: () -> Bool) throws -> Table {
    let p = try PathExtractor.extract(t, .init(touchColumn: plan.touchColumn), isCancelled: isCancelled)
    let k = p.channelNames.count
    var assisted = [Double](repeating: 0, count: k), assistedValue = [Double](repeating: 0, count: k)
    var last = [Double](repeating: 0, count: k), lastValue = [Double](repeating: 0, count: k)
    var seen = [Int](repeating: -1, count: k)
    for i in 0..<p.count where p.conversions[i] > 0 {
      let path = p.path(i)
      guard let closer = path.last else { continue }
      last[Int(closer)] += p.conversions[i]
      lastValue[Int(closer)] += p.values[i]
      for c in path.dropLast() where seen[Int(c)] != i {
        seen[Int(c)] = i
        assisted[Int(c)] += p.conversions[i]
        assistedValue[Int(c)] += p.values[i]
      }
    }
    let order = (0..<k).filter { assisted[$0] > 0 || last[$0] > 0 }.sorted { a, b in
      assisted[a] != assisted[b] ? assisted[a] > assisted[b] : p.channelNames[a].utf8.lexicographicallyPrecedes(p.channelNames[b].utf8)
    }
    var ratio = Column(name: "ratio", data: .float(order.map { last[$0] > 0 ? assisted[$0] / last[$0] : 0 }))
    var valid = Bitmap(count: order.count, value: true)
    for (r, c) in order.enumerated() where last[c] == 0 { valid[r] = false }
    ratio = Column(name: "ratio", data: ratio.data, validity: valid)
    return JourneyVerbs.table([
      JourneyVerbs.strings(plan.label, order.map { p.channelNames[$0] }),
      JourneyVerbs.floats("assisted_conversions", order.map { assisted[$0] }),
      JourneyVerbs.floats("assisted_value", order.map { assistedValue[$0] }),
      JourneyVerbs.floats("last_touch_conversions", order.map { last[$0] }),
      JourneyVerbs.floats("last_touch_value", order.map { lastValue[$0] }),
      ratio,
    ])
  }
}
