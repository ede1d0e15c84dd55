import TQStorage

/// A column's distinct non-null values and the rows holding its smallest and largest value
/// (`describe`), from one radix sort of its sort keys rather than a hash set of every value.
public enum ColumnSummary {
  /// Distinct non-null count and the rows of the minimum and maximum (nil when every row is null).
  public static func distinctAndExtremes(_ c: Column, isCancelled: () -> Bool = { false }) throws
    -> (distinct: Int, min: Int?, max: Int?)
  {
    let key = Table.sortKey(c)
    let order = try RadixSort.order([RadixSort.Key(values: key, validity: c.validity, descending: false)], count: c.count,
                                    isCancelled: isCancelled)
    let valid = order.prefix { !c.isNull(Int($0)) }
    guard let first = valid.first, let last = valid.last else { return (0, nil, nil) }
    var distinct = 1
    var previous = key[Int(first)]
    for r in valid.dropFirst() where key[Int(r)] != previous {
      distinct += 1
      previous = key[Int(r)]
    }
    return (distinct, Int(first), Int(last))
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
