/// The logical type of a column or an expression.
///
/// Every column of a table has exactly one of these types; `string` columns are
/// dictionary-coded, `timestamp` holds microseconds since 1970-01-01T00:00:00Z
/// and `date` holds days since 1970-01-01.
public enum DataType: String, Sendable, CaseIterable, Hashable {
  case int, float, bool, timestamp, date, string

  /// Whether values of this type are numbers that arithmetic applies to.
  public var isNumeric: Bool { self == .int || self == .float }

  /// Whether values of this type have a natural order (all do; kept for clarity at call sites).
  public var isOrdered: Bool { true }

  /// The letter a golden `query` record uses for a column of this type (`I`, `R`, `T`).
  public var sqllogicLetter: Character {
    switch self {
    case .int: return "I"
    case .float: return "R"
    default: return "T"
    }
  }
}
