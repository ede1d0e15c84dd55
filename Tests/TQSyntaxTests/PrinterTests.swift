import Testing

@testable import TQSyntax

@Suite("Expression printer")
struct PrinterTests {
  /// Expressions whose printed text must parse back to the same tree.
  static let roundTrip = [
    "revenue", "sum(revenue)", "count()", "quantile(cost, 0.9)", "a + b * c", "(a + b) * c", "a - (b - c)", "a - b - c",
    "a / (b * c)", "-a", "-(a + b)", "- -a", "-(-5)", "-5", "-1.5", "-9223372036854775808", "a - -5", "not a",
    "not (a or b)", "not a and b", "a or b and not c == 1", "(a or b) and c", "(a == b) == c", "a < (b < c)",
    "x in [1, 2, 3]", "x not in [\"a\", \"b\"]", "(x in [1]) == true", "-x in [-1, 2 * 3]", "channel like \"google*\"",
    "source ~ \"^(fb|ig)$\"", "if(medium == \"cpc\", \"paid\", \"free\")", "coalesce(a, null, false)",
    "\"quote \\\" backslash \\\\ tab \\t nl \\n cr \\r \\u{0} é 😀\"", "@2024-03-01", "@1969-12-31", "@2024-03-01T10:00",
    "@2024-03-01T10:00:30", "@2024-03-01T10:00:30.25", "@1969-12-31T23:59:59.5", "30d 12h", "2w", "15m 45s", "-1h30m",
    "0s", "1e+20", "1e-05", "0.1", "100.0", "ts > @2024-03-01 - 7d", "(a + b) % 2 == 0 or not done",
    "lower(name) ~ \"x\" and len(name) >= 3", "a * (b % c)", "(a * b) % c", "-(a * b)", "-a * b",
  ]

  @Test(arguments: roundTrip)
  func roundTrips(_ text: String) {
    let (parsed, d) = Parser.parseExpression(SourceFile(name: "e", text: text))
    #expect(d.isEmpty, "\(d.map(\.message))")
    guard let e = parsed else { return }
    let printed = ExprPrinter.print(e)
    let (again, d2) = Parser.parseExpression(SourceFile(name: "e", text: printed))
    #expect(d2.isEmpty, "\(printed): \(d2.map(\.message))")
    #expect(again.map(stripped) == stripped(e), "\(text) printed as \(printed)")
  }

  @Test func canonicalText() {
    func printed(_ text: String) -> String {
      Parser.parseExpression(SourceFile(name: "e", text: text)).0.map(ExprPrinter.print) ?? "<error>"
    }
    #expect(printed("revenue") == "revenue")
    #expect(printed("sum(revenue)") == "sum(revenue)")
    #expect(printed("sum( revenue )") == "sum(revenue)")
    #expect(printed("count()") == "count()")
    #expect(printed("(a+b)*c") == "(a + b) * c")
    #expect(printed("((a))") == "a")
    #expect(printed("a+(b*c)") == "a + b * c")
    #expect(printed("x in[1,2,]") == "x in [1, 2]")
    #expect(printed("'it\\'s'") == "\"it's\"")
    #expect(printed("@2024-03-01T10:00:00Z") == "@2024-03-01T10:00")
    #expect(printed("30d 12h 0m") == "30d 12h")
    #expect(printed("2w") == "14d")
    #expect(printed("1e3") == "1000.0")
    #expect(printed("not(a)") == "not a")
    #expect(printed("- 5") == "-5")
  }

  @Test func constructedExpressions() {
    let zero = SourceRange(0, 0)
    func col(_ n: String) -> Expr { Expr(.column(n), zero) }
    func lit(_ l: Literal) -> Expr { Expr(.literal(l), zero) }
    // Trees the parser never makes still print to text that reads back as the same tree.
    let cases: [Expr] = [
      Expr(.unary(.negate, lit(.int(5))), zero),
      Expr(.unary(.negate, lit(.float(1.5))), zero),
      Expr(.binary(.subtract, col("a"), Expr(.binary(.add, col("b"), col("c")), zero)), zero),
      Expr(.binary(.equal, Expr(.binary(.less, col("a"), col("b")), zero), lit(.bool(true))), zero),
      Expr(.inList(Expr(.inList(col("x"), [], negated: true), zero), [lit(.null)], negated: false), zero),
      Expr(.unary(.not, Expr(.unary(.not, col("a")), zero)), zero),
    ]
    for e in cases {
      let text = ExprPrinter.print(e)
      let (again, d) = Parser.parseExpression(SourceFile(name: "e", text: text))
      #expect(d.isEmpty && again.map(stripped) == e, "\(text)")
    }
    #expect(ExprPrinter.print(cases[0]) == "-(5)")
    #expect("\(col("revenue"))" == "revenue")
  }
}
