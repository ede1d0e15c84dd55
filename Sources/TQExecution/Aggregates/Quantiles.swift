import TQStorage

/// `median(x)` and `quantile(x, q)`: linear interpolation between the two nearest ranks.
enum Quantiles {
  /// Computes the q-quantile of each group.
  static func compute(q: Double, input: Column, groups: [Int32], count: Int, type: DataType) -> Column {
    let x = input.type == .date ? input.int64s.map(Double.init) : input.doubles
    var buckets = [[Double]](repeating: [], count: count)
    for i in 0..<x.count where !input.isNull(i) && !x[i].isNaN { buckets[Int(groups[i])].append(x[i]) }
    var out = [Double](repeating: 0, count: count)
    var seen = [Bool](repeating: false, count: count)
    for g in 0..<count where !buckets[g].isEmpty {
      let v = buckets[g].sorted()
      let pos = q * Double(v.count - 1)
      let lo = Int(pos.rounded(.down)), hi = min(lo + 1, v.count - 1)
      out[g] = v[lo] + (v[hi] - v[lo]) * (pos - Double(lo))
      seen[g] = true
    }
    let validity = AggregateKernels.validity(seen)
    switch type {
    case .timestamp: return Column(name: "", data: .timestamp(out.map { Int64($0.rounded()) }), validity: validity)
    case .date: return Column(name: "", data: .date(out.map { Int32($0.rounded()) }), validity: validity)
    default: return Column(name: "", data: .float(out), validity: validity)
    }
  }
}
