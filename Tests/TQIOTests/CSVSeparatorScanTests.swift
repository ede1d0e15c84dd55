import TQStorage
import Testing

@testable import TQIO

@Suite("CSV reader: records cut at the separator masks agree with field-by-field reading")
struct CSVSeparatorScanTests {
  /// A deterministic generator (SplitMix64), so that a failure repeats.
  struct Rng {
    var state: UInt64
    mutating func next(_ n: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D4_9BB1_3311_11EB
      return Int((z ^ (z >> 31)) % UInt64(n))
    }
  }

  /// A random text cell: empty, short, long (past a 64-byte block), or needing quotes.
  static func cell(_ rng: inout Rng) -> (text: String, written: String) {
    let alphabet = Array("abcxyz0123456789_-é")
    func word(_ n: Int, _ rng: inout Rng) -> String { String((0..<n).map { _ in alphabet[rng.next(alphabet.count)] }) }
    switch rng.next(10) {
    case 0: return ("", "\"\"")
    case 1:
      let w = word(1 + rng.next(6), &rng)
      let t = w + [",", "\"", "\n", "\r\n"][rng.next(4)] + word(rng.next(4), &rng)
      return (t, "\"" + String(t.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }) + "\"")
    case 2:
      let w = word(60 + rng.next(90), &rng)
      return (w, w)
    case 3:
      let w = word(rng.next(5), &rng)
      return (w, "\"" + w + "\"")
    case 4: return ("", "")
    default:
      let w = word(1 + rng.next(17), &rng)
      return (w, w)
    }
  }

  /// Random records of `columns` text fields with mixed line ends and blank lines (which
  /// only a file of one column reads as records, so it has none); the file text and each
  /// column's expected values.
  static func table(rows: Int, columns: Int, seed: UInt64) -> (text: String, values: [[Value]]) {
    var rng = Rng(state: seed)
    var text = (0..<columns).map { "c\($0)" }.joined(separator: ",") + "\n"
    var values = [[Value]](repeating: [], count: columns)
    for _ in 0..<rows {
      if columns > 1 && rng.next(40) == 0 { text += rng.next(2) == 0 ? "\n" : "\r\n" }
      var fields: [String] = []
      for c in 0..<columns {
        let (t, w) = cell(&rng)
        fields.append(w)
        values[c].append(w.isEmpty ? .null : .string(t))
      }
      text += fields.joined(separator: ",") + (rng.next(5) == 0 ? "\r\n" : "\n")
    }
    return (text, values)
  }

  @Test(arguments: [(1, 7 as UInt64), (2, 8), (3, 9), (16, 10), (5, 11)])
  func randomTablesReadAsWritten(columns: Int, seed: UInt64) throws {
    let (text, values) = Self.table(rows: 3_000, columns: columns, seed: seed)
    let t = try read(text)
    #expect(t.rowCount == 3_000)
    for c in 0..<columns {
      let got = t.values("c\(c)")
      let firstDifference = (0..<min(got.count, values[c].count)).first { got[$0] != values[c][$0] }
      #expect(got == values[c], "column c\(c), first difference at row \(firstDifference ?? -1)")
    }
  }

  @Test func largeRandomTableReadOnTwoThreads() throws {
    var (text, values) = Self.table(rows: 60_000, columns: 4, seed: 42)
    while text.utf8.count <= CSVReader.parallelThreshold {
      let more = Self.table(rows: 60_000, columns: 4, seed: UInt64(text.utf8.count))
      text += more.text.drop { $0 != "\n" }.dropFirst()
      for c in 0..<4 { values[c] += more.values[c] }
    }
    let t = try read(text)
    #expect(t.rowCount == values[0].count)
    for c in 0..<4 { #expect(t.values("c\(c)") == values[c]) }
  }

  @Test func raggedRecordAmongPlainOnesNamesItsLine() {
    var s = "a,b,c\n"
    for i in 0..<5_000 { s += "\(i),x\(i),y\n" }
    s += "7,8\n1,2,3\n"
    #expect(readError(s) == CSVErrors.ragged("t.csv", line: 5_002, expected: 3, found: 2))
    var long = "a,b\n"
    for i in 0..<5_000 { long += "\(i),x\n" }
    long += "1,2,3,4\n"
    #expect(readError(long) == CSVErrors.ragged("t.csv", line: 5_002, expected: 2, found: 4))
  }

  @Test func stringCodesWidenInsideOneBatch() throws {
    // 70,000 distinct keys cross the 1- and 2-byte code widths within batches; the ids
    // are identifier-shaped (dense index), the names are not.
    var s = "id,name,n\n"
    for i in 0..<70_000 { s += "user\(String(100_000 + i).dropFirst()),name\(i % 69_999)x,\(i)\n" }
    let t = try read(s)
    let ids = t.values("id")
    let names = t.values("name")
    #expect(ids.count == 70_000)
    for i in [0, 255, 256, 257, 1_000, 65_535, 65_536, 65_537, 69_999] {
      #expect(ids[i] == .string("user" + String(100_000 + i).dropFirst()))
      #expect(names[i] == .string("name\(i % 69_999)x"))
    }
    #expect(Set(ids).count == 70_000)
    #expect(Set(names).count == 69_999)
  }
}
