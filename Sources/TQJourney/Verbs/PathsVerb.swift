import TQStorage

/// `paths`: the top conversion paths, as Google Analytics' report shows them.
enum PathsVerb {
  /// Path, conversions, value, share and average length, by conversions (desc) then path.
  static func run(_ t: Table, _ plan: JourneyPlan, isCancelled: () -> Bool) throws -> Table {
    if !plan.collapse, plan.lookback == nil, let runs = PathRuns(t, touchColumn: plan.touchColumn) {
      let values = RowValues(runs.table.column(for: .value))
      let parts = try runs.visit(isCancelled: isCancelled) {
        PathGroupTally(values: values, includeNonConverting: plan.includeNonConverting)
      }
      let groups = PathGroupTally.merged(parts, codes: runs.touch.codes)
      let names = runs.touch.dictionary
      return table(groups, plan, total: parts.reduce(0) { $0 + $1.paths }) { g in
        let start = groups.keys[g], n = groups.counts[g]
        if n == 0 { return PathExtractor.none }
        return (start..<(start + n)).map { names[runs.touch.codes[$0]] }.joined(separator: " > ")
      }
    }
    let p = try PathExtractor.extract(t, .init(touchColumn: plan.touchColumn, lookback: plan.lookback, collapse: plan.collapse),
                                      isCancelled: isCancelled)
    var groups = PathGroups(expected: p.count / 4)
    let none = p.channelNames.firstIndex(of: PathExtractor.none).map(UInt32.init)
    for i in 0..<p.count where p.conversions[i] > 0 || (plan.includeNonConverting && p.nulls[i] > 0) {
      if i & 0xFFFF == 0, isCancelled() { throw Interrupted() }
      let path = p.path(i), start = p.offsets[i]
      let h = PathIndex.hash(count: path.count) { UInt64(p.touches[start + $0]) }
      let g = groups.group(hash: h, key: i, count: path.count) { key, _ in p.path(key) == path }
      let w = plan.includeNonConverting ? p.conversions[i] + p.nulls[i] : p.conversions[i]
      let n = path.count == 1 && path.first == none ? 0 : path.count
      groups.add(g, conversions: p.conversions[i], value: p.values[i], nulls: p.nulls[i], length: Double(n) * w, weight: w)
    }
    return table(groups, plan, total: p.totalConversions) { p.pathText(groups.keys[$0]) }
  }

  /// The result table of `groups`: the top groups by conversions, then path text.
  static func table(_ groups: PathGroups, _ plan: JourneyPlan, total: Double, text: (Int) -> String) -> Table {
    let conv = groups.conversions
    var order = candidates(conv, top: plan.top)
    let texts = Dictionary(uniqueKeysWithValues: order.map { ($0, text($0)) })
    order.sort { conv[$0] != conv[$1] ? conv[$0] > conv[$1] : texts[$0]!.utf8.lexicographicallyPrecedes(texts[$1]!.utf8) }
    if let top = plan.top { order = Array(order.prefix(top)) }
    var cols = [
      JourneyVerbs.strings("path", order.map { texts[$0]! }),
      JourneyVerbs.ints("conversions", order.map { Int64(conv[$0].rounded()) }),
      JourneyVerbs.floats("value", order.map { groups.value[$0] }),
      JourneyVerbs.floats("share", order.map { total > 0 ? conv[$0] / total : 0 }),
      JourneyVerbs.floats("avg_length", order.map { groups.weight[$0] > 0 ? groups.lengthSum[$0] / groups.weight[$0] : 0 }),
    ]
    if plan.includeNonConverting { cols.append(JourneyVerbs.ints("nulls", order.map { Int64(groups.nulls[$0].rounded()) })) }
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

  /// The k-th smallest value (k from 0), reordering the array so that the values before
  /// index `count − 1 − k` are all at least as large.
  mutating func kthSmallest(_ k: Int) -> Double { partialSortDescending(count - k) }
}
