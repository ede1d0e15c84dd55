import TQStorage
import TQSyntax

extension Session {
  /// `explain [topic]`: a topic's definition in the session's language, its example run live
  /// on the bundled data (text, the result table, then the related topics); with no topic,
  /// the list of topics.
  func explain(_ topic: Ident?, source: SourceFile, emit: (Output) -> Void) throws {
    let texts = self.texts(for: settings.language)
    let all = try library.topics()
    guard let topic else { return emit(.text(Self.topicList(all, texts))) }
    guard let t = try library.topic(topic.name) else {
      let key = TextLibrary.key(topic.name)
      let names = all.flatMap { [$0.name] + $0.aliases }
      let help = Registry.lookup(topic.name).map { "try: help \($0.name)" }
      throw Diagnostic("no explanation for \"\(topic.name)\"", in: source, topic.range,
                       hint: Suggest.hint(key, in: names.map(TextLibrary.key)) ?? help ?? "explain lists the topics")
    }
    let kind = t.kind == .concept ? texts.phrase(.concept) : texts.phrase(t.kind == .verb ? .verb : .model)
    let definition = t.definition[settings.language.rawValue] ?? t.definition["en"] ?? ""
    var text = "\(t.name) (\(kind))\n" + TextWrap.wrap(definition, width: 88, indent: "  ") + "\n"
    text += "\n\(TextWrap.capitalized(texts.phrase(.example))): \(t.example)\n"
    emit(.text(text))
    emit(.table(try exampleResult(t)))
    if !t.related.isEmpty { emit(.text("\n\(texts.phrase(.related)): \(t.related.joined(separator: ", "))\n")) }
  }

  /// The result of a topic's example, run on the bundled data in a session of its own (so
  /// the user's tables, even one called `shop`, play no part).
  func exampleResult(_ t: ExplainTopic) throws -> Table {
    let examples = exampleSession
    examples.isCancelled = isCancelled
    let outputs = try examples.collect(t.example, name: "explain \(t.name)")
    for case .table(let table) in outputs.reversed() { return table }
    throw Diagnostic("the example of \"\(t.name)\" gives no table")
  }

  /// The help texts of a language, English when its file is missing or unreadable.
  func texts(for language: Language) -> HelpTexts {
    (try? library.help(language)) ?? .english
  }

  /// The topics by kind, one line of names each.
  static func topicList(_ topics: [ExplainTopic], _ texts: HelpTexts) -> String {
    var out = texts.phrase(.topics) + "\n"
    for (kind, title) in [(ExplainTopic.Kind.verb, Phrase.verbs), (.model, .models), (.concept, .concepts)] {
      let names = topics.filter { $0.kind == kind }.map(\.name)
      out += "\n\(texts.phrase(title)):\n" + TextWrap.wrap(names.joined(separator: ", "), width: 88, indent: "  ") + "\n"
    }
    return out + "\n" + texts.phrase(.explainFooter) + "\n"
  }
}
