extension Lexer {
  /// Reads a string literal in `"…"` or `'…'`, decoding its escapes.
  ///
  /// Escapes: `\" \' \\ \n \t \r \u{1F600}`. A string ends at its closing quote; one that
  /// reaches the end of its line (strings hold no line breaks) is unterminated and reported
  /// over the rest of the line. Plain runs are copied in bulk, so long strings cost linear time.
  mutating func lexString() {
    let start = pos
    let quote = bytes[pos]
    let n = bytes.count
    pos += 1
    var buffer: [UInt8] = []
    var escaped = false
    var hasError = false
    var runStart = pos
    var value = ""
    while true {
      if pos >= n || bytes[pos] == 0x0A {
        var end = pos
        if end > start + 1, bytes[end - 1] == 0x0D { end -= 1 }
        report("unterminated string", SourceRange(start, end))
        hasError = true
        value = finishString(&buffer, escaped: escaped, run: runStart..<end)
        break
      }
      let b = bytes[pos]
      if b == quote {
        value = finishString(&buffer, escaped: escaped, run: runStart..<pos)
        pos += 1
        break
      }
      if b == UInt8(ascii: "\\") {
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<pos]))
        escaped = true
        if !lexEscape(into: &buffer) { hasError = true }
        runStart = pos
        continue
      }
      pos += 1
    }
    emit(Token(.string, SourceRange(start, pos), text: value, hasError: hasError))
  }

  /// The decoded value: the last plain run, appended to the escapes' buffer if there was one.
  func finishString(_ buffer: inout [UInt8], escaped: Bool, run: Range<Int>) -> String {
    let tail = UnsafeBufferPointer(rebasing: bytes[run])
    guard escaped else { return String(decoding: tail, as: UTF8.self) }
    buffer.append(contentsOf: tail)
    return String(decoding: buffer, as: UTF8.self)
  }

  /// Decodes the escape at `pos` (a backslash) into `buffer`; false if it was reported bad.
  ///
  /// A backslash at the end of the line is left for `lexString` to report as unterminated.
  mutating func lexEscape(into buffer: inout [UInt8]) -> Bool {
    let start = pos
    let n = bytes.count
    pos += 1
    guard pos < n, bytes[pos] != 0x0A else { return true }
    let e = bytes[pos]
    switch e {
    case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"):
      buffer.append(e)
    case UInt8(ascii: "n"): buffer.append(0x0A)
    case UInt8(ascii: "t"): buffer.append(0x09)
    case UInt8(ascii: "r"): buffer.append(0x0D)
    case UInt8(ascii: "u"):
      pos += 1
      return lexUnicodeEscape(start: start, into: &buffer)
    default:
      let (scalar, length) = scalar(at: pos)
      let range = SourceRange(start, pos + length)
      report("unknown escape sequence \"\\\(Lexer.display(scalar))\"", range, hint: escapeHint(scalar))
      buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pos..<pos + length]))
      pos += length
      return false
    }
    pos += 1
    return true
  }

  /// A hint for an unknown escape: how to write a backslash, or the escape meant.
  func escapeHint(_ scalar: Unicode.Scalar) -> String? {
    switch scalar {
    case "0": return "did you mean \"\\u{0}\"?"
    case "x": return "write a code point as \"\\u{41}\""
    default: return "write a backslash as \"\\\\\""
    }
  }

  /// Decodes `{hex}` after `\u` (at `pos`) into `buffer`; false if reported bad.
  mutating func lexUnicodeEscape(start: Int, into buffer: inout [UInt8]) -> Bool {
    let n = bytes.count
    guard pos < n, bytes[pos] == UInt8(ascii: "{") else {
      report("invalid unicode escape: write \"\\u{1F600}\"", SourceRange(start, pos))
      return false
    }
    pos += 1
    var value: UInt32 = 0
    var digits = 0
    while pos < n, let d = Lexer.hexValue(bytes[pos]) {
      if digits < 8 { value = value << 4 | d }
      digits += 1
      pos += 1
    }
    guard digits > 0, digits <= 8, pos < n, bytes[pos] == UInt8(ascii: "}") else {
      report("invalid unicode escape: write \"\\u{1F600}\"", SourceRange(start, pos))
      return false
    }
    pos += 1
    guard let scalar = Unicode.Scalar(value) else {
      report("invalid unicode scalar", SourceRange(start, pos))
      return false
    }
    buffer.append(contentsOf: Array(String(scalar).utf8))
    return true
  }

  /// The value of a hex digit, or `nil`.
  static func hexValue(_ b: UInt8) -> UInt32? {
    switch b {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - 0x30)
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - 0x61 + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - 0x41 + 10)
    default: return nil
    }
  }
}
