import TQStorage
import TQSyntax

/// Turns a parsed pipeline into a typed `LogicalPlan`, resolving names against the tables.
///
/// The binder walks the stages left to right, keeping the schema of the relation so far.
/// Every name it cannot resolve becomes a `Diagnostic` on the name's span with the nearest
/// known name as a hint; type errors point at the operator or argument at fault.
public struct Binder {
  /// The source the pipeline was parsed from (for diagnostics).
  public let source: SourceFile
  /// The tables a pipeline may read, by name.
  public let tables: [String: Table]
  /// The true incremental conversions per channel of generated tables, by table name (`vs truth`).
  public var truths: [String: [String: Double]] = [:]

  /// Creates a binder.
  public init(source: SourceFile, tables: [String: Table]) {
    self.source = source
    self.tables = tables
  }

  /// Binds a pipeline whose source table is `sourceTable`.
  public func bind(_ pipeline: Pipeline, sourceTable: String) throws -> (LogicalPlan, Schema) {
    guard let table = tables[sourceTable] else {
      throw Diagnostic("unknown table \"\(sourceTable)\"", in: source, pipeline.source?.range ?? pipeline.range)
    }
    var plan = LogicalPlan.scan(table: sourceTable)
    var schema = Schema(of: table)
    for stage in pipeline.stages {
      (plan, schema) = try bind(stage, input: plan, schema: schema)
    }
    return (plan, schema)
  }

  /// Binds one stage over an input of the given schema.
  func bind(_ stage: Stage, input: LogicalPlan, schema: Schema) throws -> (LogicalPlan, Schema) {
    switch stage.kind {
    case .where_(let e): return try bindWhere(e, input: input, schema: schema)
    case .select(let items): return try bindProject(items, keepInput: false, input: input, schema: schema)
    case .derive(let items): return try bindProject(items, keepInput: true, input: input, schema: schema)
    case .group(let keys, let aggs): return try bindGroup(keys: keys, aggregates: aggs, stage: stage, input: input, schema: schema)
    case .sort(let keys): return try bindSort(keys, input: input, schema: schema)
    case .take(let n):
      guard n.value >= 0 else { throw Diagnostic("take needs a count of 0 or more", in: source, n.range) }
      return (.limit(input, count: Int(n.value)), schema)
    case .distinct(let cols): return try bindDistinct(cols, input: input, schema: schema)
    case .join(let t, let on, let left): return try bindJoin(t, on: on, left: left, input: input, schema: schema)
    case .rename(let pairs): return try bindRename(pairs, input: input, schema: schema)
    case .journey(let j): return try bindJourney(j, stage: stage, input: input, schema: schema)
    case .invalid: throw Diagnostic("cannot run an invalid stage", in: source, stage.range)
    }
  }

  /// The index of a column named by `ident`, or an "unknown column" diagnostic.
  func resolveColumn(_ ident: Ident, in schema: Schema) throws -> Int {
    if let i = schema.index(of: ident.name) { return i }
    throw Diagnostic("unknown column \"\(ident.name)\"", in: source, ident.range, hint: Suggest.hint(ident.name, in: schema.names))
  }

  /// The output name of an unnamed expression: a column keeps its name, else the text as written.
  func defaultName(_ e: Expr) -> String {
    if case .column(let c) = e.kind { return c }
    return source.text(of: e.range).split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}
