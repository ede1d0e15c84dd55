/// A pipeline: a source table and the stages its rows flow through, left to right.
///
/// `shop | where x > 1 | take 5` has source `shop`; a pipeline that starts with a verb
/// (`paths top 5`) has no source and reads the table in use.
public struct Pipeline: Hashable, Sendable {
  /// The table the rows come from, or `nil` for the table in use.
  public var source: Ident?
  /// The stages in order.
  public var stages: [Stage]
  /// Where it is written.
  public var range: SourceRange

  /// Creates a pipeline.
  public init(source: Ident?, stages: [Stage], range: SourceRange) {
    self.source = source
    self.stages = stages
    self.range = range
  }
}

/// One stage of a pipeline: a verb and its arguments.
public struct Stage: Hashable, Sendable {
  /// What the stage does.
  public enum Kind: Hashable, Sendable {
    /// `where predicate` (alias `filter`).
    case where_(Expr)
    /// `select a, b = expr` (keeps only these).
    case select([Projection])
    /// `derive a = expr, …` (adds or replaces columns).
    case derive([Projection])
    /// `group keys [agg aggregates]`; no `agg` means `n = count()`.
    case group(keys: [Projection], aggregates: [Projection])
    /// `sort -a, b` (alias `order by`).
    case sort([SortKey])
    /// `take N` (alias `limit`).
    case take(IntLiteral)
    /// `distinct [a, b]` (no columns: all of them).
    case distinct([Ident])
    /// `[left] join table on a, b`.
    case join(table: Ident, on: [Ident], left: Bool)
    /// `rename new = old, …`.
    case rename([Rename])
    /// A journey verb (`paths`, `attribute`, `transitions`, …).
    case journey(JourneyStage)
    /// A verb the parser recognised but could not parse (recovery placeholder).
    case invalid
  }

  /// The verb as written (`where`, or its alias `filter`).
  public var verb: Ident
  /// What the stage does.
  public var kind: Kind
  /// Where it is written, verb included.
  public var range: SourceRange

  /// Creates a stage.
  public init(verb: Ident, kind: Kind, range: SourceRange) {
    self.verb = verb
    self.kind = kind
    self.range = range
  }
}

/// `name = expr`, or a bare expression whose name is derived (a column keeps its name).
public struct Projection: Hashable, Sendable {
  /// The output name when written (`day` in `day = date(ts)`).
  public var name: Ident?
  /// The value.
  public var expr: Expr

  /// Creates a projection.
  public init(name: Ident?, expr: Expr) {
    self.name = name
    self.expr = expr
  }
}

/// One key of `sort`: an expression and its direction.
public struct SortKey: Hashable, Sendable {
  /// The value sorted on.
  public var expr: Expr
  /// `-x` or `x desc`.
  public var descending: Bool

  /// Creates a sort key.
  public init(expr: Expr, descending: Bool) {
    self.expr = expr
    self.descending = descending
  }
}

/// `new = old` in `rename`.
public struct Rename: Hashable, Sendable {
  /// The new name.
  public var new: Ident
  /// The column renamed.
  public var old: Ident

  /// Creates a rename.
  public init(new: Ident, old: Ident) {
    self.new = new
    self.old = old
  }
}
