import Testing

@testable import TQSyntax

@Suite("Recovery and rendering")
struct RecoveryTests {
  @Test func errorsInSeveralStagesAreAllReported() {
    let (script, d) = parse("shop | whre a | sort by x | take -1 | select b")
    #expect(d.map(\.message) == [#"unknown verb "whre""#, #"unexpected "by": tq writes "sort x""#, "take needs a count of 0 or more"])
    #expect(script.statements.isEmpty)
  }

  @Test func errorsInSeveralStatementsAreAllReported() {
    let (script, d) = parse("shop | whre x\nuse\nshop | take 5\nload shop.csv\ntables")
    #expect(d.map(\.message) == [#"unknown verb "whre""#, #"expected a table name after "use""#,
                                  #"expected a file name in quotes after "load""#])
    #expect(d.compactMap { range($0) }.map { SourceFile(name: "t", text: "").location(of: $0.start).line } == [1, 1, 1])
    // The statements without errors are kept; the others are dropped.
    #expect(script.statements.count == 2)
    guard case .query(let p) = script.statements[0].kind, case .tables = script.statements[1].kind else {
      Issue.record("kept statements")
      return
    }
    #expect(p.stages.map(shape) == ["take 5"])
  }

  @Test func lexerAndParserErrorsTogether() {
    #expect(messages("shop | where a == $ | tkae 5") == [#"unexpected character "$""#, #"unknown verb "tkae""#])
    // No second error at a token the lexer already reported.
    #expect(messages("shop | where a $ b") == [#"unexpected character "$""#])
    #expect(messages("shop | where a == @2024-02-30 and b") == [#"invalid date "@2024-02-30""#])
    // A statement with a lexer error is dropped even when it parses.
    let (script, d) = parse(#"shop | where a == "\q"; tables"#)
    #expect(d.map(\.message) == [#"unknown escape sequence "\q""#] && script.statements.count == 1)
  }

  @Test func oneErrorPerStage() {
    #expect(messages("shop | where (a = 1 and ) | take 1") == [#"use "==" to compare"#])
    #expect(messages("shop | select a b c | derive x") == [#"unexpected "b""#, #"derive needs a name: write "name = expr""#])
  }

  @Test func recoveryKeepsTheStatementBoundaries() {
    let text = "shop | where (a > 1\nshop | take 1"  // the open ( continues the statement
    #expect(messages(text) == [#"missing ")""#])
    let (script, d) = parse("shop | where ((a > 1; shop | take 1")
    #expect(d.map(\.message) == [#"missing ")""#] && script.statements.count == 1)
  }

  @Test func renderUnknownVerb() {
    let (_, d) = parse(#"shop | whre chanel == "email""#, name: "t.tq")
    #expect(d.count == 1)
    #expect(d.first?.render() == """
      t.tq:1:8: error: unknown verb "whre"
      1 | shop | whre chanel == "email"
        |        ^^^^ did you mean "where"?
      """)
  }

  @Test func renderMissingExpressionAtEndOfInput() {
    let (_, d) = parse("shop | where x ==", name: "-c")
    #expect(d.first?.render() == """
      -c:1:18: error: expected an expression after "=="
      1 | shop | where x ==
        |                  ^
      """)
  }

  @Test func renderOnALaterLine() {
    let (_, d) = parse("load \"shop.csv\" as shop\nshop\n  | where (revenue > 0\n  | take 5", name: "analysis.tq")
    #expect(d.map { $0.render() } == [
      """
      analysis.tq:3:11: error: missing ")"
      3 |   | where (revenue > 0
        |           ^
      """
    ])
  }

  @Test func renderUnterminatedString() {
    let (_, d) = parse("load \"shop.csv as shop\ntables", name: "t.tq")
    #expect(d.map { $0.render() } == [
      """
      t.tq:1:6: error: unterminated string
      1 | load "shop.csv as shop
        |      ^^^^^^^^^^^^^^^^^
      """
    ])
  }

  @Test func renderWithTabsAndWideCharacters() {
    let (_, d) = parse("shop |\t\twhre x", name: "t.tq")
    #expect(d.first?.render() == "t.tq:1:9: error: unknown verb \"whre\"\n1 | shop |\t\twhre x\n  |       \t\t^^^^ did you mean \"where\"?")
    let (_, e) = parse("shop | where café = 1", name: "t.tq")
    #expect(e.first?.render() == """
      t.tq:1:19: error: use "==" to compare
      1 | shop | where café = 1
        |                   ^ did you mean "=="?
      """)
  }

  @Test func renderSelectStar() {
    let (_, d) = parse("shop | select *", name: "tq")
    #expect(d.first?.render() == """
      tq:1:15: error: select * is not needed: a pipeline keeps all columns unless you select some
      1 | shop | select *
        |               ^
      """)
  }

  @Test func diagnosticsAreInSourceOrder() {
    let (_, d) = parse("x = \"\\q\" | whre\nshop | take 1.5 $")
    let starts = d.compactMap { range($0)?.start }
    #expect(starts == starts.sorted() && d.count == 5, "\(d.map(\.message))")
  }
}
