/// What sort of token the lexer found.
///
/// Keywords (`and`, `where`, `agg`, …) are not token kinds: they are identifiers, and the
/// parser gives them meaning only where the grammar wants one (`Parser.swift`).
public enum TokenKind: Hashable, Sendable {
  /// A name: a table, column, verb, function or contextual keyword.
  case identifier
  /// An integer literal; its magnitude (up to 2^63) is in `Token.bits`.
  case integer
  /// A float literal (`1.5`, `1e3`, `.5`); its value is `Token.float`.
  case float
  /// A string literal; its decoded text is `Token.text`.
  case string
  /// A date literal `@2024-03-01`; days since 1970-01-01 in `Token.bits`.
  case date
  /// A time literal `@2024-03-01T10:00`; microseconds since the epoch in `Token.bits`.
  case timestamp
  /// A duration literal `30d 12h`; microseconds in `Token.bits`.
  case duration
  /// A whole dot-command line (`.mode csv`); its text, without the line break, is `Token.text`.
  case dotCommand
  /// `|`
  case pipe
  /// `,`
  case comma
  /// `.` outside a number or a dot command (only `help .mode` uses it).
  case dot
  /// `(`
  case leftParen
  /// `)`
  case rightParen
  /// `[`
  case leftBracket
  /// `]`
  case rightBracket
  /// `=`
  case assign
  /// `==`
  case equal
  /// `!=`
  case notEqual
  /// `<`
  case less
  /// `<=`
  case lessEqual
  /// `>`
  case greater
  /// `>=`
  case greaterEqual
  /// `+`
  case plus
  /// `-`
  case minus
  /// `*`
  case star
  /// `/`
  case slash
  /// `%`
  case percent
  /// `~`
  case tilde
  /// Text the lexer could not read (already diagnosed; the parser stays quiet about it).
  case invalid
  /// The end of a statement: a `;` or a line break that ends it.
  case end
  /// The end of the source.
  case eof

  /// The binary operator this token spells, if it is one of the symbol operators.
  var binaryOperator: BinaryOp? {
    switch self {
    case .plus: return .add
    case .minus: return .subtract
    case .star: return .multiply
    case .slash: return .divide
    case .percent: return .modulo
    case .equal: return .equal
    case .notEqual: return .notEqual
    case .less: return .less
    case .lessEqual: return .lessEqual
    case .greater: return .greater
    case .greaterEqual: return .greaterEqual
    case .tilde: return .matches
    default: return nil
    }
  }
}

/// One token of tq source text, with its span and decoded value.
///
/// Values are stored compactly: `text` holds the name of an identifier, the decoded
/// value of a string or the line of a dot command; `bits` holds the number of the
/// numeric and time kinds (see `TokenKind`).
public struct Token: Sendable {
  /// What sort of token it is.
  public var kind: TokenKind
  /// Where it is written.
  public var range: SourceRange
  /// The identifier's name, the string's decoded text, or the dot command's line.
  public var text: String
  /// The payload of numeric and time tokens (see `TokenKind`).
  public var bits: UInt64
  /// Whether the lexer reported an error inside this token (its statement is not run).
  public var hasError: Bool

  /// Creates a token.
  public init(_ kind: TokenKind, _ range: SourceRange, text: String = "", bits: UInt64 = 0, hasError: Bool = false) {
    self.kind = kind
    self.range = range
    self.text = text
    self.bits = bits
    self.hasError = hasError
  }

  /// The value of a `.float` token.
  public var float: Double { Double(bitPattern: bits) }

  /// The signed value of a `.date`, `.timestamp` or `.duration` token.
  public var signed: Int64 { Int64(bitPattern: bits) }

  /// Whether this is the identifier `word` (keywords are case-sensitive).
  public func isWord(_ word: String) -> Bool { kind == .identifier && text == word }

  /// Whether the token ends a statement (`;`, a line break, or the end of the source).
  public var isStatementEnd: Bool { kind == .end || kind == .eof }
}
