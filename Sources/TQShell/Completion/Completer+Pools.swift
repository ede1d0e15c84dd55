import TQSyntax

extension Completer {
  /// Candidates after a statement's first word (`use `, `load "f" format `, `let x = `).
  func statementPool(_ statement: Registry.Entry, _ stage: [Token]) -> [Candidate] {
    let previous = stage.last
    let previousWord = Self.word(previous)
    if let w = previousWord, let choices = SyntaxWords.choices(after: w, in: statement) { return Vocabulary.keywords(choices) }
    let afterComma = previous?.kind == .comma
    switch statement.name {
    case "use", "describe":
      return stage.count == 1 ? vocabulary.tables : []
    case "drop":
      return stage.count == 1 || afterComma ? vocabulary.tables : []
    case "help":
      return stage.count == 1 ? Registry.Entry.Kind.allCases.flatMap { vocabulary.registry($0) } : []
    case "explain":
      return stage.count == 1 ? vocabulary.explainTopics : []
    case "let":
      if stage.count == 3, previous?.kind == .assign { return vocabulary.tables + vocabulary.registry(.verb) }
    case "save":
      if stage.count == 1 { return vocabulary.tables + vocabulary.registry(.verb) }
    case "load":
      if previousWord == "with" || (afterComma && stage.contains { Self.word($0) == "with" }) { return vocabulary.roles }
    default:
      break
    }
    return unusedKeywords(of: statement, in: stage)
  }

  /// Candidates inside a pipeline stage that starts with `verb`.
  func verbPool(_ verb: Registry.Entry, _ stages: [[Token]]) -> [Candidate] {
    let stage = stages[stages.count - 1]
    let previousWord = Self.word(stage.last)
    let statement = Self.word(stages[0].first).flatMap { Registry.lookup($0, kind: .statement) }
    for entry in [verb, statement].compactMap({ $0 }) {
      if let w = previousWord, let choices = SyntaxWords.choices(after: w, in: entry) { return Vocabulary.keywords(choices) }
    }
    if verb.name == "join", previousWord == "join" { return vocabulary.tables }
    if verb.name == "attribute" {
      let listing = stage.contains { Self.word($0) == "compare" } && stage.last?.kind == .comma
      if previousWord == "attribute" || previousWord == "compare" || listing {
        let compare = previousWord == "attribute" ? Vocabulary.keywords(["compare"]) : []
        return vocabulary.registry(.model) + compare
      }
    }
    var pool = columnsInScope(stages) + vocabulary.registry(.function) + unusedKeywords(of: verb, in: stage)
    if verb.name == "group" { pool += vocabulary.registry(.aggregate) }
    if let statement, statement.name == "save" { pool += unusedKeywords(of: statement, in: stages.flatMap { $0 }) }
    return pool
  }

  /// An entry's keywords not yet written in `tokens`.
  func unusedKeywords(of entry: Registry.Entry, in tokens: [Token]) -> [Candidate] {
    let used = Set(tokens.compactMap { Self.word($0) })
    return Vocabulary.keywords(SyntaxWords.keywords(of: entry).filter { !used.contains($0) })
  }

  /// The columns a stage can name: the source table's (the table in use when the pipeline
  /// starts with a verb), those of tables joined so far, and names defined by `name =`.
  func columnsInScope(_ stages: [[Token]]) -> [Candidate] {
    let source = sourceTable(stages[0])
    var names = (source ?? vocabulary.session.current).map { vocabulary.columns(of: $0) } ?? []
    for (i, stage) in stages.enumerated() where i > 0 || source == nil {
      if Self.verb(of: stage)?.name == "join", let j = stage.firstIndex(where: { Self.word($0) == "join" }),
        j + 1 < stage.count, stage[j + 1].kind == .identifier
      {
        names += vocabulary.columns(of: stage[j + 1].text)
      }
      for (k, t) in stage.enumerated().dropLast() where t.kind == .identifier && stage[k + 1].kind == .assign {
        names.append(t.text)
      }
    }
    return names.map { Candidate($0, .column) }
  }

  /// The table a pipeline reads: after `let x =`, after `save`, or its first word; `nil`
  /// when the pipeline starts with a verb (the table in use).
  func sourceTable(_ head: [Token]) -> String? {
    let first = Self.word(head.first)
    let index = first == "let" ? 3 : first == "save" ? 1 : 0
    guard index < head.count, head[index].kind == .identifier, vocabulary.isTable(head[index].text) else { return nil }
    return head[index].text
  }
}
