import TQStorage

/// `paths`: the top conversion paths, as Google Analytics' report shows them.
enum PathsVerb {
  /// Path, conversions, value, share and average length, by conversions (desc) then path.
  static func run(_ t: Table, _ plan: JourneyPlan, isCancelled: () -> Bool) throws -> Table {
    let p = try PathExtractor.extract(t, .init(touchColumn: plan.touchColumn, lookback: plan.lookback, collapse: plan.collapse),
                                      isCancelled: isCancelled)
    var index = PathIndex()
    var keys: [Int] = []
    var conv: [Double] = [], value: [Double] = [], nulls: [Double] = [], lengthSum: [Double] = [], weight: [Double] = []
    for i in 0..<p.count where p.conversions[i] > 0 || (plan.includeNonConverting && p.nulls[i] > 0) {
      if i & 0xFFFF == 0, isCancelled() { throw Interrupted() }
      let path = p.path(i)
      let g = index.group(of: path, in: p, keys: keys)
      if g == keys.count {
        keys.append(i)
        conv.append(0)
        value.append(0)
        nulls.append(0)
        lengthSum.append(0)
        weight.append(0)
      }
      conv[g] += p.conversions[i]
      value[g] += p.values[i]
      nulls[g] += p.nulls[i]
      let w = plan.includeNonConverting ? p.conversions[i] + p.nulls[i] : p.conversions[i]
      let n = path.count == 1 && p.channelNames[Int(path.first!)] == PathExtractor.none ? 0 : path.count
      lengthSum[g] += Double(n) * w
      weight[g] += w
    }
    let texts = keys.map { p.pathText($0) }
    var order = Array(keys.indices)
    order.sort { conv[$0] != conv[$1] ? conv[$0] > conv[$1] : texts[$0].utf8.lexicographicallyPrecedes(texts[$1].utf8) }
    if let top = plan.top { order = Array(order.prefix(top)) }
    let total = p.totalConversions
    var cols = [
      JourneyVerbs.strings("path", order.map { texts[$0] }),
      JourneyVerbs.ints("conversions", order.map { Int64(conv[$0].rounded()) }),
      JourneyVerbs.floats("value", order.map { value[$0] }),
      JourneyVerbs.floats("share", order.map { total > 0 ? conv[$0] / total : 0 }),
      JourneyVerbs.floats("avg_length", order.map { weight[$0] > 0 ? lengthSum[$0] / weight[$0] : 0 }),
    ]
    if plan.includeNonConverting { cols.append(JourneyVerbs.ints("nulls", order.map { Int64(nulls[$0].rounded()) })) }
    return JourneyVerbs.table(cols)
  }
}

/// Groups equal paths: a 64-bit hash per path, confirmed by comparing the touches.
struct PathIndex {
  private var byHash: [UInt64: [Int]] = [:]

  /// The group of `path` (a new group numbered `keys.count` when it is new); `keys[g]` is a path of group g.
  mutating func group(of path: ArraySlice<UInt32>, in p: PathSet, keys: [Int]) -> Int {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(path.count)
    for c in path { h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3 &+ (h >> 29) }
    if let groups = byHash[h] {
      for g in groups where p.path(keys[g]) == path { return g }
    }
    byHash[h, default: []].append(keys.count)
    return keys.count
  }
}
