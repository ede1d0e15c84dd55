import TQStorage
import Testing

@testable import TQIO

@Suite("CSV reader: large inputs cut into segments that two threads take in turn")
struct CSVSegmentTests {
  /// Reads `text` with segments of `segmentBytes`.
  static func read(_ text: String, segmentBytes: Int) throws(FileError) -> Table {
    let bytes = Array(text.utf8)
    let result = bytes.withUnsafeBufferPointer { b in
      Result { () throws(FileError) -> Table in
        try CSVReader.read(
          b.baseAddress!, count: b.count, path: "t.csv", delimiter: nil, segmentBytes: segmentBytes)
      }
    }
    return try result.get()
  }

  /// A table past the two-thread threshold, from `CSVSeparatorScanTests.table`.
  static func largeTable(seed: UInt64) -> (text: String, values: [[Value]]) {
    var (text, values) = CSVSeparatorScanTests.table(rows: 30_000, columns: 4, seed: seed)
    while text.utf8.count <= CSVReader.parallelThreshold {
      let more = CSVSeparatorScanTests.table(rows: 30_000, columns: 4, seed: seed &+ UInt64(text.utf8.count))
      text += more.text.drop { $0 != "\n" }.dropFirst()
      for c in 0..<4 { values[c] += more.values[c] }
    }
    return (text, values)
  }

  @Test(arguments: [64 << 10, 1 << 20, 3 << 20])
  func manySegmentsReadInFileOrder(segmentBytes: Int) throws {
    // Quoted fields hold newlines, so some cuts fall inside a field: the whole input is
    // then read again on one thread.
    let (text, values) = Self.largeTable(seed: 99)
    let t = try Self.read(text, segmentBytes: segmentBytes)
    #expect(t.rowCount == values[0].count)
    for c in 0..<4 { #expect(t.values("c\(c)") == values[c]) }
  }

  @Test func unquotedSegmentsKeepEveryColumnType() throws {
    var s = "id,n,x,flag,when\n"
    let rows = 250_000
    for r in 0..<rows {
      let late = r == rows - 7 ? "late" : "\(r % 97)"  // a column that turns to text at the end
      s += "user\(String(1_000_000 + r % 50_000).dropFirst()),\(r),\(late),\(r % 3 == 0 ? "" : "true"),2024-0\(1 + r % 9)-1\(r % 10)T0\(r % 10):00:00Z\n"
    }
    #expect(s.utf8.count > CSVReader.parallelThreshold)
    let t = try Self.read(s, segmentBytes: 256 << 10)
    #expect(t.rowCount == rows)
    #expect(t.type("n") == .int && t.type("x") == .string && t.type("flag") == .bool && t.type("when") == .timestamp)
    let n = t.values("n")
    #expect(n == (0..<rows).map { .int(Int64($0)) })
    let x = t.values("x")
    #expect(x[rows - 7] == .string("late") && x[rows - 8] == .string("\((rows - 8) % 97)") && x[5] == .string("5"))
    let flags = t.values("flag")
    #expect(flags[0] == .null && flags[1] == .bool(true) && flags[rows - 1] == (((rows - 1) % 3 == 0) ? .null : .bool(true)))
    #expect(t.values("id")[rows - 1] == .string("user" + String(1_000_000 + (rows - 1) % 50_000).dropFirst()))
  }

  @Test func errorInALateSegmentNamesItsLine() {
    var s = "a,b\n"
    let rows = 600_000
    for r in 0..<rows { s += "\(r),xyzwvu\(r % 10)\n" }
    s += "1,2,3\n"
    #expect(s.utf8.count > CSVReader.parallelThreshold)
    #expect(throws: CSVErrors.ragged("t.csv", line: rows + 2, expected: 2, found: 3)) {
      try Self.read(s, segmentBytes: 128 << 10)
    }
  }
}
