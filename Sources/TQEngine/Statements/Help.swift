import TQSyntax

/// `help` and `help topic`, generated from the registry.
enum Help {
  /// The help text for a topic, or the overview.
  static func text(_ topic: Ident?, source: SourceFile) throws -> String {
    guard let topic else { return overview() }
    let name = topic.name.lowercased()
    let matches = Registry.all.filter { $0.name == name || $0.aliases.contains(name) }
    guard !matches.isEmpty else {
      let foreign = Registry.foreignWords[name].map { "did you mean \"\($0)\"?" }
      throw Diagnostic("no help for \"\(topic.name)\"", in: source, topic.range,
                       hint: foreign ?? Suggest.hint(name, in: Registry.all.flatMap { [$0.name] + $0.aliases }) ?? "type help for the list")
    }
    return matches.map { e in
      var s = "\(e.name) (\(e.kind.rawValue)): \(e.summary)\n  syntax:  \(e.syntax)\n  example: \(e.example)"
      if !e.aliases.isEmpty { s += "\n  also:    \(e.aliases.joined(separator: ", "))" }
      return s
    }.joined(separator: "\n\n") + "\n"
  }

  /// Every entry, grouped by kind, one line each.
  static func overview() -> String {
    var out = "tq: ask questions of customer touchpoints. A pipeline starts from a table and flows through verbs:\n"
    out += "  shop | where source_group == \"social\" | group persona agg n = count()\n"
    let headings: [(Registry.Entry.Kind, String)] = [
      (.statement, "Statements"), (.verb, "Verbs"), (.function, "Functions"), (.aggregate, "Aggregates"),
      (.model, "Attribution models"), (.dotCommand, "Dot commands"),
    ]
    for (kind, title) in headings {
      let entries = Registry.entries(kind)
      if entries.isEmpty { continue }
      out += "\n\(title):\n"
      let width = entries.map(\.syntax.count).max() ?? 0
      for e in entries {
        out += "  " + e.syntax + String(repeating: " ", count: max(1, min(width, 48) - e.syntax.count + 2)) + e.summary + "\n"
      }
    }
    out += "\nhelp <name> shows one entry with an example.\n"
    return out
  }
}
