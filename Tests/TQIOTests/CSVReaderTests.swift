import TQStorage
import Testing

@testable import TQIO

@Suite("CSV reader: structure")
struct CSVStructureTests {
  @Test func readsHeaderAndTypedColumns() throws {
    let t = try read("a,b,c\n1,x,2.5\n2,y,3\n")
    #expect(t.columnNames == ["a", "b", "c"])
    #expect(t.rowCount == 2)
    #expect(t.values("a") == [.int(1), .int(2)])
    #expect(t.values("b") == [.string("x"), .string("y")])
    #expect(t.values("c") == [.float(2.5), .float(3)])
    #expect(t.kind == .touches && t.roles.isEmpty)
  }

  @Test func integerColumnsAreStoredNarrow() throws {
    let t = try read("flag,qty,big\n0,300,5000000000\n1,-3,-3\n,7,1\n")
    guard case .int(let flag) = t.column("flag")!.data, case .int(let qty) = t.column("qty")!.data,
      case .int(let big) = t.column("big")!.data
    else { throw Unexpected() }
    #expect(flag.width == 1 && qty == .i16([300, -3, 7]) && big == .i64([5_000_000_000, -3, 1]))
    #expect(t.values("flag") == [.int(0), .int(1), .null])
  }

  @Test func quotedFieldsFollowRFC4180() throws {
    let t = try read("name,note\n\"Smith, J\",\"He said \"\"hi\"\"\"\n\"multi\nline\",\"\"\"\"\n\"a\"\"\",b\n")
    #expect(t.values("name") == [.string("Smith, J"), .string("multi\nline"), .string("a\"")])
    #expect(t.values("note") == [.string("He said \"hi\""), .string("\""), .string("b")])
  }

  @Test func quotedEmptyIsEmptyStringAndUnquotedEmptyIsNull() throws {
    let t = try read("a,b\n\"\",1\n,2\n")
    #expect(t.values("a") == [.string(""), .null])
    #expect(t.type("a") == .string)
  }

  @Test func crlfLineEndingsAndQuotedCRLF() throws {
    let t = try read("a,b\r\n1,2\r\n3,\"x\r\ny\"\r\n")
    #expect(t.values("a") == [.int(1), .int(3)])
    #expect(t.values("b") == [.string("2"), .string("x\r\ny")])
  }

  @Test func mixedLineEndingsAndBareCR() throws {
    #expect(try read("a,b\n1,2\r\n3,4\n").values("b") == [.int(2), .int(4)])
    let mac = try read("a,b\r1,2\r3,4\r")
    #expect(mac.rowCount == 2)
    #expect(mac.values("b") == [.int(2), .int(4)])
  }

  @Test func byteOrderMarkIsSkipped() throws {
    let t = try read("\u{FEFF}id,v\n1,2\n")
    #expect(t.columnNames == ["id", "v"])
    #expect(t.values("id") == [.int(1)])
  }

  @Test func blankAndDuplicateHeaderNames() throws {
    let t = try read("a,,a,c,a\n1,2,3,4,5\n")
    #expect(t.columnNames == ["a", "column_2", "a_2", "c", "a_3"])
  }

  @Test func headerOnlyGivesZeroRowsOfStrings() throws {
    for text in ["a,b\n", "a,b"] {
      let t = try read(text)
      #expect(t.rowCount == 0)
      #expect(t.columns.map(\.type) == [.string, .string])
    }
  }

  @Test func lastRecordWithoutNewline() throws {
    #expect(try read("a\n1\n2").values("a") == [.int(1), .int(2)])
  }

  @Test func blankLinesAreSkippedBetweenRecordsButCountAsLines() throws {
    #expect(try read("a,b\n1,2\n\n3,4\n\n").rowCount == 2)
    #expect(readError("a,b\n1,2\n\n3\n") == fileError(4, 1, "expected 2 fields, found 1"))
  }

  @Test func emptyLineInOneColumnFileIsNull() throws {
    #expect(try read("a\n1\n\n2\n").values("a") == [.int(1), .null, .int(2)])
  }

  @Test func delimiterIsSniffedFromHeader() throws {
    #expect(try read("a;b\n1;2\n").columnNames == ["a", "b"])
    #expect(try read("a|b|c\n1|2|3\n").columnNames == ["a", "b", "c"])
    #expect(try read("a\tb\n1\t2\n").columnNames == ["a", "b"])
    #expect(readError("x\n1,5\n") == fileError(2, 1, "expected 1 field, found 2"))
  }

  @Test func tsvExtensionForcesTabs() throws {
    let t = try read("a,b\tc\n1,2\t3\n", path: "t.tsv")
    #expect(t.columnNames == ["a,b", "c"])
    #expect(try read("a,b\tc\n", path: "t.csv", format: .tsv).columnNames == ["a,b", "c"])
  }

  @Test func trailingDelimiterMakesAnEmptyLastColumn() throws {
    let t = try read("a,b,\n1,2,\n")
    #expect(t.columnNames == ["a", "b", "column_3"])
    #expect(t.values("column_3") == [.null])
  }

  @Test func quoteInsideUnquotedFieldIsData() throws {
    #expect(try read("a,b\nab\"c,d\n").values("a") == [.string("ab\"c")])
  }

  @Test func quotedFieldSpanningManyLinesKeepsLineNumbers() throws {
    let body = String(repeating: "x\n", count: 10_000)
    let t = try read("a,b\n\"\(body)\",1\n2,2\n")
    #expect(t.rowCount == 2)
    #expect(readError("a,b\n\"\(body)\",1\n2\n") == fileError(10_003, 1, "expected 2 fields, found 1"))
  }

  @Test func aLargeSingleField() throws {
    let big = String(repeating: "y", count: 1 << 20)
    let t = try read("a\n\(big)")
    #expect(t.values("a") == [.string(big)])
  }

  @Test func manyColumns() throws {
    let n = 20_000
    let header = (0..<n).map { "c\($0)" }.joined(separator: ",")
    let row = (0..<n).map(String.init).joined(separator: ",")
    let t = try read(header + "\n" + row + "\n")
    #expect(t.columns.count == n)
    #expect(t.values("c19999") == [.int(19_999)])
  }
}

@Suite("CSV reader: errors")
struct CSVErrorTests {
  @Test func raggedRows() {
    #expect(readError("a,b,c\n1,2,3\n1,2\n") == fileError(3, 1, "expected 3 fields, found 2"))
    #expect(readError("a,b\n1,2,3,4\n") == fileError(2, 1, "expected 2 fields, found 4"))
    #expect(readError("a,b\n1,2\n3,4,\n") == fileError(3, 1, "expected 2 fields, found 3"))
  }

  @Test func unterminatedQuote() {
    #expect(readError("a,b\n1,\"bc\n") == fileError(2, 1, "unterminated quoted field"))
    #expect(readError("a,b\n1,2\n3,\"x\n\n\n") == fileError(3, 1, "unterminated quoted field"))
    #expect(readError("\"a,b\n1,2\n") == fileError(1, 1, "unterminated quoted field"))
    #expect(readError("a\n\"") == fileError(2, 1, "unterminated quoted field"))
  }

  @Test func garbageAfterClosingQuote() {
    #expect(readError("a,b\n1,\"ab\"c\n")?.withoutHint == fileError(2, 2, "unexpected character after closing quote"))
    #expect(readError("\"ab\"c,d\n")?.withoutHint == fileError(1, 1, "unexpected character after closing quote"))
  }

  @Test func invalidUTF8NamesLineAndField() {
    let latin1: [UInt8] = Array("a,b\n1,2\n3,caf".utf8) + [0xE9] + Array("\n".utf8)
    #expect(readError(bytes: latin1)?.withoutHint == fileError(3, 2, "invalid UTF-8 in field"))
    #expect(readError(bytes: latin1)?.hint != nil)
    for bad: [UInt8] in [[0xC3, 0x28], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]] {
      #expect(readError(bytes: Array("a,b\nx,".utf8) + bad + [0x0A])?.withoutHint == fileError(2, 2, "invalid UTF-8 in field"))
    }
    #expect(readError(bytes: Array("a,".utf8) + [0xFF] + Array("\n1,2\n".utf8))?.withoutHint
      == fileError(1, 2, "invalid UTF-8 in field"))
    #expect(readError(bytes: Array("a\nx".utf8) + [0xC3])?.withoutHint == fileError(2, 1, "invalid UTF-8 in field"))
    #expect(readError(bytes: [0xFF, 0xFE, 0x61, 0x00])?.withoutHint == fileError(1, 1, "invalid UTF-8 in field"))
    let quoted: [UInt8] = Array("a,b\n1,\"x\ny".utf8) + [0xFF] + Array("\",3\n".utf8)
    #expect(readError(bytes: quoted)?.withoutHint == fileError(2, 2, "invalid UTF-8 in field"))
  }

  @Test func validMultibyteTextReads() throws {
    let t = try read("name,x\ncafé,1\n日本,2\n😀\u{200D}\u{202E},3\n")
    #expect(t.values("name") == [.string("café"), .string("日本"), .string("😀\u{200D}\u{202E}")])
  }

  @Test func earlierStructuralErrorWinsOverLaterBadByte() {
    let bytes: [UInt8] = Array("a,b\n1\n".utf8) + [0xFF] + Array(",2\n".utf8)
    #expect(readError(bytes: bytes) == fileError(2, 1, "expected 2 fields, found 1"))
  }

  @Test func nulBytes() {
    #expect(readError(bytes: Array("a,b\n1,x".utf8) + [0] + Array("y\n".utf8)) == fileError(2, 2, "NUL byte in field"))
    #expect(readError(bytes: Array("a,b\n\"".utf8) + [0] + Array("\",1\n".utf8)) == fileError(2, 1, "NUL byte in field"))
  }

  @Test func emptyFiles() {
    let empty = fileError(0, 0, "file is empty: expected a header row")
    #expect(readError(bytes: []) == empty)
    #expect(readError("\n") == empty)
    #expect(readError("\r\n\n") == empty)
    #expect(readError(bytes: [0xEF, 0xBB, 0xBF]) == empty)
  }

  @Test func missingFileAndDirectory() {
    #expect(throws: FileError(path: "/nonexistent/x.csv", line: 0, field: 0, message: "cannot open file: No such file or directory")) {
      try TableReader.read(path: "/nonexistent/x.csv")
    }
    let dir = makeTempDirectory()
    defer { removeTree(dir) }
    #expect(throws: FileError(path: dir, line: 0, field: 0, message: "is a directory, not a file")) {
      try TableReader.read(path: dir)
    }
  }

  @Test func streamsAreReadWithoutMapping() {
    #expect(throws: FileError(path: "/dev/null", line: 0, field: 0, message: "file is empty: expected a header row")) {
      try TableReader.read(path: "/dev/null", format: .csv)
    }
  }

  @Test func readsAFileFromDisk() throws {
    let dir = makeTempDirectory()
    defer { removeTree(dir) }
    writeFile("\(dir)/t.csv", "a,b\n1,x\n")
    let t = try TableReader.read(path: "\(dir)/t.csv")
    #expect(t.values("b") == [.string("x")])
  }

  @Test func largeFileRereadsDroppedPagesForLateText() throws {
    // Past 40 MB on disk, so both halves drop parsed pages of the mapping; a column that
    // turns to text in each half's last rows must re-read its earlier numbers from the file.
    let rows = 1_000_000
    var s = "id,v,pad\n"
    s.reserveCapacity(48 * rows)
    let pad = String(repeating: "p", count: 28)
    let mid = rows / 2 - 1_001
    for r in 0..<rows { s += "\(r),\(r == mid ? "mid" : r == rows - 1 ? "end" : String(r)),\(pad)\n" }
    #expect(s.utf8.count > 40 << 20)
    let dir = makeTempDirectory()
    defer { removeTree(dir) }
    writeFile("\(dir)/big.csv", s)
    let t = try TableReader.read(path: "\(dir)/big.csv")
    let v = t.values("v")
    #expect(t.type("v") == .string)
    #expect(v.count == rows)
    for r in [0, 1, 12_345, mid - 1, mid + 1, rows / 2 + 1, rows - 2] { #expect(v[r] == .string(String(r))) }
    #expect(v[mid] == .string("mid"))
    #expect(v[rows - 1] == .string("end"))
  }

  @Test func markdownCannotBeRead() {
    #expect(readError("| a |\n", path: "t.md", format: .markdown)?.message == "cannot read markdown tables")
  }
}

@Suite("CSV reader: two-thread path")
struct CSVParallelTests {
  /// About 9 MB of records: big enough to split, no quotes.
  static func bigCSV(rows: Int, lateText: Bool) -> String {
    var s = "id,name,score,k\n"
    s.reserveCapacity(rows * 24)
    for i in 0..<rows {
      let k = lateText && i == rows - 3 ? "n/a" : (i % 3 == 0 ? "" : "00\(i % 10)")
      s += "\(i),name_\(i % 500),\(Double(i) / 4),\(k)\n"
    }
    return s
  }

  @Test func largeInputMatchesExpectations() throws {
    let rows = 400_000
    let text = Self.bigCSV(rows: rows, lateText: true)
    #expect(text.utf8.count > CSVReader.parallelThreshold)
    let t = try read(text)
    #expect(t.rowCount == rows)
    let id = t.values("id")
    #expect(id.first == .int(0) && id.last == .int(Int64(rows - 1)))
    #expect(t.type("score") == .float)
    #expect(t.values("score")[rows - 1] == .float(Double(rows - 1) / 4))
    #expect(t.type("name") == .string)
    #expect(t.values("name")[rows - 2] == .string("name_\((rows - 2) % 500)"))
    // k was int until near the end: it becomes text with every earlier value's exact text.
    let k = t.values("k")
    #expect(t.type("k") == .string)
    #expect(k[0] == .null && k[1] == .string("001") && k[rows - 3] == .string("n/a") && k[rows - 2] == .string("008"))
    #expect(k[rows / 2 + 1] == ((rows / 2 + 1) % 3 == 0 ? .null : .string("00\((rows / 2 + 1) % 10)")))
  }

  @Test func quotedNewlinesAcrossTheSplitFallBackToOneThread() throws {
    // Most bytes of each record come before its quoted newline, so the newline after the
    // middle is almost surely inside quotes; the result must match a sequential read.
    let rows = 120_000
    let pad = String(repeating: "x", count: 60)
    var text = "id,note\n"
    for i in 0..<rows { text += "\(i),\"\(pad) \(i)\nnext, \"\"q\"\"\"\n" }
    #expect(text.utf8.count > CSVReader.parallelThreshold)
    let t = try read(text)
    #expect(t.rowCount == rows)
    #expect(t.values("note")[rows / 2] == .string("\(pad) \(rows / 2)\nnext, \"q\""))
    #expect(t.values("id").last == .int(Int64(rows - 1)))
    #expect(readError(text + "1\n") == fileError(2 * rows + 2, 1, "expected 2 fields, found 1"))
  }

  @Test func quotedFieldsWithoutNewlinesStillSplit() throws {
    let rows = 450_000
    var text = "id,note\n"
    for i in 0..<rows { text += "\(i),\"a, \"\"b\"\" \(i % 7)\"\n" }
    #expect(text.utf8.count > CSVReader.parallelThreshold)
    let t = try read(text)
    #expect(t.rowCount == rows)
    #expect(t.values("note")[rows - 1] == .string("a, \"b\" \((rows - 1) % 7)"))
  }

  @Test func errorInSecondHalfHasAbsoluteLine() {
    let rows = 400_000
    var text = Self.bigCSV(rows: rows, lateText: false)
    text += "1,2\n"
    #expect(readError(text) == fileError(rows + 2, 1, "expected 4 fields, found 2"))
  }
}
