import TQStorage
import TQSyntax
import Testing

@testable import TQExecution

/// The filter's scans of values (`valueSelect`) and its `or` must keep exactly the rows the
/// batch evaluator (`Filter.generic`) keeps, nulls, mixed types and selections included.
@Suite("Filter: value scans and or")
struct FilterPathTests {
  static let rows = 5_000

  /// A table with one column per stored type, every fifth value null, and a text column.
  static let table: Table = {
    var g = SystemRandomNumberGenerator()
    func maybe<T>(_ i: Int, _ v: T) -> T? { i % 5 == 3 ? nil : v }
    let n = rows
    let i8 = (0..<n).map { maybe($0, Int64.random(in: -3...3, using: &g)) }
    let i16 = (0..<n).map { maybe($0, Int64.random(in: -300...300, using: &g)) }
    let i32 = (0..<n).map { maybe($0, Int64.random(in: -70_000...70_000, using: &g)) }
    let i64 = (0..<n).map { maybe($0, Int64.random(in: -5_000_000_000...5_000_000_000, using: &g)) }
    let f = (0..<n).map { maybe($0, Double(Int.random(in: -8...8, using: &g)) / 2) }
    let day: Int64 = 86_400_000_000
    let ts = (0..<n).map { maybe($0, Int64.random(in: 0...5, using: &g) * day + Int64.random(in: 0...2, using: &g) * day / 2) }
    let d = (0..<n).map { maybe($0, Int32.random(in: 0...5, using: &g)) }
    let text = (0..<n).map { maybe($0, ["a", "b", "c"][Int.random(in: 0...2, using: &g)]) }
    func ints(_ name: String, _ v: [Int64?]) -> Column {
      Column(name: name, data: .int(IntValues(narrowing: v.map { $0 ?? 0 })), validity: validity(v))
    }
    func validity<T>(_ v: [T?]) -> Bitmap {
      var b = Bitmap(count: 0, value: false)
      for x in v { b.append(x != nil) }
      return b
    }
    let columns = [
      ints("i8", i8), ints("i16", i16), ints("i32", i32), ints("i64", i64),
      Column(name: "f", data: .float(f.map { $0 ?? 0 }), validity: validity(f)),
      Column(name: "ts", data: .timestamp(ts.map { $0 ?? 0 }), validity: validity(ts)),
      Column(name: "d", data: .date(d.map { $0 ?? 0 }), validity: validity(d)),
      Column.from(name: "s", type: .string, values: text.map { $0.map(Value.string) ?? .null }),
    ]
    return Table(columns: columns, rowCount: n)
  }()

  func column(_ name: String) -> BoundExpr {
    let i = Self.table.columnIndex(name)!
    return .column(i, Self.table.columns[i].type)
  }

  /// Tests of every column against constants of its own and of a wider type.
  var comparisons: [BoundExpr] {
    let constants: [(String, [Value])] = [
      ("i8", [.int(0), .int(-3), .float(0.5)]), ("i16", [.int(17)]), ("i32", [.int(-1_000)]),
      ("i64", [.int(1_000_000)]), ("f", [.float(0.5), .int(1)]),
      ("ts", [.timestamp(2 * 86_400_000_000), .date(3)]), ("d", [.date(2), .timestamp(86_400_000_000)]),
    ]
    let ops: [BinaryOp] = [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual]
    var out: [BoundExpr] = []
    for (name, values) in constants {
      for v in values {
        for op in ops {
          out.append(.binary(op, column(name), .constant(v, v.type), .bool))
          out.append(.binary(op, .constant(v, v.type), column(name), .bool))
        }
      }
    }
    return out
  }

  func both(_ p: BoundExpr, _ rel: Relation) throws -> (fast: [UInt32], slow: [UInt32]) {
    (try Filter.select(p, in: rel, isCancelled: { false }), try Filter.generic(p, in: rel, isCancelled: { false }))
  }

  @Test func valueScansKeepWhatTheEvaluatorKeeps() throws {
    let all = Relation(Self.table)
    var picked = all
    picked.selection = (0..<UInt32(Self.rows)).reversed().filter { $0 % 3 != 0 }
    var scanned = 0
    for p in comparisons {
      if Filter.valueSelect(p, all) != nil { scanned += 1 }
      for rel in [all, picked] {
        let (fast, slow) = try both(p, rel)
        #expect(fast == slow, "\(p)")
      }
    }
    #expect(scanned >= 60)  // most comparisons take the scan, not the evaluator
  }

  @Test func rangesOfOneColumnKeepWhatTheEvaluatorKeeps() throws {
    var picked = Relation(Self.table)
    picked.selection = (0..<UInt32(Self.rows)).reversed().filter { $0 % 3 != 0 }
    // Each test of a column (both operand orders, every operator, constants of its own and
    // of a wider type) joined by `and` with each operator against the column's first
    // constant, the column on the left (`comparisons` lists that order first).
    let byColumn = Dictionary(grouping: comparisons) { p -> Int in Filter.valueTest(p)?.column ?? -1 }
    var ranged = 0
    for (_, tests) in byColumn {
      for a in tests {
        for b in stride(from: 0, to: min(12, tests.count), by: 2).map({ tests[$0] }) {
          let p = BoundExpr.binary(.and, a, b, .bool)
          if Filter.rangeSelect(a, b, Relation(Self.table)) != nil { ranged += 1 }
          for rel in [Relation(Self.table), picked] {
            let (fast, slow) = try both(p, rel)
            #expect(fast == slow, "\(p)")
          }
        }
      }
    }
    #expect(ranged > 300)  // most pairs take the one scan
  }

  @Test func orKeepsTheRowsOfEither() throws {
    let tests: [BoundExpr] = [
      .binary(.equal, column("s"), .constant(.string("a"), .string), .bool),
      .binary(.equal, column("s"), .constant(.string("c"), .string), .bool),
      .binary(.greater, column("f"), .constant(.float(1), .float), .bool),
      .binary(.less, column("i16"), .constant(.int(-100), .int), .bool),
      .binary(.equal, column("i8"), .constant(.null, nil), .bool),
    ]
    var picked = Relation(Self.table)
    picked.selection = (0..<UInt32(Self.rows)).reversed().filter { $0 % 4 != 1 }
    for a in tests {
      for b in tests {
        let p = BoundExpr.binary(.or, a, b, .bool)
        for rel in [Relation(Self.table), picked] {
          let (fast, slow) = try both(p, rel)
          #expect(fast == slow, "\(p)")
        }
      }
    }
  }
}
