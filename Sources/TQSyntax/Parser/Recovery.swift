/// Wording helpers shared by the lexer and the parser: quoting and "did you mean" hints.
enum Recovery {
  /// Names longer than this get no "did you mean" (the edit distance is quadratic).
  static let longestSuggested = 64

  /// `text` in double quotes, shortened with `…` when long (a 1 MB name stays readable).
  static func quoted(_ text: String) -> String {
    var utf8Count = 0
    for _ in text.utf8 {
      utf8Count += 1
      if utf8Count > 160 { break }
    }
    if utf8Count <= 160, text.count <= 40 { return "\"\(text)\"" }
    return "\"\(text.prefix(32))…\""
  }

  /// `did you mean "x"?` for the candidate nearest to `word`, if any is near.
  static func hint(_ word: String, in candidates: [String]) -> String? {
    nearest(word, in: candidates).map { "did you mean \"\($0)\"?" }
  }

  /// The candidate nearest to `word`, if any is near (none for a very long word).
  static func nearest(_ word: String, in candidates: [String]) -> String? {
    guard word.utf8.count <= longestSuggested * 4, word.count <= longestSuggested else { return nil }
    return Suggest.nearest(word, in: candidates)
  }

  /// The keywords of expressions, which users sometimes type in capitals.
  static let operatorWords: Set<String> = ["and", "or", "not", "in", "like"]
}

extension ScriptParser {
  /// Whether the current token ends a pipeline: the statement's end, or `to` inside `save`.
  var atPipelineEnd: Bool { current.isStatementEnd || (stopAtTo && atWord("to")) }

  /// Whether the current token ends a stage: a `|` or the end of the pipeline.
  var atStageEnd: Bool { at(.pipe) || atPipelineEnd }

  /// Where a missing token belongs: the current token, or just after the previous one when
  /// the statement has ended (so the caret follows the last word instead of the line break).
  var missingRange: SourceRange {
    guard current.isStatementEnd else { return current.range }
    let end = pos > 0 ? previous.range.end : current.range.start
    return SourceRange(end, end)
  }

  /// Skips to the next `|` or the end of the pipeline (the stage-level recovery point).
  mutating func skipToStageEnd() {
    while !atStageEnd { pos += 1 }
  }

  /// Skips to the end of the statement.
  mutating func skipToStatementEnd() {
    while !current.isStatementEnd { pos += 1 }
  }

  /// Skips what is left of a too-deep expression: balanced brackets, stopping before a `)`
  /// or `]` that closes an outer level, a `|`, or the end of the statement.
  mutating func skipBalanced() {
    var open = 0
    while !current.isStatementEnd {
      switch current.kind {
      case .leftParen, .leftBracket: open += 1
      case .rightParen, .rightBracket:
        if open == 0 { return }
        open -= 1
      case .pipe:
        if open == 0 { return }
      default: break
      }
      pos += 1
    }
  }

  /// How a token is named in a message: `"where"`, `")"`, `string "abc"`, `end of input`.
  func describe(_ token: Token) -> String {
    switch token.kind {
    case .identifier: return Recovery.quoted(token.text)
    case .string: return "string \(Recovery.quoted(token.text))"
    case .dotCommand: return Recovery.quoted(String(token.text.prefix { !$0.isWhitespace }))
    case .end: return token.range.end > token.range.start ? "end of statement" : "end of input"
    case .eof: return "end of input"
    default: return Recovery.quoted(source.slice(token.range.start, min(token.range.end, token.range.start + 160)))
    }
  }

  /// Reports the current token as out of place after something complete.
  ///
  /// A verb gets `expected "|" before "where"`; a capitalised keyword (`AND`) gets a hint.
  mutating func reportUnexpected() {
    let token = current
    guard !token.isStatementEnd else { return }
    if atVerb() {
      fail("expected \"|\" before \(describe(token))", token.range)
      return
    }
    var hint: String?
    let word = Suggest.folded(token.text).lowercased()
    if token.kind == .identifier, Recovery.operatorWords.contains(word) {
      hint = "did you mean \"\(word)\"?"
    }
    fail("unexpected \(describe(token))", token.range, hint: hint)
  }

  /// Reports the current token where a pipeline wants a `|` or its end.
  ///
  /// A word near a verb is a stage missing its `|` (`people whre x`: `did you mean "| where"?`);
  /// inside `save`, a word near `to` is a misspelt `to`. Anything else is `reportUnexpected`.
  mutating func reportMissingPipe() {
    let token = current
    guard token.kind == .identifier, !atVerb() else { return reportUnexpected() }
    if stopAtTo, let hint = Recovery.hint(token.text, in: ["to"]) {
      return fail("unexpected \(describe(token))", token.range, hint: hint)
    }
    let word = Suggest.folded(token.text).lowercased()
    guard !Recovery.operatorWords.contains(word), let verb = Recovery.nearest(word, in: ScriptParser.verbCandidates)
    else { return reportUnexpected() }
    fail("expected \"|\" before \(describe(token))", token.range, hint: "did you mean \"| \(verb)\"?")
  }

  /// Reports the current token as an unknown option: `did you mean` the nearest of `options`,
  /// else the hint `otherwise` (`load "f.csv" frmat csv`: `did you mean "format"?`).
  mutating func unexpectedOption(among options: [String], otherwise: String?) {
    let token = current
    let near = token.kind == .identifier ? Recovery.hint(token.text, in: options) : nil
    fail("unexpected \(describe(token))", token.range, hint: near ?? otherwise)
  }

  /// `expected <what> after "<previous token>"` at the missing position.
  mutating func expected(_ what: String, hint: String? = nil) {
    fail("expected \(what) after \(describe(previous))", missingRange, hint: hint)
  }
}

/// A guard for parser loops: each turn must consume a token, or the loop stops.
struct LoopProgress {
  /// The parser's position at the previous check.
  private var last = -1

  /// Whether the parser moved since the previous call (always true on the first call).
  mutating func advanced(_ parser: ScriptParser) -> Bool {
    defer { last = parser.pos }
    return parser.pos > last
  }
}
