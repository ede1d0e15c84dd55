import TQStorage
import TQSyntax

/// An expression after binding: names resolved to column indexes, every node typed.
///
/// Bound expressions are plain values, like the plan that holds them, so that a later
/// stage can render them (as text or SQL) without running them.
public indirect enum BoundExpr: Sendable, Equatable {
  /// Column `index` of the input.
  case column(Int, DataType)
  /// A constant; `type` is nil only for an untyped `null`.
  case constant(Value, DataType?)
  /// `-x` / `not x`.
  case unary(UnaryOp, BoundExpr, DataType)
  /// `a op b`.
  case binary(BinaryOp, BoundExpr, BoundExpr, DataType)
  /// `x [not] in [constants]`.
  case inList(BoundExpr, [Value], negated: Bool)
  /// A scalar function call.
  case call(ScalarFunction, [BoundExpr], DataType)

  /// The type of the result (`bool` for an untyped null: it only ever filters).
  public var type: DataType {
    switch self {
    case .column(_, let t), .unary(_, _, let t), .binary(_, _, _, let t), .call(_, _, let t): return t
    case .constant(_, let t): return t ?? .bool
    case .inList: return .bool
    }
  }

  /// The column index when the expression is a bare column.
  public var columnIndex: Int? {
    if case .column(let i, _) = self { return i }
    return nil
  }
}

/// A bound aggregate: the function, its argument (if any), and its output name.
public struct BoundAggregate: Sendable, Equatable {
  /// The function.
  public var function: AggregateFunction
  /// The argument (`nil` for `count()` and `share()`).
  public var argument: BoundExpr?
  /// The quantile for `quantile(x, q)` (0.5 for `median`).
  public var parameter: Double
  /// The output column name.
  public var name: String
  /// The output type.
  public var type: DataType

  /// Creates a bound aggregate.
  public init(function: AggregateFunction, argument: BoundExpr?, parameter: Double = 0.5, name: String, type: DataType) {
    self.function = function
    self.argument = argument
    self.parameter = parameter
    self.name = name
    self.type = type
  }
}

/// The scalar functions tq implements (their metadata lives in `Registry`).
public enum ScalarFunction: String, Sendable, CaseIterable {
  case lower, upper, len, coalesce, `if`, date, hour, weekday, week, month, year, round, abs
}

/// The aggregate functions tq implements (their metadata lives in `Registry`).
public enum AggregateFunction: String, Sendable, CaseIterable {
  case count, countAll = "count()", distinct, sum, avg, min, max, median, quantile, first, last, share
}
