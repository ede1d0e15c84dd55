/// Numeric views of a column's values, for kernels that work in one representation.
extension Column {
  /// The values as Int64 (ints, timestamps, dates as days, bools as 0/1).
  public var int64s: [Int64] {
    switch data {
    case .int(let a): return a.widened
    case .timestamp(let a): return a
    case .date(let a): return a.map { Int64($0) }
    case .bool(let a): return a.map { $0 ? 1 : 0 }
    case .float(let a): return a.map { Int64($0) }
    case .string: return Array(repeating: 0, count: count)
    }
  }

  /// The values as Double.
  public var doubles: [Double] {
    switch data {
    case .float(let a): return a
    case .int(let a): return (0..<a.count).map { Double(a[$0]) }
    case .timestamp(let a): return a.map { Double($0) }
    case .date(let a): return a.map { Double($0) }
    case .bool(let a): return a.map { $0 ? 1 : 0 }
    case .string: return Array(repeating: 0, count: count)
    }
  }

  /// Timestamps in microseconds (dates become midnight UTC).
  public var micros: [Int64] {
    switch data {
    case .date(let a): return a.map { Int64($0) * CivilTime.microsPerDay }
    default: return int64s
    }
  }
}
