import TQStorage
import Testing

@testable import TQIO

@Suite("CSV reader: type inference")
struct TypeInferenceTests {
  /// The type and values of a one-column file holding `fields`.
  func column(_ fields: [String]) throws -> (DataType?, [Value]) {
    let t = try read("v\n" + fields.joined(separator: "\n") + "\n")
    return (t.type("v"), t.values("v"))
  }

  @Test func integers() throws {
    let (type, values) = try column(["1", "-2", "+3", "-0", "007", "9223372036854775807", "-9223372036854775808"])
    #expect(type == .int)
    #expect(values == [.int(1), .int(-2), .int(3), .int(0), .int(7), .int(.max), .int(.min)])
  }

  @Test func integerOverflowIsAFloat() throws {
    let (type, values) = try column(["1", "9223372036854775808"])
    #expect(type == .float)
    #expect(values == [.float(1), .float(9_223_372_036_854_775_808)])
  }

  @Test func floats() throws {
    let (type, values) = try column(["1.5", "-0.25", ".5", "5.", "1e3", "2E-3", "+1.0e+2", "3"])
    #expect(type == .float)
    #expect(values == [.float(1.5), .float(-0.25), .float(0.5), .float(5), .float(1000), .float(0.002), .float(100), .float(3)])
  }

  @Test func floatParsingIsCorrectlyRounded() {
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<20_000 {
      let digits = Int.random(in: 1...22, using: &rng)
      var text = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) })
      if Bool.random(using: &rng) {
        let dot = Int.random(in: 0...digits, using: &rng)
        text.insert(".", at: text.index(text.startIndex, offsetBy: dot))
      }
      if Bool.random(using: &rng) { text += "e\(Int.random(in: -330...310, using: &rng))" }
      let parsed = Array(text.utf8).withUnsafeBufferPointer { NumberParsing.double($0.baseAddress!, $0.count) }
      let expected = Double(text)
      if let expected, expected.isFinite {
        #expect(parsed?.bitPattern == expected.bitPattern, "\(text)")
      } else {
        #expect(parsed == nil, "\(text)")
      }
    }
  }

  @Test func notNumbers() throws {
    for field in ["1e309", "NaN", "inf", "-inf", "0x10", "1_000", "١٢٣", "1e", "-", ".", "1.2.3", " 1", "1 "] {
      let (type, values) = try column(["1", field])
      #expect(type == .string, "\(field)")
      #expect(values == [.string("1"), .string(field)])
    }
  }

  @Test func booleansIgnoreCaseButNotDigits() throws {
    #expect(try column(["true", "FALSE", "True"]) == (.bool, [.bool(true), .bool(false), .bool(true)]))
    #expect(try column(["0", "1"]).0 == .int)
    #expect(try column(["true", "yes"]).0 == .string)
    #expect(try column(["true", "1"]).1 == [.string("true"), .string("1")])
  }

  @Test func dates() throws {
    #expect(try column(["2024-03-05", "2024-02-29", "1970-01-01"]) == (.date, [.date(19_787), .date(19_782), .date(0)]))
    #expect(try column(["0000-01-01"]) == (.date, [.date(-719_528)]))
    #expect(try column(["2024-03-05", "2024-02-30"]) == (.string, [.string("2024-03-05"), .string("2024-02-30")]))
    #expect(try column(["2023-02-29"]).0 == .string)
    #expect(try column(["2024-13-01"]).0 == .string)
    #expect(try column(["2024-3-05"]).0 == .string)
  }

  @Test func timestamps() throws {
    let base: Int64 = 1_709_642_096_000_000
    let (type, values) = try column([
      "2024-03-05T12:34:56Z", "2024-03-05 12:34:56", "2024-03-05T12:34:56.25Z", "2024-03-05T14:34:56+02:00",
      "2024-03-05T12:34:56.000001Z", "2024-03-05T10:34:56-0200", "2024-03-05t12:34:56z",
    ])
    #expect(type == .timestamp)
    #expect(
      values == [
        .timestamp(base), .timestamp(base), .timestamp(base + 250_000), .timestamp(base), .timestamp(base + 1),
        .timestamp(base), .timestamp(base),
      ])
    for bad in ["2024-03-05T24:00:00Z", "2024-03-05T12:60:00Z", "2024-03-05T12:34Z", "2024-03-05T12:34:56+2", "2024-02-30T00:00:00Z"] {
      #expect(try column([bad]).0 == .string, "\(bad)")
    }
  }

  @Test func datesAndTimestampsWidenToTimestamps() throws {
    let (type, values) = try column(["2024-03-05", "2024-03-05T12:34:56Z"])
    #expect(type == .timestamp)
    let midnight: Int64 = 1_709_596_800_000_000
    let later: Int64 = 1_709_642_096_000_000
    #expect(values == [.timestamp(midnight), .timestamp(later)])
  }

  @Test func integersWidenToFloatsLate() throws {
    let fields = (0..<5_000).map(String.init) + ["2.5"]
    let (type, values) = try column(fields)
    #expect(type == .float)
    #expect(values[4_999] == .float(4_999) && values[5_000] == .float(2.5))
  }

  @Test func lateTextKeepsEarlierTextExactly() throws {
    let fields = ["+5", "007", "", "-0"] + (0..<10_000).map(String.init) + ["abc"]
    let (type, values) = try column(fields)
    #expect(type == .string)
    #expect(Array(values.prefix(5)) == [.string("+5"), .string("007"), .null, .string("-0"), .string("0")])
    #expect(values.last == .string("abc"))
  }

  @Test func quotedNumbersAreNumbers() throws {
    #expect(try read("a\n\"12\"\n").values("a") == [.int(12)])
  }

  @Test func allNullColumnIsString() throws {
    let t = try read("a,b\n,1\n,2\n")
    #expect(t.type("a") == .string)
    #expect(t.values("a") == [.null, .null])
  }

  @Test func whitespaceIsText() throws {
    #expect(try column(["  ", "\" a \""]) == (.string, [.string("  "), .string(" a ")]))
  }

  @Test func nullsInTypedColumns() throws {
    let t = try read("i,f,b,d\n1,,true,\n,2.5,,2024-01-01\n")
    #expect(t.values("i") == [.int(1), .null])
    #expect(t.values("f") == [.null, .float(2.5)])
    #expect(t.values("b") == [.bool(true), .null])
    #expect(t.values("d") == [.null, .date(19_723)])
    #expect(t.column("i")?.nullCount == 1)
  }

  @Test func dictionaryCodesUseTheNarrowestWidth() throws {
    let few = try read("s\n" + (0..<1_000).map { "v\($0 % 10)" }.joined(separator: "\n"))
    let many = try read("s\n" + (0..<1_000).map { "v\($0)" }.joined(separator: "\n"))
    let huge = try read("s\n" + (0..<70_000).map { "v\($0)" }.joined(separator: "\n"))
    guard case .string(let f) = few.columns[0].data, case .string(let m) = many.columns[0].data,
      case .string(let h) = huge.columns[0].data
    else {
      Issue.record("expected string columns")
      return
    }
    #expect(f.codes.bytes == f.codes.count && f.dictionary.count == 10)
    #expect(m.codes.bytes == 2 * m.codes.count && m.dictionary.count == 1_000)
    #expect(h.codes.bytes == 4 * h.codes.count && h[69_999] == "v69999" && h[300] == "v300")
  }
}
