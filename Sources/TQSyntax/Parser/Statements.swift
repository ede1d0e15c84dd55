extension ScriptParser {
  /// The words that start a statement other than a pipeline.
  static let statementWords = Registry.names(.statement)

  /// Parses every statement up to the end of the source.
  ///
  /// A statement is kept only when neither the lexer nor the parser found an error in it.
  mutating func parseScript() -> [Statement] {
    var statements: [Statement] = []
    while current.kind != .eof {
      if current.kind == .end {
        pos += 1
        continue
      }
      let first = pos
      statementStart = pos
      recovering = false
      statementFailed = false
      tooDeepReported = false
      depth = 0
      stopAtTo = false
      let kind = parseStatement()
      if !current.isStatementEnd {
        reportUnexpected()
        skipToStatementEnd()
      }
      if pos == first { pos += 1 }  // cannot happen; keeps the loop finite regardless
      let range = SourceRange(tokens[first].range.start, tokens[pos - 1].range.end)
      let lexerFailed = tokens[first..<pos].contains { $0.hasError }
      if let kind, !statementFailed, !lexerFailed { statements.append(Statement(kind, range)) }
      if current.kind == .end { pos += 1 }
    }
    return statements
  }

  /// Parses one statement, starting at its first token.
  mutating func parseStatement() -> Statement.Kind? {
    let token = current
    switch token.kind {
    case .dotCommand:
      advance()
      return ScriptParser.dotCommand(token)
    case .identifier:
      switch token.text {
      case "load": return parseLoad()
      case "use": return parseUse()
      case "tables":
        advance()
        return .tables
      case "describe":
        advance()
        return .describe(eatName())
      case "let": return parseLet()
      case "drop": return parseDrop()
      case "save": return parseSave()
      case "run":
        advance()
        guard let path = eat(.string) else { return missing("a file name in quotes") }
        return .run(StringLiteral(path.text, path.range))
      case "help": return parseHelp()
      case "generate": return parseGenerate()
      case "explain": return parseExplain()
      default:
        if atLessonStatement { return parseLessonStatement() }
        return parsePipeline().map { .query($0) }
      }
    case .pipe:
      fail(
        "unexpected \"|\" at the start of a statement: a pipeline starts with a table name or a verb", token.range)
    case .string:
      fail("unexpected \(describe(token)) at the start of a statement", token.range,
           hint: "did you mean \"load \(source.slice(token.range.start, min(token.range.end, token.range.start + 80)))\"?")
    default:
      fail("unexpected \(describe(token)) at the start of a statement", token.range)
    }
    skipToStatementEnd()
    return nil
  }

  /// Reports `expected <what> after …` and gives up the statement.
  mutating func missing(_ what: String, hint: String? = nil) -> Statement.Kind? {
    expected(what, hint: hint)
    return nil
  }

  /// Consumes an identifier as a name, if there is one.
  mutating func eatName() -> Ident? {
    eat(.identifier).map { Ident($0.text, $0.range) }
  }

  /// `load "file" [as name] [format f] [with role = column, …]`, options in any order.
  mutating func parseLoad() -> Statement.Kind? {
    advance()
    guard let path = eat(.string) else { return missing("a file name in quotes") }
    var name: Ident?, format: Ident?, roles: [RoleBinding]?
    var progress = LoopProgress()
    while !current.isStatementEnd, progress.advanced(self) {
      let option = current
      switch option.kind == .identifier ? option.text : "" {
      case "as", "format":
        if (option.text == "as" ? name : format) != nil { fail("\"\(option.text)\" is given twice", option.range) }
        advance()
        guard let value = eatName() else {
          return missing(option.text == "as" ? "a table name" : "a format name")
        }
        if option.text == "as" { name = value } else { format = value }
      case "with":
        if roles != nil { fail("\"with\" is given twice", option.range) }
        advance()
        roles = parseRoleBindings()
      default:
        unexpectedOption(among: ["as", "format", "with"], otherwise: "load takes \"as name\", \"format f\" and \"with role = column\"")
        return nil
      }
    }
    return .load(path: StringLiteral(path.text, path.range), name: name, format: format, roles: roles ?? [])
  }

  /// `role = column, …` after `with` (a column may be a quoted name).
  mutating func parseRoleBindings() -> [RoleBinding] {
    var roles: [RoleBinding] = []
    repeat {
      guard let role = eatName() else {
        expected("a role", hint: "write \"with journey = customer_id\"")
        return roles
      }
      guard eat(.assign) != nil else {
        expected("\"=\"", hint: "write \"\(role.name) = column\"")
        return roles
      }
      if let column = eatName() {
        roles.append(RoleBinding(role: role, column: column))
      } else if let quoted = eat(.string) {
        roles.append(RoleBinding(role: role, column: Ident(quoted.text, quoted.range)))
      } else {
        expected("a column name")
        return roles
      }
    } while eat(.comma) != nil
    return roles
  }

  /// `use name`.
  mutating func parseUse() -> Statement.Kind? {
    advance()
    guard let name = eatName() else { return missing("a table name") }
    return .use(name)
  }

  /// `let name = pipeline`.
  mutating func parseLet() -> Statement.Kind? {
    advance()
    guard let name = eatName() else { return missing("a name") }
    guard eat(.assign) != nil else {
      fail("expected \"=\" after \"let \(name.name.prefix(40))\"", missingRange, hint: "write \"let \(name.name.prefix(40)) = table | …\"")
      return nil
    }
    return parsePipeline().map { .let_(name: name, pipeline: $0) }
  }

  /// `drop name, …`.
  mutating func parseDrop() -> Statement.Kind? {
    advance()
    var names: [Ident] = []
    repeat {
      guard let name = eatName() else { return missing("a table name") }
      names.append(name)
    } while eat(.comma) != nil
    return .drop(names)
  }

  /// `save pipeline to "file" [format f]`.
  mutating func parseSave() -> Statement.Kind? {
    advance()
    stopAtTo = true
    let pipeline = parsePipeline()
    stopAtTo = false
    guard eatWord("to") != nil else {
      if !statementFailed { fail("expected \"to\" and a file name after the pipeline", missingRange) }
      return nil
    }
    guard let path = eat(.string) else { return missing("a file name in quotes") }
    var format: Ident?
    if eatWord("format") != nil {
      guard let name = eatName() else { return missing("a format name") }
      format = name
    } else if !current.isStatementEnd {
      unexpectedOption(among: ["format"], otherwise: "save takes \"format f\" after the file name")
      return nil
    }
    guard let pipeline else { return nil }
    return .save(pipeline: pipeline, path: StringLiteral(path.text, path.range), format: format)
  }

  /// `help [topic]`: the rest of the statement's words (`help order by`, `help .mode`).
  mutating func parseHelp() -> Statement.Kind? {
    advance()
    return parseTopic(Statement.Kind.help)
  }

  /// `generate what N [seed S] [effects [channel = p, …]] [as name]`, options in any order.
  mutating func parseGenerate() -> Statement.Kind? {
    advance()
    guard let what = eatName() else {
      return missing("what to generate", hint: "write \"generate journeys 1000\"")
    }
    guard let count = eatCount() else { return missing("a count") }
    var seed: IntLiteral?, name: Ident?, effects: [ChannelEffect]?
    var progress = LoopProgress()
    while !current.isStatementEnd, progress.advanced(self) {
      let option = current
      if option.isWord("seed") {
        if seed != nil { fail("\"seed\" is given twice", option.range) }
        advance()
        guard let value = eatCount() else { return missing("a number") }
        seed = value
      } else if option.isWord("as") {
        if name != nil { fail("\"as\" is given twice", option.range) }
        advance()
        guard let value = eatName() else { return missing("a table name") }
        name = value
      } else if option.isWord("effects") {
        if effects != nil { fail("\"effects\" is given twice", option.range) }
        advance()
        guard let list = parseChannelEffects() else { return nil }
        effects = list
      } else {
        unexpectedOption(among: ["seed", "effects", "as"], otherwise: "generate takes \"seed N\", \"effects [channel = p, …]\" and \"as name\"")
        return nil
      }
    }
    return .generate(what: what, count: count, seed: seed, effects: effects ?? [], name: name)
  }

  /// Consumes a non-negative integer literal, if there is one.
  mutating func eatCount() -> IntLiteral? {
    guard let token = eat(.integer) else { return nil }
    if token.bits > UInt64(Int64.max) { fail("integer literal is too large", token.range) }
    return IntLiteral(Int64(clamping: token.bits), token.range)
  }

  /// A dot-command line as a statement: its name (`.mode`) and its arguments.
  static func dotCommand(_ token: Token) -> Statement.Kind {
    let (name, arguments) = splitDotCommand(token.text, at: token.range.start)
    return .dotCommand(name: name, arguments: arguments)
  }

  /// Splits a dot-command line written at offset `base` into its name and its arguments,
  /// each with its span (a quoted argument's span includes its quotes).
  ///
  /// Arguments are split on blanks; quotes (`"…"` or `'…'`) group blanks into one argument
  /// and are removed; an unquoted `#` at the start of an argument begins a comment.
  static func splitDotCommand(_ line: String, at base: Int) -> (name: Ident, arguments: [StringLiteral]) {
    var scalars = line.unicodeScalars[...]
    var name = ""
    if scalars.first == "." {
      name.unicodeScalars.append(".")
      scalars = scalars.dropFirst()
    }
    while let s = scalars.first, s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" || s == "-" {
      name.unicodeScalars.append(s)
      scalars = scalars.dropFirst()
    }
    var arguments: [StringLiteral] = []
    var text = ""
    var start: Int?  // where the argument being read starts, if one is
    var quote: Unicode.Scalar?
    var offset = base + name.utf8.count
    for s in scalars {
      let at = offset
      offset += s.utf8.count
      if let q = quote {
        if s == q { quote = nil } else { text.unicodeScalars.append(s) }
      } else if s == " " || s == "\t" || s == "\r" || s.properties.generalCategory == .spaceSeparator {
        if let start { arguments.append(StringLiteral(text, SourceRange(start, at))) }
        text = ""
        start = nil
      } else if s == "#", start == nil {
        break
      } else {
        if s == "\"" || s == "'" { quote = s } else { text.unicodeScalars.append(s) }
        start = start ?? at
      }
    }
    if let start { arguments.append(StringLiteral(text, SourceRange(start, offset))) }
    return (Ident(name, SourceRange(base, base + name.utf8.count)), arguments)
  }
}
