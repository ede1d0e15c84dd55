import TQSyntax

/// `help` and `help topic`, generated from the registry, in the language of `texts`.
enum Help {
  /// The help text for a topic, or the overview.
  static func text(_ topic: Ident?, source: SourceFile, texts: HelpTexts = .english) throws -> String {
    guard let topic else { return overview(texts) }
    let name = topic.name.lowercased()
    let matches = Registry.all.filter { $0.name == name || $0.aliases.contains(name) }
    guard !matches.isEmpty else {
      let foreign = Registry.foreignWords[name].map { "did you mean \"\($0)\"?" }
      throw Diagnostic("no help for \"\(topic.name)\"", in: source, topic.range,
                       hint: foreign ?? Suggest.hint(name, in: Registry.all.flatMap { [$0.name] + $0.aliases }) ?? "type help for the list")
    }
    return matches.map { e in
      let labels = [Phrase.syntax, .example, .also].map(texts.phrase)
      let width = labels.map(\.count).max()! + 2
      func line(_ label: String, _ text: String) -> String {
        "\n  " + label + ":" + String(repeating: " ", count: width - label.count - 1) + text
      }
      var s = "\(e.name) (\(texts.kindName(e.kind))): \(texts.summary(e))" + line(labels[0], e.syntax) + line(labels[1], e.example)
      if !e.aliases.isEmpty { s += line(labels[2], e.aliases.joined(separator: ", ")) }
      return s
    }.joined(separator: "\n\n") + "\n"
  }

  /// Every entry, grouped by kind, one line each.
  static func overview(_ texts: HelpTexts) -> String {
    var out = texts.phrase(.intro) + "\n"
    out += "  shop | where source_group == \"social\" | group persona agg n = count()\n"
    let headings: [(Registry.Entry.Kind, Phrase)] = [
      (.statement, .statements), (.verb, .verbs), (.function, .functions), (.aggregate, .aggregates),
      (.model, .models), (.dotCommand, .dotCommands),
    ]
    for (kind, title) in headings {
      let entries = Registry.entries(kind)
      if entries.isEmpty { continue }
      out += "\n\(texts.phrase(title)):\n"
      let width = entries.map(\.syntax.count).max() ?? 0
      for e in entries {
        out += "  " + e.syntax + String(repeating: " ", count: max(1, min(width, 48) - e.syntax.count + 2)) + texts.summary(e) + "\n"
      }
    }
    out += "\n" + texts.phrase(.footer) + "\n"
    return out
  }
}
