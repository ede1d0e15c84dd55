/// How a step's answer is checked: one of a closed set, named after what it compares.
///
/// Exactly one of `same_result` and `same_value` is given; `uses` is allowed only next to
/// `same_result` (a spelling check alone would reject correct equivalent queries).
public struct Check: Codable, Sendable, Hashable {
  /// Compare the student's result table with the reference query's.
  public var same_result: SameResult?
  /// Compare a typed value with the one-cell result of the reference query.
  public var same_value: SameValue?
  /// Words the student's statement must contain (a verb or a model name), besides the same result.
  public var uses: [String]?

  /// Creates a check.
  public init(same_result: SameResult? = nil, same_value: SameValue? = nil, uses: [String]? = nil) {
    self.same_result = same_result
    self.same_value = same_value
    self.uses = uses
  }
}

/// Options of the `same_result` check.
public struct SameResult: Codable, Sendable, Hashable {
  /// Whether row order counts.
  public enum Order: String, Codable, Sendable { case matters, ignored }

  /// The reference columns compared (all when absent); the student's other columns are ignored.
  public var columns: [String]?
  /// Whether the rows must come in the same order (default `ignored`).
  public var order: Order?
  /// Compare only the first k rows of both results (all when absent).
  public var first: Int?
  /// Largest absolute difference between two numbers still counted equal (default 1e-6,
  /// relative to the larger magnitude when that is above 1).
  public var tolerance: Double?

  /// Creates the options.
  public init(columns: [String]? = nil, order: Order? = nil, first: Int? = nil, tolerance: Double? = nil) {
    self.columns = columns
    self.order = order
    self.first = first
    self.tolerance = tolerance
  }
}

/// Options of the `same_value` check.
public struct SameValue: Codable, Sendable, Hashable {
  /// Largest absolute difference accepted; when absent, a typed number is accepted when the
  /// live value rounds to it at the number of decimals typed (`4.7` for 4.73).
  public var tolerance: Double?

  /// Creates the options.
  public init(tolerance: Double? = nil) { self.tolerance = tolerance }
}
