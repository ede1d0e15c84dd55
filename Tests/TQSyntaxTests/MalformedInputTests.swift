import Testing

@testable import TQSyntax

/// The query-language inputs of RELIABILITY.md §3.4 (1–38), in tq's grammar.
///
/// `error` names the first diagnostic expected; `nil` means the input is valid tq (some
/// cases, such as an unknown column or a division by zero, are the executor's to reject).
struct MalformedCase: CustomTestStringConvertible, Sendable {
  let number: Int
  let text: String
  let error: String?

  var testDescription: String { "\(number): \(text.prefix(40).debugDescription)" }

  static let all: [MalformedCase] = [
    .init(number: 1, text: "\n", error: nil),
    .init(number: 2, text: "  \t \t ", error: nil),
    .init(number: 3, text: "|", error: #"unexpected "|" at the start of a statement: a pipeline starts with a table name or a verb"#),
    .init(number: 4, text: "||||", error: #"unexpected "|" at the start of a statement: a pipeline starts with a table name or a verb"#),
    .init(number: 5, text: "shop |", error: #"expected a verb after "|""#),
    .init(number: 6, text: "| where x > 1", error: #"unexpected "|" at the start of a statement: a pipeline starts with a table name or a verb"#),
    .init(number: 7, text: #"load "f.csv"#, error: "unterminated string"),
    .init(number: 8, text: #"load "abc\"#, error: "unterminated string"),
    .init(number: 9, text: #"shop | where x == "\n \t \" \\ \u{1F600} \u{D800} \u{110000} \x""#, error: "invalid unicode scalar"),
    .init(number: 12, text: "shop | where " + String(repeating: "(", count: 100_000) + "x" + String(repeating: ")", count: 100_000),
          error: "expression nested too deeply"),
    .init(number: 14, text: "shop | where (a > 1", error: #"missing ")""#),
    .init(number: 15, text: "shop | where a > 1)", error: #"unexpected ")""#),
    .init(number: 16, text: "shop | where", error: #"expected an expression after "where""#),
    .init(number: 17, text: "shop | take -1", error: "take needs a count of 0 or more"),
    .init(number: 18, text: "shop | take 99999999999999999999999", error: "integer literal is too large"),
    .init(number: 19, text: "shop | take 1.5", error: "take needs a whole number"),
    .init(number: 20, text: "shop | take 0", error: nil),
    .init(number: 21, text: "shop | select a = 9223372036854775807 + 1, b = -9223372036854775808 / -1", error: nil),
    .init(number: 22, text: "shop | select a = x / 0, b = x % 0", error: nil),
    .init(number: 23, text: "shop | where x > 1e999", error: "float literal is too large"),
    .init(number: 24, text: "shop | where x == 0x", error: #"invalid number "0x""#),
    .init(number: 25, text: "shop | take 1..2", error: #"unexpected ".""#),
    .init(number: 26, text: "shop | where x > .5.", error: #"unexpected ".""#),
    .init(number: 27, text: "shop | select nosuch", error: nil),
    .init(number: 28, text: "shop | frobnicate", error: #"unknown verb "frobnicate""#),
    .init(number: 29, text: "shop | select from, select, where", error: nil),
    .init(number: 30, text: "shop | select \"a\\\"b\u{0}c\"", error: nil),
    .init(number: 31, text: "shop | select é, naïve", error: nil),
    .init(number: 31, text: "shop | ｓｅｌｅｃｔ a", error: #"unknown verb "ｓｅｌｅｃｔ""#),
    .init(number: 31, text: "shop | ѕelect a", error: #"unknown verb "ѕelect""#),
    .init(number: 31, text: "shop | select \u{202E}a", error: #"unexpected character "\u{202E}""#),
    .init(number: 32, text: "shop | where x == " + String(decoding: [0xC3, 0x28, 0x80, 0xC0, 0xAF] as [UInt8], as: UTF8.self),
          error: "unexpected character \"\u{FFFD}\""),
    .init(number: 33, text: "shop | wh\u{0}ere x > 1", error: #"unexpected character "\u{0}""#),
    .init(number: 34, text: "shop |\r\n  where x >\r 1 |\r\n  whre", error: #"unknown verb "whre""#),
    .init(number: 35, text: "shop |\t\twhre x", error: #"unknown verb "whre""#),
    .init(number: 36, text: "shop | where x ==", error: #"expected an expression after "==""#),
    .init(number: 37, text: "load \"shop.csv\" as shop\nshop\n  | where (revenue > 0 and\n  | take 5",
          error: #"expected an expression after "and""#),
    .init(number: 38, text: "shop # a comment with no newline", error: nil),
  ]
}

@Suite("Malformed inputs (RELIABILITY §3.4)")
struct MalformedInputTests {
  @Test(arguments: MalformedCase.all)
  func malformed(_ c: MalformedCase) {
    let (script, d) = parse(c.text)
    expectInBounds(c.text, d)
    if let error = c.error {
      #expect(d.first?.message == error, "\(d.map(\.message))")
    } else {
      #expect(d.isEmpty, "\(d.map(\.message))")
      #expect(script.statements.count == (c.text.allSatisfy(\.isWhitespace) ? 0 : 1))
    }
  }

  @Test func errorAtTheLastByteHasColumnLengthPlusOne() {
    let text = "shop | where x =="
    let (_, d) = parse(text)
    let (line, column) = SourceFile(name: "t", text: text).location(of: d.first.flatMap(range)?.start ?? 0)
    #expect(line == 1 && column == text.count + 1)
  }

  @Test func errorOnLineThree() {
    let (_, d) = parse("tables\nuse shop\nshop | whre x")
    #expect(d.first.map { $0.render().hasPrefix("t.tq:3:8: error: unknown verb \"whre\"") } == true)
  }

  @Test func hugeIdentifier() {
    let name = String(repeating: "a", count: 1 << 20)
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      let (script, d) = parse("shop | where \(name) > 1")
      #expect(d.isEmpty && script.statements.count == 1)
      let (_, e) = parse("shop | \(name) x")
      #expect(e.map(\.message) == ["unknown verb \"\(String(repeating: "a", count: 32))…\""])
      expectInBounds("shop | \(name) x", e)
    }
    #expect(elapsed < .seconds(10), "took \(elapsed)")
  }

  @Test func hugeString() {
    let text = "shop | where x == \"" + String(repeating: "abcdefgh", count: 2 << 20) + "\""
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      let (script, d) = parse(text)
      #expect(d.isEmpty)
      guard case .query(let p)? = script.statements.first?.kind, case .where_(let e) = p.stages.first?.kind,
        case .binary(_, _, let rhs) = e.kind, case .literal(.string(let s)) = rhs.kind
      else {
        Issue.record("no string")
        return
      }
      #expect(s.utf8.count == 16 << 20)
      let (_, u) = parse(String(text.dropLast()))
      #expect(u.map(\.message) == ["unterminated string"])
    }
    #expect(elapsed < .seconds(30), "took \(elapsed)")
  }

  @Test func manyStages() {
    let text = "shop" + String(repeating: " | where x>1", count: 100_000)
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      let (script, d) = parse(text)
      #expect(d.isEmpty)
      guard case .query(let p)? = script.statements.first?.kind else {
        Issue.record("no pipeline")
        return
      }
      #expect(p.stages.count == 100_000)
      // Every bad stage is reported, each in its place.
      let (_, bad) = parse("shop" + String(repeating: " | whre x", count: 10_000))
      #expect(bad.count == 10_000)
    }
    #expect(elapsed < .seconds(30), "took \(elapsed)")
  }

  @Test func manyStatementsAndLines() {
    let text = String(repeating: "shop | take 1\n\n# c\n", count: 50_000) + String(repeating: "\n", count: 100_000)
    let (script, d) = parse(text)
    #expect(d.isEmpty && script.statements.count == 50_000)
  }
}
