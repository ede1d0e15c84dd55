/// An expression: a tree of values, with a source span on every node.
public struct Expr: Hashable, Sendable {
  /// What the expression is.
  public indirect enum Kind: Hashable, Sendable {
    /// A literal value.
    case literal(Literal)
    /// A column reference.
    case column(String)
    /// `-x`, `not x`.
    case unary(UnaryOp, Expr)
    /// `a + b`, `a == b`, `a and b`, `a like "g*"`, `a ~ "re"`.
    case binary(BinaryOp, Expr, Expr)
    /// `x in [a, b]` or `x not in [a, b]`.
    case inList(Expr, [Expr], negated: Bool)
    /// `f(a, b)`; `name` keeps the span of the function name.
    case call(Ident, [Expr])
    /// A placeholder where the parser expected an expression and found none (recovery).
    case missing
  }

  /// What the expression is.
  public var kind: Kind
  /// Where it is written.
  public var range: SourceRange

  /// Creates an expression.
  public init(_ kind: Kind, _ range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// A literal value in an expression.
public enum Literal: Hashable, Sendable {
  case int(Int64)
  case float(Double)
  case string(String)
  case bool(Bool)
  case null
  /// `@2024-03-01`: days since 1970-01-01.
  case date(Int32)
  /// `@2024-03-01T10:00`: microseconds since 1970-01-01T00:00:00Z.
  case timestamp(Int64)
  /// `30d 12h`: microseconds.
  case duration(Int64)
}

/// A prefix operator.
public enum UnaryOp: String, Hashable, Sendable {
  case negate = "-"
  case not = "not"
}

/// An infix operator, in the spelling users write.
public enum BinaryOp: String, Hashable, Sendable, CaseIterable {
  case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%"
  case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
  case and = "and", or = "or"
  case like = "like", matches = "~"

  /// Whether the operator compares two values and gives a bool.
  public var isComparison: Bool {
    switch self {
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return true
    default: return false
    }
  }
}
