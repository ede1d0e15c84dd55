import TQStorage

/// A column's distinct non-null values and the rows holding its smallest and largest value
/// (`describe`): one pass over its sort keys for the extremes, then `DistinctCount`.
public enum ColumnSummary {
  /// Distinct non-null count and the rows of the minimum and maximum (nil when every row is
  /// null): the first row holding the smallest key and the last holding the largest.
  public static func distinctAndExtremes(_ c: Column, isCancelled: () -> Bool = { false }) throws
    -> (distinct: Int, min: Int?, max: Int?)
  {
    let key = Table.sortKey(c)
    let validity = c.validity
    return try key.withUnsafeBufferPointer { k in
      var lo = -1, hi = -1
      if let validity {
        for r in k.indices where validity[r] {
          if lo < 0 || k[r] < k[lo] { lo = r }
          if hi < 0 || k[r] >= k[hi] { hi = r }
        }
      } else if !k.isEmpty {
        lo = 0
        hi = 0
        var small = k[0], large = k[0]
        for r in k.indices {
          if k[r] < small { (small, lo) = (k[r], r) }
          if k[r] >= large { (large, hi) = (k[r], r) }
        }
      }
      guard lo >= 0 else { return (0, nil, nil) }
      let distinct = try DistinctCount.of(k, lo: k[lo], hi: k[hi], validity: validity, isCancelled: isCancelled)
      return (distinct, lo, hi)
    }
  }

  /// Whether each dictionary code is the code of a non-null row.
  public static func codesInUse(_ d: DictColumn, validity: Bitmap?) -> [Bool] {
    var used = [Bool](repeating: false, count: d.dictionary.count)
    if let validity {
      for i in 0..<d.codes.count where validity[i] { used[d.codes[i]] = true }
      return used
    }
    switch d.codes {
    case .u8(let c): mark(c, &used)
    case .u16(let c): mark(c, &used)
    case .u32(let c): mark(c, &used)
    case .runs(let r): for j in 0..<max(0, r.starts.count - 1) where r.starts[j] < r.starts[j + 1] { used[j] = true }
    }
    return used
  }

  /// Marks `used[code]` for every code.
  private static func mark<C: FixedWidthInteger>(_ codes: [C], _ used: inout [Bool]) {
    codes.withUnsafeBufferPointer { c in
      used.withUnsafeMutableBufferPointer { u in
        for code in c { u[Int(code)] = true }
      }
    }
  }
}
