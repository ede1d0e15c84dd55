extension Lexer {
  /// Reads a date or time literal: `@2024-03-01` or `@2024-03-01T10:00[:SS[.ffffff]][Z]` (UTC).
  ///
  /// The literal runs over letters, digits, `-`, `:` and `.` after the `@`; anything in it
  /// that is not a valid calendar date and time is reported as an invalid date.
  mutating func lexDateTime() {
    let start = pos
    let n = bytes.count
    pos += 1
    while pos < n {
      let b = bytes[pos]
      guard Lexer.isNameStart(b) || Lexer.isDigit(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: ":") || b == UInt8(ascii: ".")
      else { break }
      pos += 1
    }
    let range = SourceRange(start, pos)
    if pos == start + 1 {
      pos = start
      unexpectedCharacter(hint: "a date is written @2024-03-01")
      return
    }
    switch CivilCalendar.parse(Array(UnsafeBufferPointer(rebasing: bytes[start + 1..<pos]))) {
    case .date(let days)?:
      emit(Token(.date, range, bits: UInt64(bitPattern: Int64(days))))
    case .timestamp(let micros)?:
      emit(Token(.timestamp, range, bits: UInt64(bitPattern: micros)))
    case nil:
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
      report("invalid date \(Recovery.quoted(text))", range, hint: "dates are written @2024-03-01 or @2024-03-01T10:00")
      emit(Token(.invalid, range, hasError: true))
    }
  }
}

/// Proleptic Gregorian calendar arithmetic for date and time literals (UTC, no leap seconds).
enum CivilCalendar {
  /// A parsed literal.
  enum Value: Equatable {
    /// Days since 1970-01-01.
    case date(Int32)
    /// Microseconds since 1970-01-01T00:00:00Z.
    case timestamp(Int64)
  }

  /// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS[.ffffff]][Z]`; `nil` if malformed or impossible.
  static func parse(_ s: [UInt8]) -> Value? {
    /// The value of `count` digits at `from`, or `nil` if any is not a digit.
    func number(_ from: Int, _ count: Int) -> Int? {
      guard from + count <= s.count else { return nil }
      var v = 0
      for i in from..<from + count {
        guard Lexer.isDigit(s[i]) else { return nil }
        v = v * 10 + Int(s[i] - 0x30)
      }
      return v
    }
    /// Whether the byte at `i` is the ASCII character `c`.
    func isByte(_ i: Int, _ c: Character) -> Bool { i < s.count && s[i] == c.asciiValue }
    guard let y = number(0, 4), isByte(4, "-"), let m = number(5, 2), isByte(7, "-"), let d = number(8, 2),
      (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y)
    else { return nil }
    let days = daysFromCivil(year: y, month: m, day: d)
    if s.count == 10 { return .date(Int32(days)) }
    guard isByte(10, "T"), let hh = number(11, 2), isByte(13, ":"), let mm = number(14, 2), hh < 24, mm < 60 else { return nil }
    var i = 16
    var seconds = 0
    var fraction = 0
    if isByte(i, ":") {
      guard let ss = number(i + 1, 2), ss < 60 else { return nil }
      seconds = ss
      i += 3
      if isByte(i, ".") {
        i += 1
        var digits = 0
        while i < s.count, Lexer.isDigit(s[i]) {
          guard digits < 6 else { return nil }
          fraction = fraction * 10 + Int(s[i] - 0x30)
          digits += 1
          i += 1
        }
        guard digits > 0 else { return nil }
        for _ in digits..<6 { fraction *= 10 }
      }
    }
    if isByte(i, "Z") { i += 1 }
    guard i == s.count else { return nil }
    let secondsOfDay = Int64(hh * 3600 + mm * 60 + seconds)
    return .timestamp((Int64(days) * 86_400 + secondsOfDay) * 1_000_000 + Int64(fraction))
  }

  /// Whether a year is a leap year.
  static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

  /// The number of days in a month (1–12) of a year.
  static func daysIn(month m: Int, year y: Int) -> Int {
    switch m {
    case 2: return isLeap(y) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The civil date of a day number since 1970-01-01 (inverse of `daysFromCivil`).
  static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}
