import Testing

@testable import TQSyntax

/// The "did you mean" hints for near misses: a stage without its `|`, other languages'
/// operators, misspelt statement options, SQL's `from`, fullwidth letters, and dot-command
/// arguments with their own spans.
@Suite("Hints")
struct HintTests {
  @Test func aWordNearAVerbIsAStageWithoutItsPipe() {
    expectDiagnostic("people ‸whre age > 1", #"expected "|" before "whre""#, hint: #"did you mean "| where"?"#)
    expectDiagnostic("people | where age > 1 ‸tkae 2", #"expected "|" before "tkae""#, hint: #"did you mean "| take"?"#)
    expectDiagnostic("people ‸ｗｈｅｒｅ age > 1", #"expected "|" before "ｗｈｅｒｅ""#, hint: #"did you mean "| where"?"#)
    // A real verb keeps its message; a word near nothing, or an operator word, is just unexpected.
    expectDiagnostic("people ‸take 1", #"expected "|" before "take""#, hint: .some(nil))
    expectDiagnostic("people | select a ‸zzz", #"unexpected "zzz""#, hint: .some(nil))
    expectDiagnostic("people | where a > 1 ‸AND b", #"unexpected "AND""#, hint: #"did you mean "and"?"#)
    // Outside a pipeline nothing is taken for a stage.
    #expect(messages("use people whre") == [#"unexpected "whre""#])
  }

  @Test func renderAStageWithoutItsPipe() {
    let (_, d) = parse("people whre age > 1", name: "tq")
    #expect(d.map { $0.render() } == [
      """
      tq:1:8: error: expected "|" before "whre"
      1 | people whre age > 1
        |        ^^^^ did you mean "| where"?
      """
    ])
  }

  @Test func otherLanguagesOperatorsAreReportedOnce() {
    #expect(messages("shop | where a > 1 && b < 2") == [#"unexpected "&&""#])
    expectDiagnostic("shop | where a > 1 ‸&& b < 2", #"unexpected "&&""#, hint: #"did you mean "and"?"#)
    expectDiagnostic("shop | where a > 1 ‸& b < 2", #"unexpected character "&""#, hint: #"did you mean "and"?"#)
    #expect(messages("shop | where a <> 28") == [#"use "!=" for "not equal""#])
    expectDiagnostic("shop | where a ‸<> 28", #"use "!=" for "not equal""#, hint: #"did you mean "!="?"#)
    let (script, d) = parse("shop | where a <> 28 | take 1; shop | whre x")
    #expect(d.map(\.message) == [#"use "!=" for "not equal""#, #"unknown verb "whre""#] && script.statements.isEmpty)
    #expect(d.first.flatMap(range) == SourceRange(15, 17))
  }

  @Test func aPipeInsideAConditionIsOr() {
    let or: String?? = #"did you mean "or"?"#
    expectDiagnostic("shop | where a > 60 ‸| a < 20", #"expected a verb after "|""#, hint: or)
    expectDiagnostic("shop | where a > 60 ‸| (a < 20)", #"expected a verb after "|""#, hint: or)
    expectDiagnostic("shop | filter a > 60 ‸| not b", #"expected a verb after "|""#, hint: or)
    expectDiagnostic("shop | where a > 60 |‸| a < 20", #"expected a verb after "|""#, hint: or)
    #expect(messages("shop | where a > 60 | a < 20 | take 1") == [#"expected a verb after "|""#])
    // A verb, a misspelt verb, or a word after another stage is not a condition.
    #expect(shapes("shop | where a > 60 | take 1") == ["where (> a 60)", "take 1"])
    expectDiagnostic("shop | where a > 1 | ‸tkae 1", #"unknown verb "tkae""#, hint: #"did you mean "take"?"#)
    expectDiagnostic("shop | take 1 | ‸a < 20", #"unknown verb "a""#, hint: .some(nil))
  }

  @Test func misspeltStatementOptions() {
    expectDiagnostic(#"load "f.csv" ‸frmat csv"#, #"unexpected "frmat""#, hint: #"did you mean "format"?"#)
    expectDiagnostic(#"load "f.csv" ‸sa f"#, #"unexpected "sa""#, hint: #"did you mean "as"?"#)
    expectDiagnostic(#"load "f.csv" ‸wiht time = ts"#, #"unexpected "wiht""#, hint: #"did you mean "with"?"#)
    expectDiagnostic(#"load "f.csv" ‸zzz"#, #"unexpected "zzz""#,
                     hint: #"load takes "as name", "format f" and "with role = column""#)
    expectDiagnostic(#"save shop ‸ot "f.csv""#, #"unexpected "ot""#, hint: #"did you mean "to"?"#)
    expectDiagnostic(#"save shop | take 1 ‸ot "f.csv""#, #"unexpected "ot""#, hint: #"did you mean "to"?"#)
    expectDiagnostic(#"save shop to "f.csv" ‸fromat csv"#, #"unexpected "fromat""#, hint: #"did you mean "format"?"#)
    expectDiagnostic(#"save shop to "f.csv" ‸5"#, #"unexpected "5""#, hint: #"save takes "format f" after the file name"#)
    expectDiagnostic("generate journeys 10 ‸sede 3", #"unexpected "sede""#, hint: #"did you mean "seed"?"#)
  }

  @Test func sqlsFromFirstSuggestsThePipeline() {
    expectDiagnostic("‸from people | take 1", #"unexpected "from""#, hint: #"did you mean "people | take 1"?"#)
    expectDiagnostic("‸FROM people", #"unexpected "FROM""#, hint: #"did you mean "people"?"#)
    expectDiagnostic("let x = ‸from people | where a > 1", #"unexpected "from""#, hint: #"did you mean "people | where a > 1"?"#)
    expectDiagnostic(#"save ‸from people to "f.csv""#, #"unexpected "from""#, hint: #"did you mean "people"?"#)
    #expect(messages("from people | take 1") == [#"unexpected "from""#])
    // `from "file"` is still another language's word for load.
    expectDiagnostic(#"‸from "f.csv""#, #"unknown verb "from""#, hint: #"did you mean "load"?"#)
  }

  @Test func fullwidthFormsAreFoldedForSuggestions() {
    #expect(Suggest.folded("ｓｅｌｅｃｔ") == "select")
    #expect(Suggest.folded("ａｇｅ＿２！～") == "age_2!~")
    #expect(Suggest.folded("agé ѕelect ｟") == "agé ѕelect ｟")  // U+FF5F is past the block
    #expect(Suggest.nearest("ＳＥＬＥＣＴ", in: ["select", "sort"]) == "select")
    expectDiagnostic("shop | ‸ｓｅｌｅｃｔ a", #"unknown verb "ｓｅｌｅｃｔ""#, hint: #"did you mean "select"?"#)
    expectDiagnostic("‸ｓｅｌｅｃｔ a", #"unknown verb "ｓｅｌｅｃｔ""#, hint: #"did you mean "select"?"#)
    expectDiagnostic("shop | ‸ｓｕｍｍａｒｉｚｅ n = count()", #"unknown verb "ｓｕｍｍａｒｉｚｅ""#, hint: #"did you mean "group"?"#)
    expectDiagnostic("shop | where a > 1 ‸ＡＮＤ b", #"unexpected "ＡＮＤ""#, hint: #"did you mean "and"?"#)
  }
}
