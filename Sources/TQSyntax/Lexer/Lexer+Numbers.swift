extension Lexer {
  /// Microseconds per duration unit letter (`w d h m s`).
  static func durationUnit(_ b: UInt8) -> Int64? {
    switch b {
    case UInt8(ascii: "w"): return 604_800_000_000
    case UInt8(ascii: "d"): return 86_400_000_000
    case UInt8(ascii: "h"): return 3_600_000_000
    case UInt8(ascii: "m"): return 60_000_000
    case UInt8(ascii: "s"): return 1_000_000
    default: return nil
    }
  }

  /// Reads a number: an integer, a float (`1.5`, `1e3`, `.5`) or a duration (`30d`, `1h30m`).
  ///
  /// A number directly followed by other name characters (`0x10`, `1_000`, `3days`) is an
  /// invalid number. Adjacent durations separated only by blanks (`30d 12h`) become one token.
  mutating func lexNumber() {
    let start = pos
    let n = bytes.count
    var isFloat = false
    while pos < n, Lexer.isDigit(bytes[pos]) { pos += 1 }
    let digitsEnd = pos
    if pos + 1 < n, bytes[pos] == UInt8(ascii: "."), Lexer.isDigit(bytes[pos + 1]) {
      isFloat = true
      pos += 1
      while pos < n, Lexer.isDigit(bytes[pos]) { pos += 1 }
    }
    if pos < n, bytes[pos] | 0x20 == UInt8(ascii: "e") {
      var j = pos + 1
      if j < n, bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-") { j += 1 }
      if j < n, Lexer.isDigit(bytes[j]) {
        isFloat = true
        pos = j
        while pos < n, Lexer.isDigit(bytes[pos]) { pos += 1 }
      }
    }
    let suffixStart = pos
    scanNameTail()
    let range = SourceRange(start, pos)
    if suffixStart < pos {
      if !isFloat, let value = durationValue(digits: start..<digitsEnd, suffix: suffixStart..<pos) {
        emitDuration(value, range)
      } else {
        invalidNumber(range, digits: start..<digitsEnd, suffixStart: suffixStart, isFloat: isFloat)
      }
    } else if isFloat {
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
      let value = Double(text) ?? .infinity
      if value.isFinite {
        emit(Token(.float, range, bits: value.bitPattern))
      } else {
        report("float literal is too large", range)
        emit(Token(.float, range, bits: Double(0).bitPattern, hasError: true))
      }
    } else {
      let (magnitude, overflow) = integerValue(start..<pos)
      if overflow { report("integer literal is too large", range) }
      emit(Token(.integer, range, bits: overflow ? UInt64(Int64.max) : magnitude, hasError: overflow))
    }
  }

  /// The value of a run of decimal digits (magnitudes up to 2^63 fit; more overflows).
  func integerValue(_ digits: Range<Int>) -> (UInt64, overflow: Bool) {
    var value: UInt64 = 0
    for i in digits {
      let (m, o1) = value.multipliedReportingOverflow(by: 10)
      let (a, o2) = m.addingReportingOverflow(UInt64(bytes[i] - 0x30))
      if o1 || o2 { return (0, true) }
      value = a
    }
    return value > UInt64(1) << 63 ? (0, true) : (value, false)
  }

  /// The microseconds of `digits` + `suffix` when the suffix is a unit, optionally followed
  /// by more digit-unit pairs (`1h30m`); `nil` if it is not a duration.
  func durationValue(digits: Range<Int>, suffix: Range<Int>) -> (micros: Int64, overflow: Bool)? {
    var total: Int64 = 0
    var overflow = false
    var number = digits
    var i = suffix.lowerBound
    while true {
      guard i < suffix.upperBound, let unit = Lexer.durationUnit(bytes[i]) else { return nil }
      let (value, tooLarge) = integerValue(number)
      let (product, o1) = Int64(truncatingIfNeeded: value).multipliedReportingOverflow(by: unit)
      let (sum, o2) = total.addingReportingOverflow(product)
      overflow = overflow || tooLarge || value > UInt64(Int64.max) || o1 || o2
      total = overflow ? 0 : sum
      i += 1
      if i == suffix.upperBound { return (total, overflow) }
      let digitsStart = i
      while i < suffix.upperBound, Lexer.isDigit(bytes[i]) { i += 1 }
      guard i > digitsStart else { return nil }
      number = digitsStart..<i
    }
  }

  /// Appends a duration token, merging it into a duration just before it (`30d 12h`).
  mutating func emitDuration(_ value: (micros: Int64, overflow: Bool), _ range: SourceRange) {
    var (micros, overflow) = value
    var range = range
    var reported = false
    if let previous = tokens.last, previous.kind == .duration, last == .duration, onlyBlanks(previous.range.end, range.start) {
      tokens.removeLast()
      let (sum, o) = previous.signed.addingReportingOverflow(micros)
      reported = previous.hasError
      overflow = overflow || o || previous.hasError
      micros = overflow ? 0 : sum
      range = previous.range.union(range)
    }
    if overflow, !reported { report("duration is too large", range) }
    emit(Token(.duration, range, bits: UInt64(bitPattern: micros), hasError: overflow))
  }

  /// Whether the bytes between two offsets are all spaces or tabs.
  func onlyBlanks(_ from: Int, _ to: Int) -> Bool {
    guard from < to else { return from == to }
    for i in from..<to where bytes[i] != 0x20 && bytes[i] != 0x09 { return false }
    return true
  }

  /// Reports a number followed by name characters, with a hint for spelled-out units.
  mutating func invalidNumber(_ range: SourceRange, digits: Range<Int>, suffixStart: Int, isFloat: Bool) {
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range.start..<range.end]), as: UTF8.self)
    var hint: String?
    if !isFloat, !digits.isEmpty {
      let suffix = String(decoding: UnsafeBufferPointer(rebasing: bytes[suffixStart..<range.end]), as: UTF8.self).lowercased()
      let number = String(decoding: UnsafeBufferPointer(rebasing: bytes[digits]), as: UTF8.self)
      let units: [(String, String)] = [("week", "w"), ("day", "d"), ("hour", "h"), ("min", "m"), ("sec", "s")]
      if let (_, unit) = units.first(where: { suffix.hasPrefix($0.0) }) { hint = "did you mean \"\(number)\(unit)\"?" }
    }
    report("invalid number \(Recovery.quoted(text))", range, hint: hint)
    emit(Token(.invalid, range, hasError: true))
  }
}
