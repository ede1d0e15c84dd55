import Testing

@testable import TQSyntax

@Suite("Statements")
struct StatementTests {
  @Test func load() {
    guard case .load(let path, let name, let format, let roles)? = statement(#"load "datasets/shop.csv" as shop"#) else {
      Issue.record("not a load")
      return
    }
    #expect(path.value == "datasets/shop.csv" && path.range == SourceRange(5, 24))
    #expect(name?.name == "shop" && format == nil && roles.isEmpty)
  }

  @Test func loadOptionsInAnyOrder() {
    let text = #"load "crm.csv" with journey = contact_id, time = created_at, channel = "Source Name" format csv as crm"#
    guard case .load(_, let name, let format, let roles)? = statement(text) else {
      Issue.record("not a load")
      return
    }
    #expect(name?.name == "crm" && format?.name == "csv")
    #expect(roles.map { "\($0.role.name)=\($0.column.name)" } == ["journey=contact_id", "time=created_at", "channel=Source Name"])
  }

  @Test func loadErrors() {
    expectDiagnostic("load ‸shop.csv", #"expected a file name in quotes after "load""#)
    expectDiagnostic(#"load "x.csv" as a ‸as b"#, #""as" is given twice"#)
    expectDiagnostic(#"load "x.csv" as‸"#, #"expected a table name after "as""#)
    expectDiagnostic(#"load "x.csv" ‸named x"#, #"unexpected "named""#)
    expectDiagnostic(#"load "x.csv" with journey ‸id"#, #"expected "=" after "journey""#, hint: #"write "journey = column""#)
  }

  @Test func simpleStatements() {
    guard case .use(let t)? = statement("use shop") else { Issue.record("use"); return }
    #expect(t.name == "shop")
    guard case .tables? = statement("tables") else { Issue.record("tables"); return }
    guard case .describe(nil)? = statement("describe") else { Issue.record("describe"); return }
    guard case .describe(let d?)? = statement("describe shop") else { Issue.record("describe shop"); return }
    #expect(d.name == "shop")
    guard case .drop(let names)? = statement("drop a, b,\n c") else { Issue.record("drop"); return }
    #expect(names.map(\.name) == ["a", "b", "c"])
    guard case .run(let file)? = statement(#"run "analysis.tq""#) else { Issue.record("run"); return }
    #expect(file.value == "analysis.tq")
  }

  @Test func simpleStatementErrors() {
    expectDiagnostic("use‸", #"expected a table name after "use""#)
    expectDiagnostic("use ‸5", #"expected a table name after "use""#)
    expectDiagnostic("tables ‸shop", #"unexpected "shop""#)
    expectDiagnostic("drop a,‸", #"expected a table name after ",""#)
    expectDiagnostic("run ‸x.tq", #"expected a file name in quotes after "run""#)
    expectDiagnostic("describe shop ‸extra", #"unexpected "extra""#)
  }

  @Test func letStatement() {
    guard case .let_(let name, let p)? = statement(#"let social = shop | where source_group == "social""#) else {
      Issue.record("let"); return
    }
    #expect(name.name == "social" && p.source?.name == "shop" && p.stages.map(shape) == [#"where (== source_group "social")"#])
    expectDiagnostic("let ‸= shop", #"expected a name after "let""#)
    expectDiagnostic("let x ‸shop", #"expected "=" after "let x""#)
    expectDiagnostic("let x =‸", #"expected a table name or a verb after "=""#)
  }

  @Test func save() {
    guard case .save(let p, let path, let format)? = statement(#"save shop | group channel to "channels.csv""#) else {
      Issue.record("save"); return
    }
    #expect(p.stages.map(shape) == ["group channel"] && path.value == "channels.csv" && format == nil)
    guard case .save(let p2, _, let f2)? = statement(#"save shop to "shop.tqc" format tqc"#) else { Issue.record("save 2"); return }
    #expect(p2.source?.name == "shop" && p2.stages.isEmpty && f2?.name == "tqc")
    guard case .save(let p3, _, _)? = statement(#"save shop | where a > to to "x.csv""#) else { Issue.record("save 3"); return }
    #expect(p3.stages.map(shape) == ["where (> a to)"])
    expectDiagnostic("save shop | take 5‸ ", #"expected "to" and a file name after the pipeline"#)
    expectDiagnostic("save shop to ‸x.csv", #"expected a file name in quotes after "to""#)
  }

  @Test func help() {
    guard case .help(nil)? = statement("help") else { Issue.record("help"); return }
    guard case .help(let w?)? = statement("help where") else { Issue.record("help where"); return }
    #expect(w.name == "where")
    guard case .help(let d?)? = statement("help .mode") else { Issue.record("help .mode"); return }
    #expect(d.name == ".mode" && d.range == SourceRange(5, 10))
    guard case .help(let o?)? = statement("help order by") else { Issue.record("help order by"); return }
    #expect(o.name == "order by")
    expectDiagnostic("help ‸5", #"unexpected "5""#)
  }

  @Test func generate() {
    guard case .generate(let what, let count, let seed, _, let name)? = statement("generate journeys 1000 seed 7 as demo") else {
      Issue.record("generate"); return
    }
    #expect(what.name == "journeys" && count.value == 1000 && seed?.value == 7 && name?.name == "demo")
    guard case .generate(_, _, nil, _, let n2)? = statement("generate journeys 10 as d") else { Issue.record("g2"); return }
    #expect(n2?.name == "d")
    guard case .generate(_, _, let s3, _, nil)? = statement("generate journeys 10 seed 3") else { Issue.record("g3"); return }
    #expect(s3?.value == 3)
    expectDiagnostic("generate journeys ‸many", #"expected a count after "journeys""#)
    expectDiagnostic("generate ‸5", #"expected what to generate after "generate""#)
    expectDiagnostic("generate journeys 5 seed 1 ‸seed 2", #""seed" is given twice"#)
  }

  @Test func dotCommands() {
    guard case .dotCommand(let name, let args)? = statement(".mode csv") else { Issue.record(".mode"); return }
    #expect(name.name == ".mode" && name.range == SourceRange(0, 5) && args.map(\.value) == ["csv"])
    guard case .dotCommand(let n2, let a2)? = statement(#"  .read "my file.tq"  x'y z'   # comment"#) else {
      Issue.record(".read"); return
    }
    #expect(n2.name == ".read" && n2.range == SourceRange(2, 7) && a2.map(\.value) == ["my file.tq", "xy z"])
    guard case .dotCommand(_, let a3)? = statement(".quit") else { Issue.record(".quit"); return }
    #expect(a3.isEmpty)
    // A dot command takes the whole line: no `;` splitting.
    guard case .dotCommand(_, let a4)? = statement(".mode csv; shop") else { Issue.record(".mode;"); return }
    #expect(a4.map(\.value) == ["csv;", "shop"])
    let all = statements(".timer on\nshop | take 1\n.mode json")
    #expect(all.count == 3)
  }

  @Test func dotCommandArgumentsHaveTheirSpans() {
    // Each argument's span covers what was written, quotes included, so errors can point at it.
    let text = #"  .read "my file.tq"  x'y z'  é\#u{3000}last"#
    guard case .dotCommand(_, let args)? = statement(text) else { Issue.record(".read"); return }
    #expect(args.map(\.value) == ["my file.tq", "xy z", "é", "last"])
    #expect(args.map { SourceFile(name: "t", text: text).slice($0.range.start, $0.range.end) }
      == [#""my file.tq""#, "x'y z'", "é", "last"])
    guard case .dotCommand(_, let late)? = statements("tables\n.mode xml").last?.kind else { Issue.record(".mode"); return }
    #expect(late.map(\.range) == [SourceRange(13, 16)])
    // An unterminated quote runs to the end of the line.
    guard case .dotCommand(_, let open)? = statement(".read 'a b") else { Issue.record("open quote"); return }
    #expect(open.map(\.value) == ["a b"] && open.map(\.range) == [SourceRange(6, 10)])
  }

  @Test func pipelineStatements() {
    guard let p = pipeline("shop") else { return }
    #expect(p.source?.name == "shop" && p.stages.isEmpty && p.range == SourceRange(0, 4))
    guard let q = pipeline("where revenue > 0 | take 5") else { return }
    #expect(q.source == nil && q.stages.map(shape) == ["where (> revenue 0)", "take 5"])
    guard let o = pipeline("order by x") else { return }
    #expect(o.source == nil && o.stages.map(shape) == ["order by x"])
    guard let j = pipeline("left join crm on id") else { return }
    #expect(j.source == nil && j.stages.map(shape) == ["left join crm on id"])
  }

  @Test func separatorsAndRanges() {
    let all = statements("tables; use shop\n\n# comment\ndescribe;;shop | take 1 ;")
    #expect(all.count == 4)
    #expect(all.map(\.range) == [SourceRange(0, 6), SourceRange(8, 16), SourceRange(28, 36), SourceRange(38, 51)])
  }

  @Test func continuationStatements() {
    let all = statements("shop\n  | where a > 1\n  | take 5\nshop |\n  select a,\n    b\nshop | where f(a,\n  b) in [1,\n 2]")
    #expect(all.count == 3)
    guard case .query(let p) = all[0].kind, case .query(let q) = all[1].kind else { Issue.record("queries"); return }
    #expect(p.stages.count == 2 && q.stages.map(shape) == ["select a, b"])
  }

  @Test func statementStartErrors() {
    expectDiagnostic(
      "‸| where x > 1", #"unexpected "|" at the start of a statement: a pipeline starts with a table name or a verb"#)
    expectDiagnostic("shop;\n‸| take 5", #"unexpected "|" at the start of a statement: a pipeline starts with a table name or a verb"#)
    expectDiagnostic(#"‸"shop.csv""#, #"unexpected string "shop.csv" at the start of a statement"#,
                     hint: #"did you mean "load "shop.csv""?"#)
    expectDiagnostic("‸5 + 3", #"unexpected "5" at the start of a statement"#)
    expectDiagnostic("‸lod \"x\"", #"unknown statement "lod""#, hint: #"did you mean "load"?"#)
    expectDiagnostic("‸whre x > 1", #"unknown verb "whre""#, hint: #"did you mean "where"?"#)
    expectDiagnostic("‸summarize n = count()", #"unknown verb "summarize""#, hint: #"did you mean "group"?"#)
    expectDiagnostic("shop ‸where x > 1", #"expected "|" before "where""#)
    expectDiagnostic("shop ‸x", #"unexpected "x""#)
    expectDiagnostic("social ‸= shop | take 5", #"unexpected "=""#, hint: #"did you mean "let social = …"?"#)
  }
}
