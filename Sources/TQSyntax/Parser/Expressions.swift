extension ScriptParser {
  /// A level of left-associative infix operators, lowest first.
  enum InfixLevel {
    /// `or`
    case or
    /// `and`
    case and
    /// `+ -`
    case additive
    /// `* / %`
    case multiplicative
  }

  /// Parses an expression (the entry point: every nested expression comes through here).
  ///
  /// Precedence, lowest first: `or`; `and`; `not`; comparisons (`== != < <= > >=`, `in`,
  /// `not in`, `like`, `~`; non-associative); `+ -`; `* / %`; prefix `-`; primaries.
  mutating func parseExpr() -> Expr {
    depth += 1
    defer { depth -= 1 }
    if depth > ScriptParser.maxDepth { return tooDeep() }
    return parseInfix(.or)
  }

  /// Reports `expression nested too deeply` (once per statement) and skips the rest of it.
  mutating func tooDeep() -> Expr {
    let range = current.isStatementEnd ? missingRange : current.range
    if !tooDeepReported {
      tooDeepReported = true
      fail("expression nested too deeply", range, hint: "split it, e.g. with derive")
    }
    statementFailed = true
    recovering = true
    skipBalanced()
    return Expr(.missing, range)
  }

  /// The operator of `level` at the current token, if any.
  func infixOperator(_ level: InfixLevel) -> BinaryOp? {
    switch level {
    case .or: return atWord("or") ? .or : nil
    case .and: return atWord("and") ? .and : nil
    case .additive: return at(.plus) ? .add : at(.minus) ? .subtract : nil
    case .multiplicative: return at(.star) ? .multiply : at(.slash) ? .divide : at(.percent) ? .modulo : nil
    }
  }

  /// The operand parser of a level (the next level up).
  mutating func parseOperand(_ level: InfixLevel) -> Expr {
    switch level {
    case .or: return parseInfix(.and)
    case .and: return parseNot()
    case .additive: return parseInfix(.multiplicative)
    case .multiplicative: return parseUnary()
    }
  }

  /// Parses a left-associative chain `a op b op c`; each link counts as one level of depth.
  mutating func parseInfix(_ level: InfixLevel) -> Expr {
    var left = parseOperand(level)
    var links = 0
    defer { depth -= links }
    while let op = infixOperator(level) {
      advance()
      links += 1
      depth += 1
      if depth > ScriptParser.maxDepth { return tooDeep() }
      let right = parseOperand(level)
      left = Expr(.binary(op, left, right), left.range.union(right.range))
    }
    return left
  }

  /// `not x` (binds looser than comparisons: `not a == b` is `not (a == b)`).
  mutating func parseNot() -> Expr {
    guard let not = eatWord("not") else { return parseComparison() }
    depth += 1
    defer { depth -= 1 }
    if depth > ScriptParser.maxDepth { return tooDeep() }
    let operand = parseNot()
    return Expr(.unary(.not, operand), not.range.union(operand.range))
  }

  /// The comparison operator at the current token: a symbol, `like`, or `~`.
  func comparisonOperator() -> BinaryOp? {
    if atWord("like") { return .like }
    guard let op = current.kind.binaryOperator, op.isComparison || op == .matches else { return nil }
    return op
  }

  /// `a op b` for one comparison, `x [not] in [list]`, or `a` alone; a second comparison is an error.
  mutating func parseComparison() -> Expr {
    var left = parseInfix(.additive)
    var compared = false
    while true {
      let token = current
      let op: BinaryOp
      if let found = comparisonOperator() {
        op = found
      } else if at(.assign) {
        fail("use \"==\" to compare", token.range, hint: "did you mean \"==\"?")
        op = .equal
      } else if atWord("in") || (atWord("not") && peek().isWord("in")) {
        if compared { fail("comparisons cannot be chained", token.range, hint: "join them with \"and\"") }
        let negated = eatWord("not") != nil
        advance()
        let (items, end) = parseList()
        if !compared { left = Expr(.inList(left, items, negated: negated), SourceRange(left.range.start, end)) }
        compared = true
        continue
      } else {
        return left
      }
      if compared { fail("comparisons cannot be chained", token.range, hint: "join them with \"and\"") }
      advance()
      let right = parseInfix(.additive)
      if !compared { left = Expr(.binary(op, left, right), left.range.union(right.range)) }
      compared = true
    }
  }

  /// `[a, b, …]` after `in` (a trailing comma is allowed); returns the items and the end offset.
  mutating func parseList() -> ([Expr], Int) {
    guard let open = eat(.leftBracket) else {
      let hint = at(.leftParen) ? "tq writes lists in brackets: in [\"a\", \"b\"]" : nil
      expected("\"[\"", hint: hint)
      return ([], previous.range.end)
    }
    var items: [Expr] = []
    while !at(.rightBracket), !current.isStatementEnd, !at(.pipe) {
      items.append(parseExpr())
      if eat(.comma) == nil || recovering { break }
    }
    guard let close = eat(.rightBracket) else {
      fail("missing \"]\"", open.range)
      return (items, previous.range.end)
    }
    return (items, close.range.end)
  }

  /// `-x`; a minus directly before a number literal gives a negative literal (`-5`, `-30d`).
  mutating func parseUnary() -> Expr {
    guard let minus = eat(.minus) else { return parsePrimary() }
    let number = current
    switch number.kind {
    case .integer:
      advance()
      let value = number.bits > UInt64(Int64.max) ? Int64.min : -Int64(number.bits)
      return Expr(.literal(.int(value)), minus.range.union(number.range))
    case .float:
      advance()
      return Expr(.literal(.float(-number.float)), minus.range.union(number.range))
    case .duration:
      advance()
      return Expr(.literal(.duration(-number.signed)), minus.range.union(number.range))
    default:
      depth += 1
      defer { depth -= 1 }
      if depth > ScriptParser.maxDepth { return tooDeep() }
      let operand = parseUnary()
      return Expr(.unary(.negate, operand), minus.range.union(operand.range))
    }
  }

  /// A literal, a column, a call `f(a, b)`, or `(expr)`.
  mutating func parsePrimary() -> Expr {
    let token = current
    switch token.kind {
    case .integer:
      advance()
      if token.bits > UInt64(Int64.max) { fail("integer literal is too large", token.range) }
      return Expr(.literal(.int(Int64(clamping: token.bits))), token.range)
    case .float:
      advance()
      return Expr(.literal(.float(token.float)), token.range)
    case .string:
      advance()
      return Expr(.literal(.string(token.text)), token.range)
    case .date:
      advance()
      return Expr(.literal(.date(Int32(truncatingIfNeeded: token.signed))), token.range)
    case .timestamp:
      advance()
      return Expr(.literal(.timestamp(token.signed)), token.range)
    case .duration:
      advance()
      return Expr(.literal(.duration(token.signed)), token.range)
    case .identifier:
      switch token.text {
      case "true", "false":
        advance()
        return Expr(.literal(.bool(token.text == "true")), token.range)
      case "null":
        advance()
        return Expr(.literal(.null), token.range)
      case "and", "or", "not", "in", "like":
        return expectedExpression()
      default:
        advance()
        if at(.leftParen) { return parseCall(token) }
        return Expr(.column(token.text), token.range)
      }
    case .leftParen:
      let open = advance()
      let inner = parseExpr()
      guard let close = eat(.rightParen) else {
        fail("missing \")\"", open.range)
        return Expr(inner.kind, SourceRange(open.range.start, previous.range.end))
      }
      return Expr(inner.kind, open.range.union(close.range))
    case .leftBracket:
      fail("a list is only allowed after \"in\"", token.range)
      _ = parseList()
      return Expr(.missing, SourceRange(token.range.start, previous.range.end))
    default:
      return expectedExpression()
    }
  }

  /// Reports `expected an expression after "…"` and returns a placeholder.
  mutating func expectedExpression() -> Expr {
    let range = missingRange
    expected("an expression")
    return Expr(.missing, range)
  }

  /// `name(args, …)`, the name already consumed and the current token `(`.
  mutating func parseCall(_ name: Token) -> Expr {
    let open = advance()
    var arguments: [Expr] = []
    if at(.star), peek().kind == .rightParen {
      fail("unexpected \"*\"", current.range, hint: "did you mean \"\(Recovery.quoted(name.text).dropFirst().dropLast())()\"?")
    } else if !at(.rightParen) {
      repeat {
        arguments.append(parseExpr())
      } while eat(.comma) != nil && !recovering
    }
    let call = Expr.Kind.call(Ident(name.text, name.range), arguments)
    guard let close = eat(.rightParen) else {
      fail("missing \")\"", open.range)
      return Expr(call, SourceRange(name.range.start, previous.range.end))
    }
    return Expr(call, name.range.union(close.range))
  }
}
