extension ScriptParser {
  /// The one-word verb names and aliases (`order by` and `left join` are two words).
  static let verbWords: Set<String> = Set(Registry.names(.verb).filter { !$0.contains(" ") })
  /// The candidates for "did you mean" at a verb position.
  static let verbCandidates = Registry.names(.verb)

  /// Whether the current token starts a stage (`where`, `order by`, `left join`, …).
  func atVerb() -> Bool {
    guard current.kind == .identifier else { return false }
    if ScriptParser.verbWords.contains(current.text) { return true }
    if current.text == "order" { return peek().isWord("by") }
    if current.text == "left" { return peek().isWord("join") }
    return false
  }

  /// Parses `table ('|' stage)*` or `stage ('|' stage)*` (the table in use).
  ///
  /// Each stage recovers on its own: after an error the parser skips to the next `|`, so
  /// a bad stage is reported and the stages after it are still checked.
  mutating func parsePipeline() -> Pipeline? {
    let start = current.range.start
    var source: Ident?
    var stages: [Stage] = []
    if atVerb() {
      stages.append(parseStage())
    } else if let name = eat(.identifier) {
      source = Ident(name.text, name.range)
      if !atStageEnd { misplacedAfterSource(name) }
    } else {
      expected("a table name or a verb")
      return nil
    }
    var progress = LoopProgress()
    while !atPipelineEnd, progress.advanced(self) {
      guard let bar = eat(.pipe) else {
        if source == nil, stages.count == 1, atWord("from"), peek().kind == .identifier {
          let stage = excerpt(stages[0].range), table = peek().text.prefix(40)
          fail("unexpected \"from\"", current.range, hint: "did you mean \"\(table) | \(stage)\"?")
        } else {
          reportMissingPipe()
        }
        skipToStageEnd()
        continue
      }
      recovering = false
      let condition = atConditionAfterWhere(stages.last)  // `where a | b == 1`: `|` for "or"
      if current.kind == .identifier, !condition {
        stages.append(parseStage())
        continue
      }
      let doubled = at(.pipe) && current.range.start == bar.range.end && !stages.isEmpty
      fail("expected a verb after \"|\"", current.isStatementEnd || condition ? bar.range : current.range,
           hint: doubled || condition ? "did you mean \"or\"?" : nil)
      if doubled { advance() }  // `a || b`: the rest is the other operand, not a stage
      if !at(.pipe) || doubled { skipToStageEnd() }
    }
    return Pipeline(source: source, stages: stages, range: SourceRange(start, previous.range.end))
  }

  /// Whether the tokens after a `|` that follows a `where` continue its condition (`|` for
  /// "or"): `(`, `not`, or a word that is no verb followed by a comparison.
  func atConditionAfterWhere(_ stage: Stage?) -> Bool {
    guard let stage, stage.verb.name == "where" || stage.verb.name == "filter" else { return false }
    if at(.leftParen) || atWord("not") { return true }
    guard current.kind == .identifier, !atVerb(), verbHint(current.text) == nil else { return false }
    let next = peek()
    let comparison = next.kind.binaryOperator.map { $0.isComparison || $0 == .matches } ?? false
    return comparison || next.kind == .assign || next.isWord("in") || next.isWord("like")
  }

  /// The source text of a range, shortened for a hint.
  func excerpt(_ range: SourceRange) -> String {
    let text = source.slice(range.start, min(range.end, range.start + 240))
    return text.count > 60 ? String(text.prefix(60)) + "…" : text
  }

  /// Reports what follows a table name when it is not `|`: the name was probably a verb.
  mutating func misplacedAfterSource(_ name: Token) {
    let first = pos - 1 == statementStart
    if Suggest.folded(name.text).lowercased() == "from", current.kind == .identifier, let rest = written(from: pos) {
      fail("unexpected \(describe(name))", name.range, hint: "did you mean \"\(rest)\"?")
    } else if let hint = verbHint(name.text) {
      fail("unknown verb \(Recovery.quoted(name.text))", name.range, hint: hint)
    } else if first, let hint = Recovery.hint(name.text, in: ScriptParser.statementWords) {
      fail("unknown statement \(Recovery.quoted(name.text))", name.range, hint: hint)
    } else if first, at(.assign) {
      fail("unexpected \"=\"", current.range, hint: "did you mean \"let \(name.text.prefix(40)) = …\"?")
    } else {
      reportMissingPipe()
    }
    skipToStageEnd()
  }

  /// The hint for a word in verb position: tq's verb for another language's word, or the nearest verb.
  func verbHint(_ word: String) -> String? {
    if let verb = Registry.foreignWords[Suggest.folded(word).lowercased()] { return "did you mean \"\(verb)\"?" }
    return Recovery.hint(word, in: ScriptParser.verbCandidates)
  }

  /// Parses one stage, starting at its verb; a stage with an error becomes `.invalid`.
  mutating func parseStage() -> Stage {
    recovering = false
    let first = advance()
    var verb = Ident(first.text, first.range)
    var kind: Stage.Kind
    switch first.text {
    case "where", "filter":
      kind = .where_(parseExpr())
    case "select":
      kind = .select(parseProjections(requireName: false))
    case "derive":
      kind = .derive(parseProjections(requireName: true))
    case "group":
      kind = parseGroup()
    case "sort":
      kind = .sort(parseSortKeys(verb: first))
    case "order" where atWord("by"):
      verb = Ident("order by", first.range.union(advance().range))
      kind = .sort(parseSortKeys(verb: previous))
    case "take", "limit":
      kind = parseTake()
    case "distinct":
      kind = .distinct(parseNames(what: "a column name", optional: true))
    case "join":
      kind = parseJoin(left: false)
    case "left" where atWord("join"):
      verb = Ident("left join", first.range.union(advance().range))
      kind = parseJoin(left: true)
    case "rename":
      kind = parseRenames()
    case let word where Registry.isJourneyVerb(word):
      kind = parseJourneyStage(JourneyStage.Verb(rawValue: word)!)
    default:
      fail("unknown verb \(Recovery.quoted(first.text))", first.range, hint: verbHint(first.text))
      kind = .invalid
    }
    if recovering {
      skipToStageEnd()
      kind = .invalid
    }
    return Stage(verb: verb, kind: kind, range: SourceRange(first.range.start, previous.range.end))
  }

  /// `proj, …` where proj is `name = expr` or `expr` (`requireName`: derive's form only).
  mutating func parseProjections(requireName: Bool) -> [Projection] {
    var items: [Projection] = []
    if atStageEnd {
      expected(requireName ? "\"name = expr\"" : "a column")
      return items
    }
    repeat {
      if let star = eat(.star) {
        fail("select * is not needed: a pipeline keeps all columns unless you select some", star.range)
        return items
      }
      var name: Ident?
      if at(.identifier), peek().kind == .assign {
        name = eatName()
        advance()
      }
      let expr = parseExpr()
      if name == nil, requireName {
        fail("derive needs a name: write \"name = expr\"", expr.range)
      }
      if name == nil, atWord("as"), peek().kind == .identifier {
        let alias = peek().text.prefix(40), written = source.text(of: expr.range).prefix(40)
        fail("unexpected \"as\": tq writes \"\(alias) = \(written)\"", current.range,
             hint: "did you mean \"\(alias) = \(written)\"?")
      }
      items.append(Projection(name: name, expr: expr))
    } while eat(.comma) != nil && !recovering
    return items
  }

  /// `group keys [agg aggregates]`; rejects SQL's `group by`.
  mutating func parseGroup() -> Stage.Kind {
    if let by = current.isWord("by") && peek().kind == .identifier && peek(2).kind != .assign ? current : nil {
      let written = writtenUntilStageEnd(from: pos + 1, stopAt: "agg")
      fail("unexpected \"by\": tq writes \"group \(written)\"", by.range, hint: "did you mean \"group \(written)\"?")
      return .invalid
    }
    var keys: [Projection] = []
    if !atWord("agg"), !atStageEnd { keys = parseProjections(requireName: false) }
    var aggregates: [Projection] = []
    if eatWord("agg") != nil { aggregates = parseProjections(requireName: false) }
    return .group(keys: keys, aggregates: aggregates)
  }

  /// The source text of the tokens from `index` up to the stage's end or `word` (for hints).
  func writtenUntilStageEnd(from index: Int, stopAt word: String) -> String {
    written(from: index) { $0.kind == .pipe || $0.isWord(word) } ?? "column"
  }

  /// The source text of the tokens from `index` up to the pipeline's end or a token that
  /// `stops` it (for hints); `nil` when there is none.
  func written(from index: Int, until stops: (Token) -> Bool = { _ in false }) -> String? {
    var last = index
    while last < tokens.count, !tokens[last].isStatementEnd, !stops(tokens[last]), !(stopAtTo && tokens[last].isWord("to")) {
      last += 1
    }
    guard last > index else { return nil }
    return excerpt(SourceRange(tokens[index].range.start, tokens[last - 1].range.end))
  }

  /// `key, …` where key is `-expr` (descending) or `expr [desc|asc]`.
  mutating func parseSortKeys(verb: Token) -> [SortKey] {
    if verb.isWord("sort"), atWord("by"), peek().kind == .identifier || peek().kind == .minus {
      let written = writtenUntilStageEnd(from: pos + 1, stopAt: "")
      fail("unexpected \"by\": tq writes \"sort \(written)\"", current.range, hint: "did you mean \"sort \(written)\"?")
      return []
    }
    var keys: [SortKey] = []
    if atStageEnd {
      expected("a column")
      return keys
    }
    repeat {
      var descending = eat(.minus) != nil
      let expr = parseExpr()
      if eatWord("desc") != nil { descending = true } else if eatWord("asc") != nil { descending = false }
      keys.append(SortKey(expr: expr, descending: descending))
    } while eat(.comma) != nil && !recovering
    return keys
  }

  /// `take N` / `limit N`: a whole number, 0 or more.
  mutating func parseTake() -> Stage.Kind {
    let verb = previous.text
    if let count = eat(.integer) {
      guard count.bits <= UInt64(Int64.max) else {
        fail("integer literal is too large", count.range)
        return .invalid
      }
      return .take(IntLiteral(Int64(count.bits), count.range))
    }
    if at(.minus), peek().kind == .integer || peek().kind == .float {
      fail("\(verb) needs a count of 0 or more", current.range.union(peek().range))
    } else if at(.float) {
      fail("\(verb) needs a whole number", current.range)
    } else {
      expected("a count")
    }
    return .invalid
  }

  /// `name, …` (`optional`: the list may be empty, as in `distinct`).
  mutating func parseNames(what: String, optional: Bool) -> [Ident] {
    var names: [Ident] = []
    if optional, atStageEnd { return names }
    repeat {
      guard let name = eatName() else {
        expected(what)
        return names
      }
      names.append(name)
    } while eat(.comma) != nil
    return names
  }

  /// `join table on col, …` (after `join` or `left join`).
  mutating func parseJoin(left: Bool) -> Stage.Kind {
    guard let table = eatName() else {
      expected("a table name")
      return .invalid
    }
    guard eatWord("on") != nil else {
      fail("expected \"on\" and the columns to match after \(Recovery.quoted(table.name))", missingRange,
           hint: "write \"join \(table.name.prefix(40)) on column\"")
      return .invalid
    }
    return .join(table: table, on: parseNames(what: "a column name", optional: false), left: left)
  }

  /// `rename new = old, …`.
  mutating func parseRenames() -> Stage.Kind {
    var renames: [Rename] = []
    repeat {
      guard let new = eatName() else {
        expected("\"new = old\"")
        return .invalid
      }
      guard eat(.assign) != nil else {
        expected("\"=\"", hint: "write \"\(new.name.prefix(40)) = old_name\"")
        return .invalid
      }
      guard let old = eatName() else {
        expected("a column name")
        return .invalid
      }
      renames.append(Rename(new: new, old: old))
    } while eat(.comma) != nil
    return .rename(renames)
  }
}
