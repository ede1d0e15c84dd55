import TQStorage

/// `count()`, `count(x)`, `distinct(x)` and `share()`.
enum Counting {
  /// Computes a counting aggregate.
  static func compute(_ f: AggregateFunction, input: Column?, groups: [Int32], count: Int, rows: Int,
                      isCancelled: () -> Bool) throws -> Column
  {
    var counts = [Int64](repeating: 0, count: count)
    switch f {
    case .distinct:
      guard let input else { break }
      let (dense, card) = try GroupIds.dense(input, isCancelled: isCancelled)
      let nullId = input.validity == nil ? -1 : card - 1
      var seen = Set<Int>()
      for i in 0..<rows where dense[i] != nullId {
        if i & 0xFFFF == 0, isCancelled() { throw Interrupted() }
        if seen.insert(Int(groups[i]) &* card &+ dense[i]).inserted { counts[Int(groups[i])] += 1 }
      }
    case .count:
      for i in 0..<rows where !(input?.isNull(i) ?? false) { counts[Int(groups[i])] += 1 }
    default:
      groups.withUnsafeBufferPointer { g in
        counts.withUnsafeMutableBufferPointer { c in
          for i in 0..<rows { c[Int(g[i])] &+= 1 }
        }
      }
    }
    if f == .share {
      let total = Double(max(rows, 1))
      return Column(name: "", data: .float(counts.map { Double($0) / total }))
    }
    return Column(name: "", data: .int(counts))
  }
}
