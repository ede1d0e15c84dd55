extension ScriptParser {
  /// The words that drive a lesson when written alone (`next`, `back`, `hint`, `answer`).
  static let lessonWords: [String: LessonCommand] = ["next": .next, "back": .back, "hint": .hint, "answer": .answer]

  /// Whether the statement at the current token is a lesson statement.
  ///
  /// The words are contextual: `next`, `back`, `hint` and `answer` only alone, `quit` only as
  /// `quit lesson`, `learn` and `reply` unless a `|` follows — so a table named `answer` still
  /// works as `answer | take 3`.
  var atLessonStatement: Bool {
    let word = current.text
    if ScriptParser.lessonWords[word] != nil { return peek().isStatementEnd }
    if word == "quit" { return peek().isWord("lesson") && peek(2).isStatementEnd }
    if word == "learn" || word == "reply" { return peek().kind != .pipe }
    return false
  }

  /// `learn [N|id]`, `learn reset N|id`, `next`, `back`, `hint`, `answer`, `reply TEXT`, `quit lesson`.
  mutating func parseLessonStatement() -> Statement.Kind? {
    let word = advance()
    if let command = ScriptParser.lessonWords[word.text] { return .lesson(command) }
    switch word.text {
    case "quit":
      advance()
      return .lesson(.quit)
    case "reply":
      guard let text = restOfStatement() else {
        return missing("your answer", hint: "write \"reply 4.7\" or \"reply facebook\"")
      }
      return .lesson(.reply(text))
    default:
      if current.isStatementEnd { return .lesson(.list) }
      if current.isWord("reset"), !peek().isStatementEnd {
        advance()
        return lessonName().map { .lesson(.reset($0)) }
      }
      return lessonName().map { .lesson(.start($0)) }
    }
  }

  /// A lesson's number or id, ending the statement.
  mutating func lessonName() -> Ident? {
    let token = current
    guard token.kind == .identifier || token.kind == .integer, peek().isStatementEnd else {
      fail("expected a lesson number or name", token.range, hint: "type learn for the list")
      return nil
    }
    advance()
    return Ident(token.kind == .integer ? String(token.bits) : token.text, token.range)
  }

  /// The rest of the statement as written (a lone quoted string: its text), or nil if empty.
  mutating func restOfStatement() -> StringLiteral? {
    let first = current, start = pos
    guard !first.isStatementEnd else { return nil }
    while !current.isStatementEnd { advance() }
    if first.kind == .string, pos == start + 1 { return StringLiteral(first.text, first.range) }
    let range = SourceRange(first.range.start, previous.range.end)
    return StringLiteral(source.slice(range.start, range.end), range)
  }
}
