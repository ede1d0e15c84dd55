import TQStorage
import Testing

@testable import TQIO

@Suite("CSV reader: UTF-8 checked ahead of the tokeniser")
struct CSVValidationTests {
  /// `rows` records `i,name_i` after a header, as bytes.
  static func records(_ rows: Int) -> [UInt8] {
    var s = "id,name\n"
    for i in 0..<rows { s += "\(i),name_\(i)\n" }
    return Array(s.utf8)
  }

  @Test func badByteFarPastTheFirstWindowNamesItsRecord() {
    let rows = 60_000
    let head = Self.records(rows)
    #expect(head.count > 2 * ValidationFrontier.window)
    #expect(readError(bytes: head + Array("x,ab".utf8) + [0xFF] + Array("\n1,2\n".utf8))?.withoutHint
      == fileError(rows + 2, 2, "invalid UTF-8 in field"))
    #expect(readError(bytes: head + Array("x,ab".utf8) + [0] + Array("\n".utf8)) == fileError(rows + 2, 2, "NUL byte in field"))
  }

  @Test func badByteInTheSecondHalfOfALargeInput() {
    let rows = 400_000
    var bytes = Array(CSVParallelTests.bigCSV(rows: rows, lateText: false).utf8)
    #expect(bytes.count > CSVReader.parallelThreshold)
    var k = bytes.count - 30
    while bytes[k] == UInt8(ascii: ",") || bytes[k] == 0x0A { k -= 1 }
    bytes[k] = 0xC3  // a lead byte followed by ASCII
    let line = bytes[..<k].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    let field = bytes[..<k].reversed().prefix { $0 != 0x0A }.reduce(1) { $0 + ($1 == UInt8(ascii: ",") ? 1 : 0) }
    #expect(readError(bytes: bytes)?.withoutHint == fileError(line, field, "invalid UTF-8 in field"))
  }

  @Test func recordLongerThanTheWindowIsCheckedToItsEnd() {
    let long = [UInt8](repeating: UInt8(ascii: "a"), count: 3 * ValidationFrontier.window)
    let bytes = Array("a,b\n1,\"".utf8) + long + [0xFF] + Array("\"\n2,3\n".utf8)
    #expect(readError(bytes: bytes)?.withoutHint == fileError(2, 2, "invalid UTF-8 in field"))
    let fine = Array("a,b\n1,\"".utf8) + long + Array("\"\n2,3\n".utf8)
    #expect((try? read(bytes: fine))?.rowCount == 2)
  }

  @Test func multibyteTextAcrossWindowEdgesReads() throws {
    // Two- and three-byte characters, so that some window edge falls inside a character.
    var s = "k,v\n"
    for i in 0..<40_000 { s += "\(i),café ünï 日本 \(i % 13)\n" }
    let t = try read(s)
    #expect(t.rowCount == 40_000)
    #expect(t.values("v")[39_999] == .string("café ünï 日本 \(39_999 % 13)"))
  }

  @Test func asciiFastPathFindsEachPosition() {
    // A bad byte at every offset of a 40-byte run: the 32-byte step must not skip it.
    for k in 0..<40 {
      var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 40)
      bytes[k] = 0x80
      #expect(UTF8Validation.firstProblem(bytes, bytes.count, rejectNUL: true)?.offset == k)
      bytes[k] = 0
      #expect(UTF8Validation.firstProblem(bytes, bytes.count, rejectNUL: true)?.offset == k)
      #expect(UTF8Validation.firstProblem(bytes, bytes.count, rejectNUL: false) == nil)
    }
  }
}
