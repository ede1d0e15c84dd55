import Foundation
import TQEngine
import TQStorage
import TQSyntax
import Testing

/// The repository root, its datasets and its explain texts.
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
private let library = TextLibrary(directory: root.appendingPathComponent("explain").path)

/// A session on the bundled datasets and the project's explain texts.
private func session() -> Session {
  let s = Session(datasets: Datasets(directory: root.appendingPathComponent("datasets").path))
  s.library = library
  return s
}

/// The text outputs of a statement, joined.
private func text(_ s: Session, _ statement: String) throws -> String {
  try s.collect(statement).compactMap { o -> String? in
    if case .text(let t) = o { return t }
    return nil
  }.joined()
}

/// Every journey verb and every attribution model of the registry has an explain topic of its kind.
@Test func everyJourneyVerbAndModelHasATopic() throws {
  for e in Registry.entries(.verb).filter({ Registry.isJourneyVerb($0.name) }) + Registry.entries(.model) {
    let topic = try library.topic(e.name)
    #expect(topic != nil, "no explain topic for \(e.kind.rawValue) \(e.name)")
    #expect(topic?.kind.rawValue == e.kind.rawValue, "\(e.name) is explained as a \(topic?.kind.rawValue ?? "?")")
  }
  for concept in ["touchpoint", "journey", "phase", "stage", "persona", "conversion", "traffic source", "path",
                  "path length", "attribution", "markov removal effect", "shapley value", "20/80", "assists", "funnel", "lag"] {
    #expect(try library.topic(concept) != nil, "no explain topic for \(concept)")
  }
}

/// Every topic has a non-empty definition in every language, related topics that exist, and
/// names and aliases that find only it.
@Test func everyTopicIsCompleteAndConsistent() throws {
  let topics = try library.topics()
  #expect(topics.count >= 30)
  var seen: [String: String] = [:]
  for t in topics {
    for lang in Language.allCases {
      let d = t.definition[lang.rawValue]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
      #expect(d.count > 40, "\(t.name) has no \(lang.rawValue) definition")
    }
    #expect(Set(t.definition.keys).isSubset(of: Language.allCases.map(\.rawValue)), "\(t.name): unknown language")
    for r in t.related { #expect(try library.topic(r) != nil, "\(t.name): related topic \(r) does not exist") }
    #expect(!t.example.isEmpty, "\(t.name) has no example")
    for word in [t.name] + t.aliases {
      let key = TextLibrary.key(word)
      #expect(seen[key] == nil, "\(word) names both \(seen[key] ?? "") and \(t.name)")
      seen[key] = t.name
    }
  }
}

/// Every topic's example runs on the bundled data, and `explain` prints its result table.
@Test func everyExampleRuns() throws {
  let s = session()
  for t in try library.topics() {
    do {
      let out = try s.collect("explain \(t.name)")
      let tables = out.compactMap { o -> Table? in if case .table(let t) = o { return t } else { return nil } }
      #expect(tables.count == 1 && tables[0].rowCount > 0, "the example of \(t.name) gives no rows")
    } catch {
      Issue.record("the example of \(t.name) fails: \(error)")
    }
  }
}

/// Every registry entry and every phrase has an Italian and a Polish translation.
@Test(arguments: [Language.it, .pl])
func helpIsTranslated(_ lang: Language) throws {
  let texts = try library.help(lang)
  for e in Registry.all {
    let s = texts.summaries[HelpTexts.key(e.kind)]?[e.name] ?? ""
    #expect(!s.trimmingCharacters(in: .whitespaces).isEmpty, "no \(lang.rawValue) summary for \(e.kind.rawValue) \(e.name)")
  }
  for p in Phrase.allCases {
    #expect(!(texts.phrases[p.rawValue] ?? "").isEmpty, "no \(lang.rawValue) text for phrase \(p.rawValue)")
  }
}

/// `.lang it` makes help and explain Italian, `.lang pl` Polish, `.lang en` English again.
@Test func languageSwitchesHelpAndExplain() throws {
  let s = session()
  _ = try s.collect(".lang it")
  let help = try text(s, "help")
  #expect(help.contains("Istruzioni:") && help.contains("Modelli di attribuzione:"))
  #expect(help.contains("tiene le righe in cui il predicato è vero"))
  #expect(try text(s, "help markov").contains("markov (modello): basato sui dati"))
  let markov = try text(s, "explain markov")
  #expect(markov.contains("Il modello di Markov è basato sui dati") && markov.contains("Esempio: shop | attribute markov"))
  #expect(markov.contains("Vedi anche: "))
  _ = try s.collect(".lang pl")
  #expect(try text(s, "explain markov").contains("Model Markowa jest oparty na danych"))
  #expect(try text(s, "help").contains("Czasowniki:"))
  _ = try s.collect(".lang en")
  #expect(try text(s, "explain markov").contains("The Markov model is data-driven"))
  #expect(try text(s, "help").contains("Attribution models:"))
}

/// An unknown topic is an error on the topic with the nearest one; a relational verb points at help.
@Test func unknownTopicSuggests() throws {
  let s = session()
  #expect {
    try s.collect("explain marko")
  } throws: { e in
    let d = (e as? DiagnosticList)?.diagnostics.first
    return d?.message == "no explanation for \"marko\"" && d?.hint == "did you mean \"markov\"?"
  }
  #expect {
    try s.collect("explain where")
  } throws: { e in (e as? DiagnosticList)?.diagnostics.first?.hint == "try: help where" }
  let list = try text(s, "explain")
  #expect(list.contains("touchpoint") && list.contains("shapley") && list.contains("journeys"))
}
