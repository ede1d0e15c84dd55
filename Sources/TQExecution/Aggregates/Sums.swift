import TQStorage

/// `sum(x)` and `avg(x)`; a group with no value gives null.
enum Sums {
  /// Computes a sum or mean.
  static func compute(_ f: AggregateFunction, input: Column, groups: [Int32], count: Int, type: DataType) throws -> Column {
    var seen = [Bool](repeating: false, count: count)
    var n = [Int64](repeating: 0, count: count)
    if case .int(let values) = input.data, f == .sum {
      let a = values.widened
      var s = [Int64](repeating: 0, count: count)
      for i in 0..<a.count where !input.isNull(i) {
        let g = Int(groups[i])
        let (v, o) = s[g].addingReportingOverflow(a[i])
        if o { throw ExecutionError("integer overflow in sum") }
        s[g] = v
        seen[g] = true
      }
      return Column(name: "", data: .int(s), validity: AggregateKernels.validity(seen))
    }
    let isTime = input.type == .timestamp || input.type == .date
    let x = input.type == .date ? input.int64s.map(Double.init) : input.doubles
    var s = [Double](repeating: 0, count: count)
    for i in 0..<x.count where !input.isNull(i) {
      let g = Int(groups[i])
      s[g] += x[i]
      n[g] += 1
      seen[g] = true
    }
    if f == .avg { for g in 0..<count where n[g] > 0 { s[g] /= Double(n[g]) } }
    let validity = AggregateKernels.validity(seen)
    if isTime {
      let v = s.map { Int64($0.rounded()) }
      return Column(name: "", data: input.type == .date ? .date(v.map { Int32(clamping: $0) }) : .timestamp(v), validity: validity)
    }
    return Column(name: "", data: .float(s), validity: validity)
  }
}
