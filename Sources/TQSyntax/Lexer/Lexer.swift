/// Turns tq source text into tokens, deciding where statements end.
///
/// The lexer works on the UTF-8 bytes of the source in one forward pass (linear time, no
/// backtracking beyond a few bytes) and never fails: text it cannot read becomes an
/// `.invalid` token plus a diagnostic, and a token with a problem inside (a bad escape, an
/// integer that is too large) keeps its kind but has `hasError` set.
///
/// Statement ends are decided here, so the parser only sees `.end` tokens. A line break
/// ends the statement unless
/// - the statement is empty (blank lines, comment lines),
/// - a `(` or `[` is still open,
/// - the last token of the line is `|` or `,`, or
/// - the next token, on a later line, is `|` (a script's continuation line).
///
/// A `;` always ends the statement. A line whose first token would start with `.` and a
/// name is a dot command: the whole line is one `.dotCommand` token, ended by its line break.
public struct Lexer {
  /// The source, for diagnostics.
  let source: SourceFile
  /// The source's UTF-8 bytes (valid only during `tokenize`).
  let bytes: UnsafeBufferPointer<UInt8>
  /// The offset of the next byte to read.
  var pos = 0
  /// The tokens so far.
  var tokens: [Token] = []
  /// The problems found so far, in source order.
  var diagnostics: [Diagnostic] = []
  /// The number of `(` and `[` still open in the current statement.
  var depth = 0
  /// The kind of the current statement's last token; `nil` while the statement is empty.
  var last: TokenKind?
  /// A line break that ends the statement unless the next token is `|`.
  var pendingEnd: Int?

  /// Creates a lexer over the bytes of `source`.
  init(source: SourceFile, bytes: UnsafeBufferPointer<UInt8>) {
    self.source = source
    self.bytes = bytes
  }

  /// The tokens of a source, ending with `.eof`, and the problems found on the way.
  ///
  /// - Parameter source: The text to read.
  /// - Returns: Every token in order (each statement closed by an `.end` token, the last
  ///   token `.eof`) and the diagnostics in source order.
  public static func tokenize(_ source: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic]) {
    var text = source.text
    return text.withUTF8 { buffer in
      var lexer = Lexer(source: source, bytes: buffer)
      lexer.run()
      lexer.finish()
      return (lexer.tokens, lexer.diagnostics)
    }
  }

  /// Whether text typed so far leaves its last statement open and needs another line.
  ///
  /// True when the text ends in `|` or `,` (comments and blanks aside), or with a `(` or
  /// `[` still open. The shell uses it to show its `..> ` prompt.
  public static func needsMoreInput(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { buffer in
      var lexer = Lexer(source: SourceFile(name: "", text: ""), bytes: buffer)
      lexer.run()
      return lexer.pendingEnd == nil && (lexer.depth > 0 || lexer.last == .pipe || lexer.last == .comma)
    }
  }

  /// Reads the whole text.
  mutating func run() {
    let n = bytes.count
    while pos < n {
      let b = bytes[pos]
      switch b {
      case 0x20, 0x09, 0x0D:
        pos += 1
      case 0x0A:
        lineBreak()
        pos += 1
      case UInt8(ascii: "#"):
        while pos < n, bytes[pos] != 0x0A { pos += 1 }
      default:
        if b >= 0x80 {
          let (scalar, length) = scalar(at: pos)
          if scalar.properties.generalCategory == .spaceSeparator {
            pos += length
            continue
          }
        }
        resolvePendingEnd()
        if b == UInt8(ascii: ";") {
          endStatement(SourceRange(pos, pos + 1))
          pos += 1
        } else if last == nil, b == UInt8(ascii: "."), pos + 1 < n, Lexer.isNameStart(bytes[pos + 1]) {
          lexDotCommand()
        } else {
          lexToken()
        }
      }
    }
  }

  /// Closes the last statement and appends `.eof`.
  mutating func finish() {
    let n = bytes.count
    if let p = pendingEnd {
      pendingEnd = nil
      endStatement(SourceRange(p, p + 1))
    } else {
      endStatement(SourceRange(n, n))
    }
    tokens.append(Token(.eof, SourceRange(n, n)))
  }

  /// Notes a line break: it ends the statement unless something says it continues.
  mutating func lineBreak() {
    guard let last, depth == 0, last != .pipe, last != .comma else { return }
    if pendingEnd == nil { pendingEnd = pos }
  }

  /// Before a token: ends the statement at a pending line break unless the token is `|`.
  mutating func resolvePendingEnd() {
    guard let p = pendingEnd else { return }
    pendingEnd = nil
    if bytes[pos] != UInt8(ascii: "|") { endStatement(SourceRange(p, p + 1)) }
  }

  /// Appends an `.end` token if the statement holds anything, and starts a new statement.
  mutating func endStatement(_ range: SourceRange) {
    if last != nil { tokens.append(Token(.end, range)) }
    last = nil
    depth = 0
  }

  /// Appends a token and keeps the bracket depth.
  mutating func emit(_ token: Token) {
    tokens.append(token)
    last = token.kind
    switch token.kind {
    case .leftParen, .leftBracket: depth += 1
    case .rightParen, .rightBracket: depth = max(0, depth - 1)
    default: break
    }
  }

  /// Appends a one- or two-byte punctuation token starting at `pos`.
  mutating func punctuation(_ kind: TokenKind, length: Int = 1) {
    emit(Token(kind, SourceRange(pos, pos + length)))
    pos += length
  }

  /// Reads one token starting at `pos` (not blank, not a comment).
  mutating func lexToken() {
    let b = bytes[pos]
    let next: UInt8 = pos + 1 < bytes.count ? bytes[pos + 1] : 0
    switch b {
    case UInt8(ascii: "|"): punctuation(.pipe)
    case UInt8(ascii: ","): punctuation(.comma)
    case UInt8(ascii: "("): punctuation(.leftParen)
    case UInt8(ascii: ")"): punctuation(.rightParen)
    case UInt8(ascii: "["): punctuation(.leftBracket)
    case UInt8(ascii: "]"): punctuation(.rightBracket)
    case UInt8(ascii: "+"): punctuation(.plus)
    case UInt8(ascii: "-"): punctuation(.minus)
    case UInt8(ascii: "*"): punctuation(.star)
    case UInt8(ascii: "/"): punctuation(.slash)
    case UInt8(ascii: "%"): punctuation(.percent)
    case UInt8(ascii: "~"): punctuation(.tilde)
    case UInt8(ascii: "="): next == UInt8(ascii: "=") ? punctuation(.equal, length: 2) : punctuation(.assign)
    case UInt8(ascii: "<"):
      if next == UInt8(ascii: ">") {
        invalid("use \"!=\" for \"not equal\"", length: 2, hint: "did you mean \"!=\"?")
      } else {
        next == UInt8(ascii: "=") ? punctuation(.lessEqual, length: 2) : punctuation(.less)
      }
    case UInt8(ascii: ">"): next == UInt8(ascii: "=") ? punctuation(.greaterEqual, length: 2) : punctuation(.greater)
    case UInt8(ascii: "!"):
      if next == UInt8(ascii: "=") { punctuation(.notEqual, length: 2) } else { unexpectedCharacter(hint: "did you mean \"not\"?") }
    case UInt8(ascii: "&"):
      if next == UInt8(ascii: "&") {
        invalid("unexpected \"&&\"", length: 2, hint: "did you mean \"and\"?")
      } else {
        unexpectedCharacter(hint: "did you mean \"and\"?")
      }
    case UInt8(ascii: "."):
      if Lexer.isDigit(next) { lexNumber() } else { punctuation(.dot) }
    case UInt8(ascii: "\""), UInt8(ascii: "'"): lexString()
    case UInt8(ascii: "@"): lexDateTime()
    case UInt8(ascii: "0")...UInt8(ascii: "9"): lexNumber()
    default:
      if Lexer.isNameStart(b) || (b >= 0x80 && scalar(at: pos).0.properties.isAlphabetic) {
        lexIdentifier()
      } else {
        unexpectedCharacter()
      }
    }
  }

  /// Reads an identifier: a letter or `_`, then letters, digits, marks and `_`.
  mutating func lexIdentifier() {
    let start = pos
    scanNameTail()
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
    emit(Token(.identifier, SourceRange(start, pos), text: text))
  }

  /// Advances over identifier characters (after the first).
  mutating func scanNameTail() {
    let n = bytes.count
    while pos < n {
      let b = bytes[pos]
      if b < 0x80 {
        guard Lexer.isNameStart(b) || Lexer.isDigit(b) else { return }
        pos += 1
      } else {
        let (scalar, length) = scalar(at: pos)
        guard Lexer.isNameContinue(scalar) else { return }
        pos += length
      }
    }
  }

  /// Reads a dot-command line: the whole line, up to (not including) its line break.
  mutating func lexDotCommand() {
    let start = pos
    let n = bytes.count
    while pos < n, bytes[pos] != 0x0A { pos += 1 }
    var end = pos
    if end > start, bytes[end - 1] == 0x0D { end -= 1 }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    emit(Token(.dotCommand, SourceRange(start, end), text: text))
    endStatement(SourceRange(pos, min(pos + 1, n)))
  }

  /// Reports the character at `pos` as unexpected and skips it.
  mutating func unexpectedCharacter(hint: String? = nil) {
    let (scalar, length) = scalar(at: pos)
    invalid("unexpected character \"\(Lexer.display(scalar))\"", length: length, hint: hint)
  }

  /// Reports the `length` bytes at `pos` as one `.invalid` token (one error, however many
  /// characters: `&&` and `<>` are each reported once) and skips them.
  mutating func invalid(_ message: String, length: Int, hint: String? = nil) {
    let range = SourceRange(pos, pos + length)
    report(message, range, hint: hint)
    emit(Token(.invalid, range, hasError: true))
    pos += length
  }

  /// Records a diagnostic.
  mutating func report(_ message: String, _ range: SourceRange, hint: String? = nil) {
    diagnostics.append(Diagnostic(message, in: source, range, hint: hint))
  }

  /// The Unicode scalar starting at byte `i` and its length in bytes.
  func scalar(at i: Int) -> (Unicode.Scalar, Int) {
    let n = bytes.count
    let b0 = UInt32(bytes[i])
    var length = 1
    var value = b0
    if b0 >= 0xF0 { length = 4; value = b0 & 0x07 } else if b0 >= 0xE0 { length = 3; value = b0 & 0x0F } else if b0 >= 0xC0 {
      length = 2
      value = b0 & 0x1F
    }
    guard length > 1 else { return (Unicode.Scalar(UInt8(truncatingIfNeeded: b0)), 1) }
    guard i + length <= n else { return ("\u{FFFD}", n - i) }
    for k in 1..<length { value = value << 6 | (UInt32(bytes[i + k]) & 0x3F) }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }

  /// Whether an ASCII byte can start a name (`A-Z a-z _`).
  static func isNameStart(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F
  }

  /// Whether an ASCII byte is a decimal digit.
  static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

  /// Whether a non-ASCII scalar can continue a name: letters, decimal digits, marks.
  static func isNameContinue(_ s: Unicode.Scalar) -> Bool {
    let p = s.properties
    if p.isAlphabetic { return true }
    switch p.generalCategory {
    case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark, .connectorPunctuation: return true
    default: return false
    }
  }

  /// A scalar as shown in a message: itself when printable, else `\u{HEX}`.
  static func display(_ s: Unicode.Scalar) -> String {
    switch s.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator,
      .nonspacingMark, .enclosingMark:
      return "\\u{\(String(s.value, radix: 16, uppercase: true))}"
    default:
      return String(s)
    }
  }
}
