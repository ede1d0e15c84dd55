import TQStorage
import Testing

@testable import TQExecution
@testable import TQGenerate

/// `describe`'s distinct counts and extremes against a `Set` and a plain scan.
@Suite("distinct count: bitmap and bucketed sets agree with a Set")
struct DistinctCountTests {
  /// Keys drawn from `pick`, some rows null when `nulls`.
  static func column(_ count: Int, nulls: Bool, seed: UInt64, _ pick: (inout SplitMix64) -> Int64) -> Column {
    var rng = SplitMix64(state: seed)
    let values = (0..<count).map { _ in pick(&rng) }
    guard nulls else { return Column(name: "k", data: .int(.i64(values))) }
    var validity = Bitmap(count: count, value: true)
    for r in 0..<count where rng.next() % 5 == 0 { validity[r] = false }
    return Column(name: "k", data: .int(.i64(values)), validity: validity)
  }

  /// The distinct count and the first smallest, last largest row, the slow way.
  static func expected(_ c: Column) -> (Int, Int?, Int?) {
    guard case .int(.i64(let v)) = c.data else { return (0, nil, nil) }
    let rows = v.indices.filter { !c.isNull($0) }
    guard let small = rows.map({ v[$0] }).min(), let large = rows.map({ v[$0] }).max() else { return (0, nil, nil) }
    return (Set(rows.map { v[$0] }).count, rows.first { v[$0] == small }, rows.last { v[$0] == large })
  }

  @Test(arguments: [false, true])
  func everyRangeAgrees(nulls: Bool) throws {
    let pickers: [(String, (inout SplitMix64) -> Int64)] = [
      ("narrow", { Int64($0.next() % 1000) - 500 }),
      ("one value", { _ in 42 }),
      ("wide", { Int64(bitPattern: $0.next()) }),
      ("wide, few values", { [Int64.min, -1, 0, 7, Int64.max][Int($0.next() % 5)] }),
      ("timestamps", { 1_700_000_000_000_000 + Int64($0.next() % 40_000_000_000_000) }),
      ("just over the bitmap", { Int64($0.next() % (DistinctCount.bitmapRange + 5)) }),
    ]
    for (k, (name, pick)) in pickers.enumerated() {
      let c = Self.column(20_000, nulls: nulls, seed: UInt64(k + 1), pick)
      let got = try ColumnSummary.distinctAndExtremes(c)
      let want = Self.expected(c)
      #expect(got.distinct == want.0 && got.min == want.1 && got.max == want.2, "\(name)")
    }
  }

  @Test func allNullHasNoValues() throws {
    let c = Column(name: "k", data: .int(.i64([1, 2, 3])), validity: Bitmap(count: 3, value: false))
    let got = try ColumnSummary.distinctAndExtremes(c)
    #expect(got.distinct == 0 && got.min == nil && got.max == nil)
  }
}
