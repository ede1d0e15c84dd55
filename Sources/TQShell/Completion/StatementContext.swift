import TQSyntax

/// Where the cursor is in the text typed so far, read with tq's own lexer (so strings,
/// comments and continuation lines count exactly as they do when the statement runs).
struct StatementContext {
  /// What the cursor is on.
  enum Position {
    /// Inside a comment or after a finished string: nothing to complete.
    case nothing
    /// The name of a dot command (`.mo`).
    case dotCommand(word: String)
    /// An argument of a dot command: the command and the word before the cursor.
    case dotArgument(command: String, previous: String, word: String)
    /// A file name: the text typed since the opening quote (or the unquoted argument).
    case path(prefix: String, quote: String?)
    /// A word in a statement: the statement's pipeline stages so far (tokens split at
    /// top-level `|`, the last one is the stage the cursor is in) and the word.
    case statement(stages: [[Token]], word: String)
  }

  /// What the cursor is on.
  let position: Position

  /// Reads the text before the cursor (pending lines, a line break, then the current line).
  init(_ text: String) {
    let bytes = Array(text.utf8)
    let n = bytes.count
    var tokens = Lexer.tokenize(SourceFile(name: "tq", text: text)).tokens.filter { $0.kind != .eof }
    if let last = tokens.last, last.kind == .end, last.range.start >= n { tokens.removeLast() }
    let lastEnd = tokens.last?.range.end ?? 0
    if bytes[min(lastEnd, n)..<n].contains(UInt8(ascii: "#")) {
      position = .nothing
      return
    }
    guard let last = tokens.last, last.range.end == n else {
      position = .statement(stages: Self.stages(Self.currentStatement(tokens)), word: "")
      return
    }
    switch last.kind {
    case .dotCommand:
      position = Self.dotPosition(last.text)
    case .string:
      let quote = String(UnicodeScalar(bytes[last.range.start]))
      position = Self.isOpenString(bytes[last.range.start..<last.range.end])
        ? Self.pathPosition(Self.currentStatement(tokens.dropLast()), prefix: last.text, quote: quote) : .nothing
    case .identifier:
      position = .statement(stages: Self.stages(Self.currentStatement(tokens.dropLast())), word: last.text)
    default:
      position = .statement(stages: Self.stages(Self.currentStatement(tokens)), word: "")
    }
  }

  /// The tokens of the last statement (after the last statement end).
  static func currentStatement<C: BidirectionalCollection>(_ tokens: C) -> [Token] where C.Element == Token {
    Array(tokens.reversed().prefix { $0.kind != .end }.reversed())
  }

  /// A statement's tokens split at `|` outside brackets.
  static func stages(_ tokens: [Token]) -> [[Token]] {
    var stages: [[Token]] = [[]]
    var depth = 0
    for t in tokens {
      switch t.kind {
      case .leftParen, .leftBracket: depth += 1
      case .rightParen, .rightBracket: depth = max(0, depth - 1)
      case .pipe where depth == 0:
        stages.append([])
        continue
      default: break
      }
      stages[stages.count - 1].append(t)
    }
    return stages
  }

  /// Whether the raw text of a string token lacks its closing quote.
  static func isOpenString(_ raw: ArraySlice<UInt8>) -> Bool {
    guard let quote = raw.first else { return false }
    guard raw.count >= 2, raw.last == quote else { return true }
    let backslashes = raw.dropLast().reversed().prefix { $0 == UInt8(ascii: "\\") }.count
    return backslashes % 2 == 1
  }

  /// Inside a string: a file name after `load`, `run` and `save … to`, else nothing.
  static func pathPosition(_ statement: [Token], prefix: String, quote: String) -> Position {
    guard let before = statement.last, before.kind == .identifier,
      let first = statement.first, first.kind == .identifier
    else { return .nothing }
    let word = before.text.lowercased()
    let head = first.text.lowercased()
    let isFile = (statement.count == 1 && (head == "load" || head == "run")) || (head == "save" && word == "to")
    return isFile ? .path(prefix: prefix, quote: quote) : .nothing
  }

  /// A dot-command line: its name, or an argument (`.read` takes a file name).
  static func dotPosition(_ line: String) -> Position {
    let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    let endsWithBlank = line.last == " " || line.last == "\t"
    if words.count == 1 && !endsWithBlank { return .dotCommand(word: words[0]) }
    let command = words[0].lowercased()
    let word = endsWithBlank ? "" : words.last!
    if command == ".read" {
      if word.hasPrefix("\"") || word.hasPrefix("'") {
        return .path(prefix: String(word.dropFirst()), quote: String(word.prefix(1)))
      }
      return .path(prefix: word, quote: nil)
    }
    let previous = endsWithBlank ? words.last! : words[words.count - 2]
    return .dotArgument(command: command, previous: previous, word: word)
  }
}
