import Testing
import TQGenerate
import TQStorage
import TQSyntax
import Foundation

@testable import TQExecution

/// The one-pass code-grouped aggregate must give exactly what the general `Aggregate` gives.
@Suite("Code-grouped aggregates")
struct CodeAggregateTests {
  /// About 90,000 touches: enough rows that the work is split in two halves.
  static let table = try! JourneyGenerator(journeys: 20_000, seed: 3).generate().table

  func index(_ name: String) -> Int { Self.table.columnIndex(name)! }

  func column(_ name: String) -> BoundExpr { .column(index(name), Self.table.columns[index(name)].type) }

  func key(_ name: String) -> NamedExpr { NamedExpr(name, column(name)) }

  func agg(_ f: AggregateFunction, _ arg: String?, type: DataType) -> BoundAggregate {
    BoundAggregate(function: f, argument: arg.map(column), name: "\(f.rawValue)_\(arg ?? "")", type: type)
  }

  var aggregates: [BoundAggregate] {
    [
      agg(.countAll, nil, type: .int), agg(.count, "channel", type: .int), agg(.sum, "revenue", type: .float),
      agg(.avg, "cost", type: .float), agg(.distinct, "journey_id", type: .int),
    ]
  }

  /// The rows of a relation as text, decimals to 9 significant digits.
  func rows(_ r: Relation) -> [String] {
    let t = r.table()
    return (0..<t.rowCount).map { i in
      t.columns.map { c -> String in
        if case .float(let x) = c.value(at: i) { return String(format: "%.9g", x) }
        return "\(c.value(at: i))"
      }.joined(separator: "|")
    }
  }

  /// Runs both paths on the same input and compares.
  func check(keys: [String], filter: BoundExpr?, selected: Bool = false) throws {
    var rel = Relation(Self.table)
    var filters: [(column: Int, mask: [Bool])] = []
    if let filter {
      if selected {
        rel.selection = try Filter.select(filter, in: rel, isCancelled: { false })
      } else {
        filters = try #require(try Filter.dictionaryMasks(filter, rel))
      }
    }
    let fast = try #require(
      try CodeAggregate.run(keys: keys.map(key), aggregates: aggregates, filters: filters, over: rel, isCancelled: { false }))
    var general = rel
    if let filter, !selected { general.selection = try Filter.select(filter, in: rel, isCancelled: { false }) }
    let slow = try Aggregate.run(keys: keys.map(key), aggregates: aggregates, over: general)
    #expect(rows(fast) == rows(slow))
    #expect(fast.count == slow.count && fast.count > 0)
  }

  func text(_ column: String, _ op: BinaryOp, _ value: String) -> BoundExpr {
    .binary(op, self.column(column), .constant(.string(value), .string), .bool)
  }

  @Test func noKeysNoFilter() throws { try check(keys: [], filter: nil) }

  @Test func oneKey() throws { try check(keys: ["persona"], filter: nil) }

  @Test func twoKeys() throws { try check(keys: ["persona", "channel"], filter: nil) }

  @Test func filterOnTheKey() throws {
    try check(keys: ["source_group"], filter: .inList(column("source_group"), [.string("search"), .string("social")], negated: false))
  }

  @Test func filterOnAnotherColumn() throws {
    try check(keys: ["persona"], filter: .binary(.and, text("channel", .equal, "email"), text("stage", .notEqual, "awareness"), .bool))
  }

  @Test func oneCodeWithoutKeys() throws { try check(keys: [], filter: text("channel", .equal, "facebook")) }

  @Test func afterASelection() throws { try check(keys: ["channel"], filter: text("persona", .equal, "researcher"), selected: true) }

  @Test func filterKeepingNothing() throws { try check(keys: [], filter: text("channel", .equal, "no such channel")) }

  @Test func distinctJourneysAcrossTheSplit() throws {
    // Every journey counted once even when one is cut by the split between the halves.
    let rel = Relation(Self.table)
    let fast = try #require(
      try CodeAggregate.run(keys: [], aggregates: [agg(.distinct, "journey_id", type: .int)], filters: [], over: rel,
                            isCancelled: { false }))
    #expect(fast.table().columns[0].value(at: 0) == .int(20_000))
  }
}
