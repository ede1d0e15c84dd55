/// The type a column has been inferred to hold so far.
///
/// Widening follows a small lattice: `empty` (all null) → anything; `int` → `float`;
/// `date` → `timestamp`; any other disagreement → `string`.
enum InferredType: UInt8 {
  case empty, bool, int, float, date, timestamp, string

  /// The narrowest type holding values of both.
  func joined(with other: InferredType) -> InferredType {
    if self == other || other == .empty { return self }
    if self == .empty { return other }
    switch (self, other) {
    case (.int, .float), (.float, .int): return .float
    case (.date, .timestamp), (.timestamp, .date): return .timestamp
    default: return .string
    }
  }

  /// Whether values of this type convert to `target` without their text.
  func convertsByValue(to target: InferredType) -> Bool {
    self == target || self == .empty || (self == .int && target == .float) || (self == .date && target == .timestamp)
  }
}

/// Infers the type of one field's text and parses it, in the order int, float, bool, date,
/// timestamp (a field no parser accepts is a string).
enum FieldClassifier {
  /// The narrowest type of the text, with its value as 64 bits (Int64, Double bits, 0/1,
  /// days, microseconds); `string` carries 0.
  @inline(__always) static func classify(_ p: UnsafePointer<UInt8>, _ n: Int) -> (InferredType, UInt64) {
    let c = p[0]
    let numeric = (c &- UInt8(ascii: "0")) <= 9 || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: ".")
    if numeric {
      if n == 10, let d = TimeParsing.date(p, n) { return (.date, UInt64(bitPattern: Int64(d))) }
      if n >= 19, let t = TimeParsing.timestamp(p, n) { return (.timestamp, UInt64(bitPattern: t)) }
      if let v = NumberParsing.int(p, n) { return (.int, UInt64(bitPattern: v)) }
      if let v = NumberParsing.double(p, n) { return (.float, v.bitPattern) }
      return (.string, 0)
    }
    if let b = NumberParsing.bool(p, n) { return (.bool, b ? 1 : 0) }
    return (.string, 0)
  }

  /// Parses text as `type`; `nil` when it is not one.
  @inline(__always) static func parse(_ p: UnsafePointer<UInt8>, _ n: Int, as type: InferredType) -> UInt64? {
    switch type {
    case .int: return NumberParsing.int(p, n).map { UInt64(bitPattern: $0) }
    case .float: return NumberParsing.double(p, n).map { $0.bitPattern }
    case .bool: return NumberParsing.bool(p, n).map { $0 ? 1 : 0 }
    case .date: return TimeParsing.date(p, n).map { UInt64(bitPattern: Int64($0)) }
    case .timestamp: return TimeParsing.timestamp(p, n).map { UInt64(bitPattern: $0) }
    case .empty, .string: return nil
    }
  }

  /// Converts a stored 64-bit value of `from` into the representation of `to` (a value-only
  /// widening: int → float or date → timestamp).
  @inline(__always) static func widen(_ bits: UInt64, from: InferredType, to: InferredType) -> UInt64 {
    switch (from, to) {
    case (.int, .float): return Double(Int64(bitPattern: bits)).bitPattern
    case (.date, .timestamp): return UInt64(bitPattern: Int64(bitPattern: bits) &* CivilCalendar.microsPerDay)
    default: return bits
    }
  }
}
