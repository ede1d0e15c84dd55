/// One scalar value: a literal, a group key, a cell read for display.
///
/// Columns never store `Value`s (they hold typed buffers); `Value` is for the
/// few places that handle one value at a time.
public enum Value: Sendable, Hashable {
  case null
  case int(Int64)
  case float(Double)
  case bool(Bool)
  case timestamp(Int64)
  case date(Int32)
  case string(String)

  /// The type of the value, or `nil` for `null`.
  public var type: DataType? {
    switch self {
    case .null: return nil
    case .int: return .int
    case .float: return .float
    case .bool: return .bool
    case .timestamp: return .timestamp
    case .date: return .date
    case .string: return .string
    }
  }

  /// Whether the value is `null`.
  public var isNull: Bool { if case .null = self { return true } else { return false } }

  /// The value as a Double when it is a number (ints widen), else `nil`.
  public var asDouble: Double? {
    switch self {
    case .int(let v): return Double(v)
    case .float(let v): return v
    default: return nil
    }
  }
}

extension Value: Comparable {
  /// Orders values of one type naturally; `null` sorts first; numbers compare across int and float.
  public static func < (a: Value, b: Value) -> Bool {
    switch (a, b) {
    case (.null, .null): return false
    case (.null, _): return true
    case (_, .null): return false
    case (.int(let x), .int(let y)): return x < y
    case (.bool(let x), .bool(let y)): return !x && y
    case (.timestamp(let x), .timestamp(let y)): return x < y
    case (.date(let x), .date(let y)): return x < y
    case (.string(let x), .string(let y)): return x.utf8.lexicographicallyPrecedes(y.utf8)
    default:
      if let x = a.asDouble, let y = b.asDouble { return x < y }
      return String(describing: a.type) < String(describing: b.type)
    }
  }
}
