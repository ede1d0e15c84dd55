/// A cursor over JSON text that decodes strings and numbers and skips nested values.
///
/// Nothing recurses: nested arrays and objects are checked with an explicit stack, so
/// 100,000 levels of `[` cost memory, not stack. Lines are counted in whitespace (JSON
/// strings cannot hold a raw newline), so errors name their line and byte column.
struct JSONScanner {
  /// The input.
  let base: UnsafePointer<UInt8>
  /// The input's length.
  let count: Int
  /// The path, for errors.
  let path: String
  /// The offset of the next byte.
  var i: Int
  /// The 1-based line of `i`.
  private(set) var line = 1
  /// The offset where the current line starts.
  private(set) var lineStart = 0
  /// Decoded bytes of strings that held escapes.
  var arena: [UInt8] = []

  /// Creates a scanner over `count` bytes, starting at `start`.
  init(base: UnsafePointer<UInt8>, count: Int, start: Int, path: String) {
    self.base = base
    self.count = count
    self.path = path
    i = start
  }

  /// The next byte, or 0 at the end.
  @inline(__always) var peek: UInt8 { i < count ? base[i] : 0 }

  /// Whether the input is used up.
  var atEnd: Bool { i >= count }

  /// An error at offset `at` (default: the cursor).
  func failure(_ message: String, at: Int? = nil) -> FileError {
    let o = at ?? i
    return FileError(path: path, line: line, field: o - lineStart + 1, message: message)
  }

  /// `invalid JSON: …` at the cursor; at the end of the input it says so.
  func invalid(_ what: String) -> FileError {
    failure("invalid JSON: " + (atEnd ? "unexpected end of input" : what))
  }

  /// Skips spaces, tabs and carriage returns, and newlines when `newlines` is true.
  mutating func skipWhitespace(newlines: Bool = true) {
    while i < count {
      let b = base[i]
      if b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") {
        i += 1
      } else if b == UInt8(ascii: "\n") && newlines {
        i += 1
        line += 1
        lineStart = i
      } else {
        return
      }
    }
  }

  /// Consumes `b` or fails with `invalid JSON: expected …`.
  mutating func expect(_ b: UInt8, _ what: String) throws(FileError) {
    guard peek == b, !atEnd else { throw invalid("expected \(what)") }
    i += 1
  }

  /// Reads a string at the cursor (on its opening quote). Returns where its bytes are:
  /// `offset >= 0` is an offset into the input, `offset < 0` is `~offset` into `arena`.
  mutating func string() throws(FileError) -> (offset: Int, length: Int) {
    i += 1
    let start = i
    while i < count {
      let b = base[i]
      if b == UInt8(ascii: "\"") {
        i += 1
        return (start, i - 1 - start)
      }
      if b == UInt8(ascii: "\\") { return try escapedString(from: start) }
      if b < 0x20 { throw invalid("control character in string") }
      i += 1
    }
    throw invalid("unterminated string")
  }

  /// The rest of a string that holds an escape, decoded into the arena.
  private mutating func escapedString(from start: Int) throws(FileError) -> (offset: Int, length: Int) {
    let out = arena.count
    arena.append(contentsOf: UnsafeBufferPointer(start: base + start, count: i - start))
    while i < count {
      let b = base[i]
      if b == UInt8(ascii: "\"") {
        i += 1
        return (~out, arena.count - out)
      }
      if b < 0x20 { throw invalid("control character in string") }
      if b != UInt8(ascii: "\\") {
        arena.append(b)
        i += 1
        continue
      }
      i += 1
      guard i < count else { break }
      let e = base[i]
      i += 1
      switch e {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): arena.append(e)
      case UInt8(ascii: "b"): arena.append(0x08)
      case UInt8(ascii: "f"): arena.append(0x0C)
      case UInt8(ascii: "n"): arena.append(0x0A)
      case UInt8(ascii: "r"): arena.append(0x0D)
      case UInt8(ascii: "t"): arena.append(0x09)
      case UInt8(ascii: "u"): try unicodeEscape()
      default:
        i -= 2
        throw invalid("invalid escape in string")
      }
    }
    throw invalid("unterminated string")
  }

  /// Decodes `XXXX` (and a following `\uXXXX` low surrogate) after `\u` into the arena.
  private mutating func unicodeEscape() throws(FileError) {
    let at = i - 2
    var scalar = try hex4()
    if scalar >= 0xD800 && scalar <= 0xDBFF {
      guard i + 1 < count, base[i] == UInt8(ascii: "\\"), base[i + 1] == UInt8(ascii: "u") else {
        throw failure("invalid JSON: unpaired surrogate in \\u escape", at: at)
      }
      i += 2
      let low = try hex4()
      guard low >= 0xDC00 && low <= 0xDFFF else { throw failure("invalid JSON: unpaired surrogate in \\u escape", at: at) }
      scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
    } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
      throw failure("invalid JSON: unpaired surrogate in \\u escape", at: at)
    }
    arena.append(contentsOf: Unicode.UTF8.encode(Unicode.Scalar(scalar)!)!)
  }

  private mutating func hex4() throws(FileError) -> UInt32 {
    guard i + 4 <= count else { throw invalid("invalid \\u escape") }
    var v: UInt32 = 0
    for k in 0..<4 {
      let c = base[i + k]
      let d: UInt8
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
      default: throw invalid("invalid \\u escape")
      }
      v = v << 4 | UInt32(d)
    }
    i += 4
    return v
  }

  /// Reads a number at the cursor per the JSON grammar; returns its text's span and
  /// whether it has a fraction or exponent.
  mutating func number() throws(FileError) -> (start: Int, length: Int, isInteger: Bool) {
    let start = i
    if peek == UInt8(ascii: "-") { i += 1 }
    guard isDigit(peek) else { throw invalid("invalid number") }
    if peek == UInt8(ascii: "0") {
      i += 1
    } else {
      while isDigit(peek) { i += 1 }
    }
    var integer = true
    if peek == UInt8(ascii: ".") {
      integer = false
      i += 1
      guard isDigit(peek) else { throw invalid("invalid number") }
      while isDigit(peek) { i += 1 }
    }
    if peek | 0x20 == UInt8(ascii: "e") {
      integer = false
      i += 1
      if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { i += 1 }
      guard isDigit(peek) else { throw invalid("invalid number") }
      while isDigit(peek) { i += 1 }
    }
    return (start, i - start, integer)
  }

  @inline(__always) private func isDigit(_ b: UInt8) -> Bool { i < count && b &- UInt8(ascii: "0") <= 9 }

  /// Consumes the literal `word` (`true`, `false`, `null`).
  mutating func literal(_ word: StaticString) throws(FileError) {
    let n = word.utf8CodeUnitCount
    guard i + n <= count, memcmpBytes(base + i, word.utf8Start, n) else { throw invalid("unexpected character") }
    i += n
  }

  private func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    for k in 0..<n where a[k] != b[k] { return false }
    return true
  }

  /// Skips one scalar value (string, number, literal) at the cursor.
  mutating func skipScalar() throws(FileError) {
    switch peek {
    case UInt8(ascii: "\""): _ = try string()
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "n"): try literal("null")
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try number()
    default: throw invalid(peek == UInt8(ascii: "}") || peek == UInt8(ascii: "]") ? "expected a value" : "unexpected character")
    }
  }

  /// Skips a nested array or object at the cursor (on its `[` or `{`), checking it.
  mutating func skipContainer() throws(FileError) {
    var stack: [Bool] = []  // true = object
    var expectKey = false
    while true {
      // Here a value (or, in an object, a key) is expected.
      skipWhitespace()
      if expectKey {
        guard peek == UInt8(ascii: "\""), !atEnd else { throw invalid("expected a string key") }
        _ = try string()
        skipWhitespace()
        try expect(UInt8(ascii: ":"), "':' after a key")
        skipWhitespace()
      }
      let c = peek
      if !atEnd && (c == UInt8(ascii: "{") || c == UInt8(ascii: "[")) {
        let object = c == UInt8(ascii: "{")
        stack.append(object)
        i += 1
        skipWhitespace()
        if peek == (object ? UInt8(ascii: "}") : UInt8(ascii: "]")) && !atEnd {
          i += 1
          stack.removeLast()
        } else {
          expectKey = object
          continue
        }
      } else {
        try skipScalar()
      }
      // After a value: close containers or move to the next element.
      while true {
        if stack.isEmpty { return }
        skipWhitespace()
        let object = stack[stack.count - 1]
        if peek == UInt8(ascii: ","), !atEnd {
          i += 1
          expectKey = object
          break
        }
        guard peek == (object ? UInt8(ascii: "}") : UInt8(ascii: "]")), !atEnd else {
          throw invalid(object ? "expected ',' or '}'" : "expected ',' or ']'")
        }
        i += 1
        stack.removeLast()
      }
    }
  }
}
