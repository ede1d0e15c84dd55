import Testing

@testable import TQSyntax

@Suite("Stages")
struct StageTests {
  @Test func whereAndFilter() {
    #expect(shapes(#"shop | where channel in ["facebook", "instagram"] and revenue > 0"#)
      == [#"where (and (in channel ["facebook" "instagram"]) (> revenue 0))"#])
    #expect(shapes("shop | filter x") == ["filter x"])
    expectDiagnostic("shop | where‸", #"expected an expression after "where""#)
    expectDiagnostic("shop | where ‸| take 1", #"expected an expression after "where""#)
  }

  @Test func select() {
    #expect(shapes("shop | select journey_id, channel, day = date(ts)") == ["select journey_id, channel, day=date(ts)"])
    #expect(shapes("shop | select sum(revenue), n = 1 + 2") == ["select sum(revenue), n=(+ 1 2)"])
    expectDiagnostic("select channel ‸from shop", #"unexpected "from""#, hint: #"did you mean "shop | select channel"?"#)
    expectDiagnostic("shop | select n = count(‸*)", #"unexpected "*""#, hint: #"did you mean "count()"?"#)
    expectDiagnostic("shop | select ‸*", "select * is not needed: a pipeline keeps all columns unless you select some")
    expectDiagnostic("shop | select‸", #"expected a column after "select""#)
    expectDiagnostic("shop | select a,‸", #"expected an expression after ",""#)
    expectDiagnostic("shop | select channel ‸as c", #"unexpected "as": tq writes "c = channel""#,
                     hint: #"did you mean "c = channel"?"#)
  }

  @Test func derive() {
    #expect(shapes(#"shop | derive paid = medium == "cpc", week = week(ts)"#) == [#"derive paid=(== medium "cpc"), week=week(ts)"#])
    expectDiagnostic("shop | derive ‸a + b", #"derive needs a name: write "name = expr""#)
    expectDiagnostic("shop | derive‸", #"expected "name = expr" after "derive""#)
  }

  @Test func group() {
    #expect(shapes("shop | group persona, device agg n = count(), rev = sum(revenue)")
      == ["group persona, device agg n=count(), rev=sum(revenue)"])
    #expect(shapes("shop | group persona") == ["group persona"])
    #expect(shapes("shop | group day = date(ts)") == ["group day=date(ts)"])
    #expect(shapes("shop | group agg n = count()") == ["group  agg n=count()"])
    #expect(shapes("shop | group") == ["group "])
    expectDiagnostic("shop | group ‸by persona", #"unexpected "by": tq writes "group persona""#,
                     hint: #"did you mean "group persona"?"#)
    expectDiagnostic("shop | group ‸by persona, device agg n = count()", #"unexpected "by": tq writes "group persona, device""#)
    expectDiagnostic("shop | group persona agg‸", #"expected a column after "agg""#)
  }

  @Test func sort() {
    #expect(shapes("shop | sort -revenue, persona") == ["sort -revenue, persona"])
    #expect(shapes("shop | sort revenue desc, persona asc, -a desc") == ["sort -revenue, persona, -a"])
    #expect(shapes("shop | order by revenue desc") == ["order by -revenue"])
    #expect(shapes("shop | sort -(a + b)") == ["sort -(+ a b)"])
    expectDiagnostic("shop | sort‸", #"expected a column after "sort""#)
    expectDiagnostic("shop | sort ‸by x", #"unexpected "by": tq writes "sort x""#)
    expectDiagnostic("shop | ‸order x", #"unknown verb "order""#, hint: #"did you mean "sort"?"#)
  }

  @Test func take() {
    #expect(shapes("shop | take 10") == ["take 10"])
    #expect(shapes("shop | limit 0") == ["limit 0"])
    #expect(shapes("shop | take 9223372036854775807") == ["take 9223372036854775807"])
    expectDiagnostic("shop | take ‸-1", "take needs a count of 0 or more")
    expectDiagnostic("shop | limit ‸-1", "limit needs a count of 0 or more")
    expectDiagnostic("shop | take ‸1.5", "take needs a whole number")
    expectDiagnostic("shop | take‸", #"expected a count after "take""#)
    expectDiagnostic("shop | take ‸n", #"expected a count after "take""#)
    expectDiagnostic("shop | take ‸9223372036854775808", "integer literal is too large")
    expectDiagnostic("shop | take ‸99999999999999999999999", "integer literal is too large")
    expectDiagnostic("shop | take 5 ‸+ 1", #"unexpected "+""#)
  }

  @Test func distinct() {
    #expect(shapes("shop | distinct persona, stage") == ["distinct persona, stage"])
    #expect(shapes("shop | distinct | take 1") == ["distinct ", "take 1"])
    expectDiagnostic("shop | distinct ‸5", #"expected a column name after "distinct""#)
  }

  @Test func join() {
    #expect(shapes("shop | join crm on journey_id") == ["join crm on journey_id"])
    #expect(shapes("shop | left join crm on a, b") == ["left join crm on a, b"])
    guard let p = pipeline("shop | left join crm on a") else { return }
    #expect(p.stages[0].verb.name == "left join" && p.stages[0].verb.range == SourceRange(7, 16))
    expectDiagnostic("shop | join‸", #"expected a table name after "join""#)
    expectDiagnostic("shop | join crm‸", #"expected "on" and the columns to match after "crm""#)
    expectDiagnostic("shop | join crm on‸", #"expected a column name after "on""#)
  }

  @Test func rename() {
    #expect(shapes("shop | rename src = source_group, c = channel") == ["rename src=source_group, c=channel"])
    expectDiagnostic("shop | rename src ‸source_group", #"expected "=" after "src""#)
    expectDiagnostic("shop | rename src =‸", #"expected a column name after "=""#)
  }

  @Test func aliasesKeepTheirSpelling() {
    guard let p = pipeline("shop | filter a | limit 1 | order by b") else { return }
    #expect(p.stages.map(\.verb.name) == ["filter", "limit", "order by"])
    #expect(p.stages[2].verb.range == SourceRange(28, 36))
  }

  @Test func stageRanges() {
    guard let p = pipeline("shop | where a > 1 | take 5") else { return }
    #expect(p.range == SourceRange(0, 27))
    #expect(p.stages.map(\.range) == [SourceRange(7, 18), SourceRange(21, 27)])
  }

  @Test func unknownVerbs() {
    expectDiagnostic(#"shop | ‸whre chanel == "email""#, #"unknown verb "whre""#, hint: #"did you mean "where"?"#)
    expectDiagnostic("shop | ‸summarize n = count()", #"unknown verb "summarize""#, hint: #"did you mean "group"?"#)
    expectDiagnostic("shop | ‸head 5", #"unknown verb "head""#, hint: #"did you mean "take"?"#)
    expectDiagnostic("shop | ‸WHERE x", #"unknown verb "WHERE""#, hint: #"did you mean "where"?"#)
    expectDiagnostic("shop | ‸frobnicate", #"unknown verb "frobnicate""#, hint: .some(nil))
    expectDiagnostic("shop ‸|", #"expected a verb after "|""#)
    expectDiagnostic("shop | ‸5", #"expected a verb after "|""#)
    expectDiagnostic("shop | where a == 1 |‸| b == 2", #"expected a verb after "|""#, hint: #"did you mean "or"?"#)
    #expect(messages("shop | where a == 1 || b == 2 | take 1 | whre") == [#"expected a verb after "|""#, #"unknown verb "whre""#])
  }
}
