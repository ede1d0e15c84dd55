import TQStorage

/// The aggregate functions over group ids: each reads one input column once.
enum AggregateKernels {
  /// Computes one aggregate for `count` groups; `groups[i]` is row `i`'s group.
  static func compute(_ a: BoundAggregate, input: Column?, groups: [Int32], count: Int, rows: Int,
                      isCancelled: () -> Bool = { false }) throws -> Column
  {
    switch a.function {
    case .countAll, .count, .share, .distinct:
      return try Counting.compute(a.function, input: input, groups: groups, count: count, rows: rows, isCancelled: isCancelled)
    case .sum, .avg:
      return try Sums.compute(a.function, input: input!, groups: groups, count: count, type: a.type)
    case .min, .max, .first, .last:
      return Extremes.compute(a.function, input: input!, groups: groups, count: count)
    case .median, .quantile:
      return Quantiles.compute(q: a.parameter, input: input!, groups: groups, count: count, type: a.type)
    }
  }

  /// A validity mask from per-group "has a value" flags.
  static func validity(_ seen: [Bool]) -> Bitmap? {
    var v = Bitmap(count: seen.count, value: true)
    var any = false
    for (i, s) in seen.enumerated() where !s {
      v[i] = false
      any = true
    }
    return any ? v : nil
  }
}
