import TQJourney
import TQStorage

/// A pipeline after binding: a tree of relational operators, as plain values.
///
/// Each case reads its `input` and produces a relation whose schema the binder
/// computed. Execution (`Executor`) interprets the tree; nothing here runs anything,
/// so a later stage may print it or render it as SQL.
public indirect enum LogicalPlan: Sendable, Equatable {
  /// All rows of a named table.
  case scan(table: String)
  /// Rows where `predicate` is true.
  case filter(LogicalPlan, predicate: BoundExpr)
  /// Computed columns: `select` keeps only `items`; `derive` (keepInput) adds or replaces.
  case project(LogicalPlan, items: [NamedExpr], keepInput: Bool)
  /// One row per distinct key combination, with aggregates.
  case aggregate(LogicalPlan, keys: [NamedExpr], aggregates: [BoundAggregate])
  /// Rows ordered by keys.
  case sort(LogicalPlan, keys: [BoundSortKey])
  /// The first `count` rows.
  case limit(LogicalPlan, count: Int)
  /// Unique combinations of the given columns (indexes into the input).
  case distinct(LogicalPlan, columns: [Int])
  /// Rows matched with a named table on equal key columns (indexes into left and right).
  case join(LogicalPlan, right: String, leftKeys: [Int], rightKeys: [Int], keepLeftUnmatched: Bool)
  /// Columns renamed (input index → new name).
  case rename(LogicalPlan, [Int: String])
  /// A journey verb over the input's journeys or paths.
  case journey(LogicalPlan, JourneyPlan)
  /// `compare`: journey KPIs for groups of rows, each given by a predicate.
  case compareGroups(LogicalPlan, JourneyPlan, groups: [NamedExpr])
}

/// A computed column: its name and value.
public struct NamedExpr: Sendable, Equatable {
  /// Output name.
  public var name: String
  /// Value.
  public var expr: BoundExpr

  /// Creates a named expression.
  public init(_ name: String, _ expr: BoundExpr) {
    self.name = name
    self.expr = expr
  }
}

/// A bound sort key.
public struct BoundSortKey: Sendable, Equatable {
  /// The value sorted on.
  public var expr: BoundExpr
  /// Descending order.
  public var descending: Bool

  /// Creates a sort key.
  public init(_ expr: BoundExpr, descending: Bool) {
    self.expr = expr
    self.descending = descending
  }
}
