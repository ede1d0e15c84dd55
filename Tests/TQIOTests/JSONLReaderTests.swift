import TQStorage
import Testing

@testable import TQIO

@Suite("JSON Lines reader")
struct JSONLReaderTests {
  func readJSON(_ text: String, path: String = "t.jsonl") throws -> Table { try read(text, path: path) }

  func jsonError(_ text: String, path: String = "t.jsonl") -> FileError? { readError(text, path: path) }

  @Test func readsObjectsPerLine() throws {
    let t = try readJSON("{\"a\":1,\"b\":\"x\",\"c\":true}\n{\"a\":2,\"b\":null,\"c\":false}\n")
    #expect(t.columnNames == ["a", "b", "c"])
    #expect(t.values("a") == [.int(1), .int(2)])
    #expect(t.values("b") == [.string("x"), .null])
    #expect(t.values("c") == [.bool(true), .bool(false)])
  }

  @Test func keysThatDisagreeAreUnioned() throws {
    let t = try readJSON("{\"a\":1}\n{\"a\":\"x\",\"b\":[1, 2]}\n{\"c\":2.5}\n")
    #expect(t.columnNames == ["a", "b", "c"])
    #expect(t.values("a") == [.string("1"), .string("x"), .null])
    #expect(t.values("b") == [.null, .string("[1, 2]"), .null])
    #expect(t.values("c") == [.null, .null, .float(2.5)])
  }

  @Test func mixedNumbersWidenToFloat() throws {
    let t = try readJSON("{\"v\":1}\n{\"v\":2.5}\n{\"v\":-3e2}\n")
    #expect(t.type("v") == .float)
    #expect(t.values("v") == [.float(1), .float(2.5), .float(-300)])
  }

  @Test func stringsHoldingTimesBecomeTimes() throws {
    let t = try readJSON("{\"d\":\"2024-03-05\",\"t\":\"2024-03-05T12:34:56Z\",\"s\":\"123\"}\n")
    #expect(t.values("d") == [.date(19_787)])
    #expect(t.values("t") == [.timestamp(1_709_642_096_000_000)])
    #expect(t.values("s") == [.string("123")])
  }

  @Test func duplicateKeyLastWins() throws {
    #expect(try readJSON("{\"a\":1,\"a\":2}\n").values("a") == [.int(2)])
  }

  @Test func escapesAreDecoded() throws {
    let t = try readJSON(#"{"s":"a\"b\\c\/\u00e9\ud83d\ude00\n\t"}"# + "\n")
    #expect(t.values("s") == [.string("a\"b\\c/é😀\n\t")])
  }

  @Test func nestedValuesAreTheirJSONText() throws {
    let t = try readJSON(#"{"o":{"k":[1,{"x":null}],"e":{}},"n":1}"# + "\n")
    #expect(t.values("o") == [.string(#"{"k":[1,{"x":null}],"e":{}}"#)])
  }

  @Test func veryDeepNestingUsesNoStack() throws {
    let depth = 100_000
    let deep = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    let t = try readJSON("{\"a\":\(deep)}\n")
    #expect(t.values("a") == [.string(deep)])
    #expect(jsonError("{\"a\":" + String(repeating: "[", count: depth) + "}\n")?.message.hasPrefix("invalid JSON") == true)
  }

  @Test func arrayOfObjects() throws {
    let t = try read("[\n{\"a\":1},\n{\"a\":2}\n]\n", path: "t.json")
    #expect(t.values("a") == [.int(1), .int(2)])
    #expect(try read("[]", path: "t.json").rowCount == 0)
  }

  @Test func detectedByContent() throws {
    #expect(try read("{\"a\":1}\n", path: "data.txt").values("a") == [.int(1)])
    #expect(try read("\u{FEFF}{\"a\":1}\n", path: "data").values("a") == [.int(1)])
  }

  @Test func blankLinesAndEmptyObjects() throws {
    let t = try readJSON("\n{\"a\":1}\n\n{}\r\n")
    #expect(t.rowCount == 2)
    #expect(t.values("a") == [.int(1), .null])
  }

  @Test func errors() {
    #expect(jsonError("{\"a\":1}{\"b\":2}\n")?.line == 1)
    #expect(jsonError("{\"a\":1}{\"b\":2}\n")?.field == 8)
    #expect(
      jsonError("{\"a\":1}\n{\"a\":")
        == FileError(path: "t.jsonl", line: 2, field: 6, message: "invalid JSON: unexpected end of input"))
    #expect(jsonError("{\"a\":1}\n5\n") == FileError(path: "t.jsonl", line: 2, field: 1, message: "expected a JSON object"))
    #expect(jsonError("[1]", path: "t.json") == FileError(path: "t.json", line: 1, field: 2, message: "expected a JSON object"))
    #expect(jsonError("{\"a\" 1}\n") == FileError(path: "t.jsonl", line: 1, field: 6, message: "invalid JSON: expected ':' after a key"))
    #expect(jsonError("{\"a\":tru}\n")?.message == "invalid JSON: unexpected character")
    #expect(jsonError("{\"a\":01}\n")?.message == "invalid JSON: expected ',' or '}'")
    #expect(jsonError("{\"a\":\"x\ty\"}\n")?.message == "invalid JSON: control character in string")
    #expect(jsonError("{\"a\":\"\\q\"}\n")?.message == "invalid JSON: invalid escape in string")
    #expect(jsonError("{\"a\":\"\\ud800\"}\n")?.message == "invalid JSON: unpaired surrogate in \\u escape")
    #expect(jsonError("{a:1}\n")?.message == "invalid JSON: expected a string key")
    #expect(jsonError("") == FileError(path: "t.jsonl", line: 0, field: 0, message: "file is empty: expected a JSON object"))
    #expect(jsonError(" \n\n") == FileError(path: "t.jsonl", line: 0, field: 0, message: "file is empty: expected a JSON object"))
  }

  @Test func invalidUTF8() {
    let bytes: [UInt8] = Array("{\"a\":1}\n{\"a\":\"".utf8) + [0xE9] + Array("\"}\n".utf8)
    #expect(readError(bytes: bytes, path: "t.jsonl")?.withoutHint == FileError(path: "t.jsonl", line: 2, field: 7, message: "invalid UTF-8"))
  }
}
