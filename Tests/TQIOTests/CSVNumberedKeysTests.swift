import TQStorage
import Testing

@testable import TQIO

@Suite("CSV reader: identifier columns coded by their numbers")
struct CSVNumberedKeysTests {
  /// `c` + 7 digits, the shape of the benchmark's customer ids.
  static func id(_ k: Int) -> String { "c" + String(10_000_000 + k).dropFirst() }

  /// A file of `rows` records `key,n,pad` with keys from `key(row)` and `padding` bytes of
  /// padding (enough makes the file large enough to be read on two threads).
  static func file(rows: Int, padding: Int = 0, _ key: (Int) -> String) -> String {
    let pad = String(repeating: "x", count: padding)
    var s = "key,n,pad\n"
    for r in 0..<rows { s += "\(key(r)),\(r),\(pad)\n" }
    return s
  }

  @Test func idsOfTheShapeAmongOtherValuesAndNulls() throws {
    // The first key is shaped; later ones include another length, another prefix, an
    // empty quoted string, nulls and ids out of order.
    let keys = [Self.id(42), Self.id(7), "", "\"\"", "c12", "d0000042", Self.id(42), Self.id(9_999_999), "c0000000"]
    let t = try read(Self.file(rows: keys.count) { keys[$0] })
    let expected: [Value] = keys.map { $0.isEmpty ? .null : .string($0 == "\"\"" ? "" : $0) }
    #expect(t.values("key") == expected)
    guard case .string(let d) = t.column("key")?.data else {
      Issue.record("key is not a text column")
      return
    }
    // Shaped keys first, ascending; the others after them.
    #expect(Array(d.dictionary.prefix(4)) == ["c0000000", Self.id(7), Self.id(42), Self.id(9_999_999)])
    #expect(Set(d.dictionary.dropFirst(4)) == ["", "c12", "d0000042"])
  }

  @Test func halvesWithTheSameShapeMerge() throws {
    let rows = 300_000
    let text = Self.file(rows: rows, padding: 16) { Self.id(($0 * 7_919) % 1_000_003) }
    #expect(text.utf8.count > CSVReader.parallelThreshold)
    let t = try read(text)
    let values = t.values("key")
    #expect(values.count == rows)
    for r in [0, 1, rows / 2 - 1, rows / 2, rows / 2 + 1, rows - 1] {
      #expect(values[r] == .string(Self.id((r * 7_919) % 1_000_003)))
    }
    #expect(Set(values).count == rows)
  }

  @Test func secondHalfStartingWithAnotherShapeMerges() throws {
    // The second half's first key has another shape, so that half is not numbered by the
    // first one's shape (or not at all); the keys of both must still meet.
    let rows = 300_000
    func key(_ r: Int) -> String {
      if r >= rows / 2 - 5 && r < rows / 2 + 400 { return r % 2 == 0 ? "cust-\(r)" : "other" }
      return Self.id(r % 5_000)
    }
    let text = Self.file(rows: rows, padding: 16, key)
    #expect(text.utf8.count > CSVReader.parallelThreshold)
    let t = try read(text)
    let values = t.values("key")
    #expect(values.count == rows)
    for r in stride(from: 0, to: rows, by: 997) { #expect(values[r] == .string(key(r))) }
    for r in (rows / 2 - 10)..<(rows / 2 + 410) { #expect(values[r] == .string(key(r))) }
    #expect(Set(values).count == Set((0..<rows).map(key)).count)
  }

  @Test func halvesNumberedByDifferentShapesMerge() throws {
    let rows = 300_000
    // Ids of the second shape start well before the middle, so the second half begins with one.
    func key(_ r: Int) -> String { r < rows / 2 - 1_000 ? Self.id(r % 3_000) : "order-\(String(1_000_000 + r % 4_000).dropFirst())" }
    let text = Self.file(rows: rows, padding: 16, key)
    #expect(text.utf8.count > CSVReader.parallelThreshold)
    let t = try read(text)
    let values = t.values("key")
    for r in stride(from: 0, to: rows, by: 613) { #expect(values[r] == .string(key(r))) }
    #expect(Set(values).count == 7_000)
  }

  @Test(arguments: [20_000, 16_383, 290_000])
  func runsBrokenAfterManyBatchesKeepEveryValue(at row: Int) throws {
    // Sorted ids whose runs are tracked while parsing (`NumberRuns`) until row `row`
    // breaks them: the rows before are written out as codes, the rest coded one by one.
    // At 290,000 the file is read on two threads and only the second chunk breaks.
    let rows = 300_000
    for odd in ["", Self.id(1), "x"] {
      func key(_ r: Int) -> String { r == row ? odd : Self.id(r / 3 * 2) }
      let t = try read(Self.file(rows: rows, padding: 16, key))
      let values = t.values("key")
      #expect(values.count == rows)
      for r in Array(stride(from: 0, to: rows, by: 997)) + Array((row - 700)..<min(rows, row + 700)) {
        #expect(values[r] == (key(r).isEmpty ? .null : .string(key(r))), "row \(r) with \(odd)")
      }
      guard case .string(let d) = t.column("key")?.data else { continue }
      if case .runs = d.codes { Issue.record("\(odd) at row \(row) still gave runs") }
    }
  }

  @Test func idsInAscendingRunsAreStoredAsRuns() throws {
    // Journeys of a sorted export: each id's rows together, ids ascending (with gaps).
    let rows = 300_000
    func key(_ r: Int) -> String { Self.id(r / 3 * 2) }
    let text = Self.file(rows: rows, padding: 16, key)
    #expect(text.utf8.count > CSVReader.parallelThreshold)
    let t = try read(text)
    guard case .string(let d) = t.column("key")?.data, case .runs(let runs) = d.codes else {
      Issue.record("sorted ids are not stored as runs")
      return
    }
    #expect(runs.starts.count == rows / 3 + 1)
    let values = t.values("key")
    for r in stride(from: 0, to: rows, by: 1_009) { #expect(values[r] == .string(key(r))) }
    // A null, an id out of order or another value keeps a code per row.
    for odd in ["", Self.id(1), "x"] {
      let t = try read(Self.file(rows: 1_000) { $0 == 500 ? odd : key($0) })
      guard case .string(let d) = t.column("key")?.data else { continue }
      if case .runs = d.codes { Issue.record("\(odd) among sorted ids still gave runs") }
      #expect(t.values("key")[501] == .string(key(501)))
    }
  }

  @Test func shapeSpellsNumbersBack() {
    for key in ["c0014101", "order-000123", "customer-0000012", "ab12345678901234"] {
      let bytes = Array(key.utf8)
      bytes.withUnsafeBufferPointer { b in
        guard let shape = KeyShape(shapedLike: b.baseAddress!, b.count) else {
          Issue.record("\(key) has no shape")
          return
        }
        let k = shape.number(b.baseAddress!, b.count)
        var out = [UInt8](repeating: 0, count: shape.length)
        out.withUnsafeMutableBufferPointer { shape.write(k, to: $0.baseAddress!) }
        #expect(String(decoding: out, as: UTF8.self) == key)
      }
    }
  }
}
