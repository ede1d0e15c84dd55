/// A script: the statements of one source, in order.
public struct Script: Sendable {
  /// The statements.
  public var statements: [Statement]

  /// Creates a script.
  public init(statements: [Statement]) { self.statements = statements }
}

/// One statement with its span.
public struct Statement: Sendable {
  /// What the statement does.
  public enum Kind: Sendable {
    /// `load "file" [as name] [format paths] [with role = column, …]`.
    case load(path: StringLiteral, name: Ident?, format: Ident?, roles: [RoleBinding])
    /// `use name`.
    case use(Ident)
    /// `tables`.
    case tables
    /// `describe [name]`.
    case describe(Ident?)
    /// `let name = pipeline`.
    case let_(name: Ident, pipeline: Pipeline)
    /// `drop name, …`.
    case drop([Ident])
    /// `save pipeline to "file" [format csv]`.
    case save(pipeline: Pipeline, path: StringLiteral, format: Ident?)
    /// `run "script.tq"`.
    case run(StringLiteral)
    /// `help [topic]`.
    case help(Ident?)
    /// `generate journeys N [seed S] [effects [channel = p, …]] [as name]`.
    case generate(what: Ident, count: IntLiteral, seed: IntLiteral?, effects: [ChannelEffect], name: Ident?)
    /// `explain topic`: a verb, model or concept defined, with a worked example.
    case explain(Ident?)
    /// `.command args…` (the rest of the line split on whitespace, each argument with its span).
    case dotCommand(name: Ident, arguments: [StringLiteral])
    /// A lesson statement (`learn`, `next`, `back`, `hint`, `answer`, `reply …`, `quit lesson`).
    case lesson(LessonCommand)
    /// A pipeline whose result is shown.
    case query(Pipeline)
  }

  /// What the statement does.
  public var kind: Kind
  /// Where it is written.
  public var range: SourceRange

  /// Creates a statement.
  public init(_ kind: Kind, _ range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// `role = column` in `load … with …`.
public struct RoleBinding: Hashable, Sendable {
  /// The role name as written (`journey`, `time`, …).
  public var role: Ident
  /// The column that plays it.
  public var column: Ident

  /// Creates a binding.
  public init(role: Ident, column: Ident) {
    self.role = role
    self.column = column
  }
}
