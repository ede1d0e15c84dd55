import Testing

@testable import TQSyntax

@Suite("Expressions")
struct ExpressionTests {
  @Test func precedence() {
    #expect(tree("a or b and not c == 1") == "(or a (and b (not (== c 1))))")
    #expect(tree("a and b or c") == "(or (and a b) c)")
    #expect(tree("not a and b") == "(and (not a) b)")
    #expect(tree("not not a") == "(not (not a))")
    #expect(tree("a + b * c - d / e % f") == "(- (+ a (* b c)) (% (/ d e) f))")
    #expect(tree("a - b - c") == "(- (- a b) c)")
    #expect(tree("(a + b) * c") == "(* (+ a b) c)")
    #expect(tree("-a * b") == "(* (- a) b)")
    #expect(tree("- -a") == "(- (- a))")
    #expect(tree("a + 1 > b * 2") == "(> (+ a 1) (* b 2))")
    #expect(tree("a == 1 or b != 2 and c <= 3") == "(or (== a 1) (and (!= b 2) (<= c 3)))")
  }

  @Test func comparisons() {
    for op in ["==", "!=", "<", "<=", ">", ">="] { #expect(tree("a \(op) 1") == "(\(op) a 1)") }
    #expect(tree(#"channel like "google*""#) == #"(like channel "google*")"#)
    #expect(tree(#"channel ~ "^goo" + x"#) == #"(~ channel (+ "^goo" x))"#)
    #expect(tree("x in [1, 2, 3]") == "(in x [1 2 3])")
    #expect(tree("x not in [\"a\"]") == #"(not in x ["a"])"#)
    #expect(tree("x in []") == "(in x [])")
    #expect(tree("x in [1,\n 2,\n]") == "(in x [1 2])")
    #expect(tree("a + 1 in [b * 2]") == "(in (+ a 1) [(* b 2)])")
    #expect(tree("not x in [1]") == "(not (in x [1]))")
  }

  @Test func literals() {
    #expect(tree("42") == "42")
    #expect(tree("-42") == "-42")
    #expect(tree("-9223372036854775808") == "-9223372036854775808")
    #expect(tree("1.5") == "1.5")
    #expect(tree("-.5") == "-0.5")
    #expect(tree("true") == "true" && tree("false") == "false" && tree("null") == "null")
    #expect(tree(#""a\tb""#) == #""a\tb""#)
    #expect(tree("@2024-03-01") == "@2024-03-01")
    #expect(tree("@2024-03-01T10:00") == "@2024-03-01T10:00")
    #expect(tree("30d 12h") == "30d 12h")
    #expect(tree("-30d 12h") == "-30d 12h")
    #expect(tree("ts > @2024-03-01T10:00:00Z - 7d") == "(> ts (- @2024-03-01T10:00 7d))")
  }

  @Test func literalValues() {
    let (e, _) = Parser.parseExpression(SourceFile(name: "e", text: "-9223372036854775808"))
    #expect(e?.kind == .literal(.int(.min)))
    let (d, _) = Parser.parseExpression(SourceFile(name: "e", text: "@2024-03-01"))
    #expect(d?.kind == .literal(.date(19_783)))
    let (t, _) = Parser.parseExpression(SourceFile(name: "e", text: "@2024-03-01T10:00:05"))
    #expect(t?.kind == .literal(.timestamp((19_783 * 86_400 + 36_005) * 1_000_000)))
    let (u, _) = Parser.parseExpression(SourceFile(name: "e", text: "30d 12h"))
    #expect(u?.kind == .literal(.duration((30 * 86_400 + 12 * 3600) * 1_000_000)))
  }

  @Test func calls() {
    #expect(tree("count()") == "count()")
    #expect(tree("if(medium == \"cpc\", \"paid\", \"free\")") == #"if((== medium "cpc") "paid" "free")"#)
    #expect(tree("quantile(x, 0.9) * 2") == "(* quantile(x 0.9) 2)")
    #expect(tree("coalesce(lower(a), upper(b))") == "coalesce(lower(a) upper(b))")
    let (e, _) = Parser.parseExpression(SourceFile(name: "e", text: "sum( x )"))
    guard case .call(let name, _)? = e?.kind else { Issue.record("call"); return }
    #expect(name.range == SourceRange(0, 3) && e?.range == SourceRange(0, 8))
  }

  @Test func keywordsAreContextual() {
    // Words that are keywords elsewhere are columns in an expression.
    #expect(tree("format + seed * agg") == "(+ format (* seed agg))")
    #expect(shapes("shop | select to, as, by, desc") == ["select to, as, by, desc"])
  }

  @Test func ranges() {
    let (e, _) = Parser.parseExpression(SourceFile(name: "e", text: "(a + b) * -c"))
    #expect(e?.range == SourceRange(0, 12))
    guard case .binary(_, let l, let r)? = e?.kind else { Issue.record("binary"); return }
    #expect(l.range == SourceRange(0, 7) && r.range == SourceRange(10, 12))
  }

  @Test func errors() {
    expectDiagnostic("shop | where a and‸", #"expected an expression after "and""#)
    expectDiagnostic("shop | where a and ‸)", #"expected an expression after "and""#)
    expectDiagnostic("shop | where a ‸= 1", #"use "==" to compare"#, hint: #"did you mean "=="?"#)
    expectDiagnostic("shop | where a < b ‸< c", "comparisons cannot be chained")
    expectDiagnostic("shop | where a == 1 ‸AND b", #"unexpected "AND""#, hint: #"did you mean "and"?"#)
    expectDiagnostic("shop | where ‸(a > 1", #"missing ")""#)
    expectDiagnostic("shop | select f‸(a, b", #"missing ")""#)
    expectDiagnostic("shop | where a > 1‸)", #"unexpected ")""#)
    expectDiagnostic("shop | where x in ‸[1, 2", #"missing "]""#)
    expectDiagnostic("shop | where x in ‸(1, 2)", #"expected "[" after "in""#)
    expectDiagnostic("shop | where x == ‸[1, 2]", #"a list is only allowed after "in""#)
    expectDiagnostic("shop | where not‸", #"expected an expression after "not""#)
    expectDiagnostic("shop | where -‸", #"expected an expression after "-""#)
    expectDiagnostic("shop | where a ‸. b", #"unexpected ".""#)
    expectDiagnostic("shop | select f(a,‸)", #"expected an expression after ",""#)
  }

  @Test func nestingCap() {
    let ok = String(repeating: "(", count: 150) + "x" + String(repeating: ")", count: 150)
    #expect(tree(ok) == "x")
    for text in [
      "shop | where " + String(repeating: "(", count: 100_000) + "x" + String(repeating: ")", count: 100_000),
      "shop | where " + String(repeating: "(", count: 100_000),
      "shop | where " + String(repeating: "-", count: 100_000) + "x",
      "shop | where " + String(repeating: "not ", count: 100_000) + "x",
      "shop | where " + Array(repeating: "x", count: 100_000).joined(separator: " + "),
      "shop | where " + Array(repeating: "x", count: 100_000).joined(separator: " < "),
      "shop | where " + String(repeating: "f(", count: 100_000),
      "shop | where x in " + String(repeating: "[", count: 100_000),
    ] {
      let (script, d) = parse(text)
      #expect(script.statements.isEmpty)
      #expect(d.count == 1, "\(d.map(\.message))")
      let expected = ["expression nested too deeply", "comparisons cannot be chained", #"a list is only allowed after "in""#]
      #expect(expected.contains(d.first?.message ?? ""))
      expectInBounds(text, d)
    }
  }

  @Test func nestingCapReportsLaterStages() {
    let text = "shop | where " + String(repeating: "(", count: 500) + "x" + String(repeating: ")", count: 500) + " | whre"
    #expect(messages(text) == ["expression nested too deeply", #"unknown verb "whre""#])
  }
}
