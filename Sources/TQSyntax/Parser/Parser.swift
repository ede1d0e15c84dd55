/// Parses tq source text into a `Script`, reporting every problem it finds.
///
/// ## Design
///
/// - **Two passes, one direction.** `Lexer` turns the whole source into tokens first and
///   decides where statements end (`.end` tokens; see `Lexer` for the continuation rules).
///   The parser then walks the token array with one token of lookahead (`peek`), so
///   both passes are linear in the size of the source.
/// - **Recursive descent, one function per node kind**, in files named for what they parse:
///   `Statements.swift` (statements and dot commands), `Stages.swift` (the pipeline and its
///   verbs), `Expressions.swift` (expressions by precedence), `Recovery.swift` (skipping,
///   hints, message wording). Functions that consume tokens are `mutating`; predicates
///   (`at`, `atWord`, `atVerb`) are not.
/// - **Keywords are contextual.** The lexer knows no keywords; `where`, `and`, `agg`, `to`
///   are identifiers that mean something only where the grammar asks for them, so a column
///   may be called `format` or `seed`.
/// - **The parser never throws and never traps.** An error is recorded with `fail`, which
///   also puts the parser in *recovery*: further errors are suppressed until it resumes at
///   the next `|` (`skipToStageEnd`) or the next statement. So each stage reports at most one
///   error, and errors in several stages or statements are all reported. An error at a token
///   the lexer already reported (`.invalid`) is not repeated.
/// - **Bounded.** Every loop consumes a token per turn or stops. Expression nesting (parentheses,
///   prefix operators and chains of infix operators alike) is capped at `maxDepth`, so the
///   recursion, and the trees the executor walks later, stay shallow whatever the input.
/// - **Only clean statements are returned.** A statement with any error (the lexer's or the
///   parser's) is dropped from the `Script`, so the executor never sees a `.missing`
///   expression or an `.invalid` stage; the diagnostics say what was wrong.
public enum Parser {
  /// Parses a source into its statements and all the diagnostics found.
  ///
  /// - Parameter source: The text to parse (a script, a `-c` argument, a prompt entry).
  /// - Returns: The statements that parsed cleanly, in order, and every diagnostic of the
  ///   lexer and the parser in source order. The script is complete exactly when the
  ///   diagnostics are empty.
  public static func parse(_ source: SourceFile) -> (Script, [Diagnostic]) {
    let (tokens, lexed) = Lexer.tokenize(source)
    var parser = ScriptParser(source: source, tokens: tokens)
    let statements = parser.parseScript()
    return (Script(statements: statements), merge(lexed, parser.diagnostics))
  }

  /// Parses a source holding exactly one expression (lessons, tests, tools).
  ///
  /// - Returns: The expression, or `nil` when there were errors, and the diagnostics.
  public static func parseExpression(_ source: SourceFile) -> (Expr?, [Diagnostic]) {
    let (tokens, lexed) = Lexer.tokenize(source)
    var parser = ScriptParser(source: source, tokens: tokens)
    while parser.current.kind == .end { parser.pos += 1 }
    let expr = parser.parseExpr()
    if !parser.current.isStatementEnd { parser.reportUnexpected() }
    if parser.current.kind == .end, parser.peek().kind != .eof {
      parser.fail("expected one expression", parser.peek().range)
    }
    let failed = parser.statementFailed || tokens.contains { $0.hasError }
    return (failed ? nil : expr, merge(lexed, parser.diagnostics))
  }

  /// Both lists of diagnostics in source order (stable for equal positions).
  static func merge(_ a: [Diagnostic], _ b: [Diagnostic]) -> [Diagnostic] {
    /// Where a diagnostic starts (0 for one without a source range).
    func start(_ d: Diagnostic) -> Int {
      if case .source(_, let range) = d.location { return range.start }
      return 0
    }
    guard !a.isEmpty, !b.isEmpty else { return a + b }
    return (a + b).enumerated().sorted { (start($0.1), $0.0) < (start($1.1), $1.0) }.map(\.1)
  }
}

/// The state of one parse: the tokens, the position, the diagnostics and the recovery flags.
struct ScriptParser {
  /// The deepest expression nesting accepted (`expression nested too deeply` beyond).
  static let maxDepth = 200

  /// The source, for diagnostics.
  let source: SourceFile
  /// All tokens; the last one is `.eof`.
  let tokens: [Token]
  /// The index of the current token.
  var pos = 0
  /// The parser's diagnostics, in the order found.
  var diagnostics: [Diagnostic] = []
  /// Set by `fail` until the parser resumes at a `|` or a statement: errors are suppressed.
  var recovering = false
  /// Whether the statement being parsed has an error (it will be dropped).
  var statementFailed = false
  /// The index of the current statement's first token.
  var statementStart = 0
  /// Whether `expression nested too deeply` was reported in this statement.
  var tooDeepReported = false
  /// The current expression nesting depth.
  var depth = 0
  /// Whether the pipeline being parsed belongs to `save` and so ends before `to`.
  var stopAtTo = false

  /// Creates a parser over the lexer's tokens (which must end with `.eof`).
  init(source: SourceFile, tokens: [Token]) {
    self.source = source
    self.tokens = tokens.isEmpty ? [Token(.eof, SourceRange(0, 0))] : tokens
  }

  /// The token at the current position.
  var current: Token { tokens[pos] }

  /// The token before the current one (the last consumed).
  var previous: Token { tokens[max(0, pos - 1)] }

  /// The token `k` places ahead (the `.eof` token past the end).
  func peek(_ k: Int = 1) -> Token { tokens[min(pos + k, tokens.count - 1)] }

  /// Whether the current token is of a kind.
  func at(_ kind: TokenKind) -> Bool { current.kind == kind }

  /// Whether the current token is the identifier `word`.
  func atWord(_ word: String) -> Bool { current.isWord(word) }

  /// Consumes the current token and returns it; never moves past the end of a statement.
  @discardableResult
  mutating func advance() -> Token {
    let token = current
    if !token.isStatementEnd { pos += 1 }
    return token
  }

  /// Consumes the current token if it is of a kind.
  mutating func eat(_ kind: TokenKind) -> Token? { at(kind) ? advance() : nil }

  /// Consumes the current token if it is the identifier `word`.
  mutating func eatWord(_ word: String) -> Token? { atWord(word) ? advance() : nil }

  /// Records an error and enters recovery (no-op while already recovering).
  ///
  /// The statement is marked failed either way. An error found at an `.invalid` token is
  /// not recorded: the lexer has already said what is wrong there.
  mutating func fail(_ message: String, _ range: SourceRange, hint: String? = nil) {
    statementFailed = true
    if recovering { return }
    recovering = true
    if current.kind == .invalid { return }
    diagnostics.append(Diagnostic(message, in: source, range, hint: hint))
  }
}
