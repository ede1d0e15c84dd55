/// Parsers for ISO-8601 dates and timestamps over raw bytes.
///
/// Dates are `YYYY-MM-DD`; timestamps are `YYYY-MM-DD[T ]HH:MM:SS[.f…][Z|±HH:MM|±HHMM|±HH]`
/// (no zone means UTC; fractions beyond microseconds are truncated). Days of month are
/// validated, so `2024-02-30` is neither.
enum TimeParsing {
  /// Two ASCII digits at `p` as a number, or -1.
  @inline(__always) private static func twoDigits(_ p: UnsafePointer<UInt8>) -> Int {
    let a = p[0] &- UInt8(ascii: "0"), b = p[1] &- UInt8(ascii: "0")
    if a > 9 || b > 9 { return -1 }
    return Int(a) * 10 + Int(b)
  }

  /// Days since 1970-01-01 of `YYYY-MM-DD` at `p` (exactly 10 bytes available), or `nil`.
  @inline(__always) private static func dayNumber(_ p: UnsafePointer<UInt8>) -> Int? {
    guard p[4] == UInt8(ascii: "-"), p[7] == UInt8(ascii: "-") else { return nil }
    let hi = twoDigits(p), lo = twoDigits(p + 2), month = twoDigits(p + 5), day = twoDigits(p + 8)
    guard hi >= 0, lo >= 0, month >= 1, month <= 12, day >= 1 else { return nil }
    let year = hi * 100 + lo
    guard day <= CivilCalendar.daysInMonth(year: year, month: month) else { return nil }
    return CivilCalendar.days(year: year, month: month, day: day)
  }

  /// Parses `YYYY-MM-DD` into days since the epoch.
  @inline(__always) static func date(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int32? {
    guard n == 10, let d = dayNumber(p) else { return nil }
    return Int32(d)
  }

  /// Parses a timestamp (or a bare date, as midnight UTC) into microseconds since the epoch.
  @inline(__always) static func timestamp(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64? {
    guard n >= 10, let days = dayNumber(p) else { return nil }
    if n == 10 { return Int64(days) * CivilCalendar.microsPerDay }
    guard n >= 19 else { return nil }
    let sep = p[10]
    guard sep == UInt8(ascii: "T") || sep == UInt8(ascii: " ") || sep == UInt8(ascii: "t"),
      p[13] == UInt8(ascii: ":"), p[16] == UInt8(ascii: ":")
    else { return nil }
    let hh = twoDigits(p + 11), mm = twoDigits(p + 14), ss = twoDigits(p + 17)
    guard hh >= 0, hh <= 23, mm >= 0, mm <= 59, ss >= 0, ss <= 59 else { return nil }
    var micros = Int64(days) * CivilCalendar.microsPerDay + Int64(hh * 3600 + mm * 60 + ss) * 1_000_000
    var i = 19
    if i < n && p[i] == UInt8(ascii: ".") {
      i += 1
      var frac: Int64 = 0
      var digits = 0
      while i < n {
        let d = p[i] &- UInt8(ascii: "0")
        if d > 9 { break }
        if digits < 6 { frac = frac * 10 + Int64(d) }
        digits += 1
        i += 1
      }
      guard digits >= 1, digits <= 9 else { return nil }
      for _ in min(digits, 6)..<6 { frac *= 10 }
      micros += frac
    }
    if i == n { return micros }
    let z = p[i]
    if z == UInt8(ascii: "Z") || z == UInt8(ascii: "z") { return i + 1 == n ? micros : nil }
    guard z == UInt8(ascii: "+") || z == UInt8(ascii: "-") else { return nil }
    let rest = n - i - 1
    var offH = -1, offM = 0
    if rest == 2 {
      offH = twoDigits(p + i + 1)
    } else if rest == 4 {
      offH = twoDigits(p + i + 1)
      offM = twoDigits(p + i + 3)
    } else if rest == 5 && p[i + 3] == UInt8(ascii: ":") {
      offH = twoDigits(p + i + 1)
      offM = twoDigits(p + i + 4)
    }
    guard offH >= 0, offH <= 23, offM >= 0, offM <= 59 else { return nil }
    let offset = Int64(offH * 3600 + offM * 60) * 1_000_000
    return z == UInt8(ascii: "+") ? micros - offset : micros + offset
  }
}
