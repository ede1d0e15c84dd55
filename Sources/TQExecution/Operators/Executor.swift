import TQJourney
import TQStorage
import TQSyntax

/// Runs a `LogicalPlan` over the tables of a session and returns the result as a table.
///
/// Operators pass `Relation`s: a filter narrows the selection vector, a sort permutes it,
/// `take` cuts it, and only operators that compute new columns materialise rows. Work is
/// done a column at a time; filters and generic expressions run in batches of
/// `batchSize` rows, polling `isCancelled` between batches.
public struct Executor {
  /// The tables a plan can read.
  public let tables: [String: Table]
  /// Polled between batches; when it returns true the executor throws `Interrupted`.
  public let isCancelled: @Sendable () -> Bool
  /// Rows per batch for filters and generic expressions.
  public static let batchSize = 1 << 16

  /// Creates an executor.
  public init(tables: [String: Table], isCancelled: @escaping @Sendable () -> Bool = { false }) {
    self.tables = tables
    self.isCancelled = isCancelled
  }

  /// Runs a plan; the result has the column names and roles of `schema`.
  public func run(_ plan: LogicalPlan, schema: Schema) throws -> Table {
    let rel = try execute(plan)
    var t = rel.table()
    for (i, f) in schema.fields.enumerated() where i < t.columns.count { t.columns[i].name = f.name }
    t.roles = schema.roles
    t.pruneRoles()
    t.barColumns = t.barColumns.filter { t.columnIndex($0) != nil }
    return t
  }

  /// Runs a plan to a relation.
  func execute(_ plan: LogicalPlan) throws -> Relation {
    if isCancelled() { throw Interrupted() }
    switch plan {
    case .scan(let name):
      guard let t = tables[name] else { throw ExecutionError("table \"\(name)\" is not loaded") }
      return Relation(t)
    case .filter(let input, let p):
      var rel = try execute(input)
      rel.selection = try Filter.select(p, in: rel, isCancelled: isCancelled)
      return rel
    case .project(let input, let items, let keepInput):
      return try Project.run(items, keepInput: keepInput, over: try execute(input))
    case .aggregate(let input, let keys, let aggs):
      return try aggregate(input, keys: keys, aggregates: aggs)
    case .sort(let input, let keys):
      return try Sort.run(keys, over: try execute(input), isCancelled: isCancelled)
    case .limit(let input, let n):
      var rel = try execute(input)
      if n < rel.count { rel.selection = rel.selection.map { Array($0.prefix(n)) } ?? (0..<UInt32(n)).map { $0 } }
      return rel
    case .distinct(let input, let cols):
      let rel = try execute(input)
      let keys = cols.map { NamedExpr(rel.columns[$0].name, .column($0, rel.columns[$0].type)) }
      return try Aggregate.run(keys: keys, aggregates: [], over: rel, isCancelled: isCancelled)
    case .join(let input, let right, let lk, let rk, let keepLeft):
      guard let t = tables[right] else { throw ExecutionError("table \"\(right)\" is not loaded") }
      return try Join.run(try execute(input), Relation(t), leftKeys: lk, rightKeys: rk, keepLeftUnmatched: keepLeft,
                          isCancelled: isCancelled)
    case .journey(let input, let plan):
      return try journey(plan, on: try execute(input).table(), groups: [])
    case .compareGroups(let input, let plan, let groups):
      var t = try execute(input).table()
      if t.journeyOffsets == nil { t.arrangeJourneys() }
      let rel = Relation(t)
      let ev = Evaluator(relation: rel)
      let tests = try groups.map { g -> GroupTest in
        // A test of a text column without nulls is decided per code, not per row.
        if let m = try Filter.dictionaryMask(g.expr, rel), rel.columns[m.column].validity == nil,
          case .string(let d) = rel.columns[m.column].data
        {
          return .codes(d.codes, outcome: m.mask)
        }
        let c = try ev.eval(g.expr).column(count: t.rowCount, type: .bool)
        guard case .bool(let b) = c.data else { return .rows(Array(repeating: false, count: t.rowCount)) }
        return .rows(c.validity == nil ? b : (0..<b.count).map { b[$0] && !c.isNull($0) })
      }
      return try journey(plan, on: t, groups: tests)
    case .rename(let input, let map):
      var rel = try execute(input)
      for (i, name) in map {
        let old = rel.columns[i].name
        rel.columns[i].name = name
        for (r, c) in rel.roles where c == old { rel.roles[r] = name }
      }
      return rel
    }
  }

  /// Runs a journey verb, turning its errors into execution errors.
  func journey(_ plan: JourneyPlan, on t: Table, groups: [GroupTest]) throws -> Relation {
    do {
      return Relation(try JourneyVerbs.run(plan, on: t, groups: groups, isCancelled: isCancelled))
    } catch let e as JourneyError {
      throw ExecutionError(e.message + (e.hint.map { " (\($0))" } ?? ""))
    } catch let e as ModelError {
      throw ExecutionError(e.message + (e.hint.map { " (\($0))" } ?? ""))
    }
  }

  /// `group`: text keys and text filters go through the codes in one pass (`CodeAggregate`);
  /// everything else through `Aggregate`.
  func aggregate(_ input: LogicalPlan, keys: [NamedExpr], aggregates: [BoundAggregate]) throws -> Relation {
    var source = input
    var pending: BoundExpr?
    if case .filter(let inner, let p) = input { (source, pending) = (inner, p) }
    var rel = try execute(source)
    if let p = pending {
      // A test of a run-coded column (the journey column) selects whole runs faster than
      // the fused scan, which would need a code per row.
      if let filters = try Filter.dictionaryMasks(p, rel),
        !filters.contains(where: { Filter.isRunCoded(rel.columns[$0.column]) }),
        let r = try CodeAggregate.run(keys: keys, aggregates: aggregates, filters: filters, over: rel, isCancelled: isCancelled)
      {
        return r
      }
      rel.selection = try Filter.select(p, in: rel, isCancelled: isCancelled)
    }
    if let r = try CodeAggregate.run(keys: keys, aggregates: aggregates, filters: [], over: rel, isCancelled: isCancelled) {
      return r
    }
    return try Aggregate.run(keys: keys, aggregates: aggregates, over: rel, isCancelled: isCancelled)
  }
}
