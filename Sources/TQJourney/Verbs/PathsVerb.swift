import TQStorage

/// `paths`: the top conversion paths, as Google Analytics' report shows them.
enum PathsVerb {
  /// Path, conversions, value, share and average length, by conversions (desc) then path.
  static func run(_ t: Table, _ plan: JourneyPlan, isCancelled: () -> Bool) throws -> Table {
    let p = try PathExtractor.extract(t, .init(touchColumn: plan.touchColumn, lookback: plan.lookback, collapse: plan.collapse),
                                      isCancelled: isCancelled)
    var index = PathIndex(expected: p.count / 4)
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
    var order = candidates(conv, top: plan.top)
    let texts = Dictionary(uniqueKeysWithValues: order.map { ($0, p.pathText(keys[$0])) })
    order.sort { conv[$0] != conv[$1] ? conv[$0] > conv[$1] : texts[$0]!.utf8.lexicographicallyPrecedes(texts[$1]!.utf8) }
    if let top = plan.top { order = Array(order.prefix(top)) }
    let total = p.totalConversions
    var cols = [
      JourneyVerbs.strings("path", order.map { texts[$0]! }),
      JourneyVerbs.ints("conversions", order.map { Int64(conv[$0].rounded()) }),
      JourneyVerbs.floats("value", order.map { value[$0] }),
      JourneyVerbs.floats("share", order.map { total > 0 ? conv[$0] / total : 0 }),
      JourneyVerbs.floats("avg_length", order.map { weight[$0] > 0 ? lengthSum[$0] / weight[$0] : 0 }),
    ]
    if plan.includeNonConverting { cols.append(JourneyVerbs.ints("nulls", order.map { Int64(nulls[$0].rounded()) })) }
    return JourneyVerbs.table(cols)
  }

  /// The groups that can be among the `top` by conversions: those above the top-th largest
  /// count and every group tied with it (ties are broken by the path's text, so only these
  /// need a text); all groups without `top`.
  static func candidates(_ conv: [Double], top: Int?) -> [Int] {
    guard let top, top < conv.count else { return Array(conv.indices) }
    guard top > 0 else { return [] }
    var values = conv
    let cut = values.partialSortDescending(top)
    return conv.indices.filter { conv[$0] >= cut }
  }
}

extension Array where Element == Double {
  /// The k-th largest value (k ≥ 1), reordering the array (quickselect).
  mutating func partialSortDescending(_ k: Int) -> Double {
    var lo = 0, hi = count - 1
    let target = k - 1
    while lo < hi {
      let pivot = self[(lo + hi) / 2]
      var i = lo, j = hi
      while i <= j {
        while self[i] > pivot { i += 1 }
        while self[j] < pivot { j -= 1 }
        if i <= j {
          swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      if target <= j { hi = j } else if target >= i { lo = i } else { break }
    }
    return self[target]
  }
}
