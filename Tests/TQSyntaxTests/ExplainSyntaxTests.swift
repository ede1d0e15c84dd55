import Testing

@testable import TQSyntax

/// `explain` takes the rest of the statement as its topic, quotes removed.
@Test func explainTopics() {
  guard case .explain(let m?)? = statement("explain markov") else { Issue.record("explain markov"); return }
  #expect(m.name == "markov")
  guard case .explain(let l?)? = statement("explain path length") else { Issue.record("explain path length"); return }
  #expect(l.name == "path length")
  guard case .explain(let p?)? = statement("explain 20/80") else { Issue.record("explain 20/80"); return }
  #expect(p.name == "20/80")
  guard case .explain(let q?)? = statement("explain \"80/20\"") else { Issue.record("explain \"80/20\""); return }
  #expect(q.name == "80/20")
  guard case .explain(nil)? = statement("explain") else { Issue.record("explain"); return }
}

/// `generate … effects [channel = p, …]` in any position among the options.
@Test func generateEffects() {
  guard case .generate(_, let count, let seed, let effects, let name)? =
    statement("generate journeys 500 effects [email = 0.05, \"facebook\" = 0.01] seed 7 as g")
  else { Issue.record("effects"); return }
  #expect(count.value == 500 && seed?.value == 7 && name?.name == "g")
  #expect(effects.map(\.channel.name) == ["email", "facebook"])
  #expect(effects.map(\.value.kind) == [.literal(.float(0.05)), .literal(.float(0.01))])
  guard case .generate(_, _, _, let none, _)? = statement("generate journeys 5 effects []") else { Issue.record("[]"); return }
  #expect(none.isEmpty)
  expectDiagnostic("generate journeys 5 effects ‸email", #"expected "[" after "effects""#)
  expectDiagnostic("generate journeys 5 effects [email ‸0.1]", #"expected "=" after "email""#)
  expectDiagnostic("generate journeys 5 effects [email = 0.1‸", #"expected "]" after the effects after "0.1""#)
  expectDiagnostic("generate journeys 5 ‸efects [email = 0.1]", #"unexpected "efects""#, hint: #"did you mean "effects"?"#)
}

/// `attribute compare … vs truth` records the word; only `truth` may follow `vs`.
@Test func versusTruth() {
  guard let p = pipeline("g | attribute compare first, markov order 2 vs truth"), case .journey(let j) = p.stages[0].kind else {
    Issue.record("vs truth"); return
  }
  #expect(j.versus?.name == "truth" && j.models.map(\.text) == ["first", "markov order 2"])
  expectDiagnostic("g | attribute compare first vs ‸lies", #"expected "truth" after "vs""#)
  expectDiagnostic("g | attribute markov ‸vs truth", #"unknown option "vs" for attribute"#)
}
