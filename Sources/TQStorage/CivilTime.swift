/// Calendar arithmetic on days since 1970-01-01 (proleptic Gregorian, UTC), without Foundation.
///
/// Howard Hinnant's days-from-civil algorithms: exact for every representable date.
public enum CivilTime {
  /// Microseconds in a day.
  public static let microsPerDay: Int64 = 86_400_000_000

  /// Days since 1970-01-01 of a calendar date.
  @inlinable public static func days(year: Int, month: Int, day: Int) -> Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return Int64(era * 146_097 + doe - 719_468)
  }

  /// The calendar date of a day number.
  @inlinable public static func civil(days: Int64) -> (year: Int, month: Int, day: Int) {
    let z = Int(days) + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  /// Whether year/month/day name a real date (2024-02-30 does not).
  public static func isValid(year: Int, month: Int, day: Int) -> Bool {
    guard (1...12).contains(month), day >= 1 else { return false }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return day <= lengths[month - 1]
  }

  /// The day number holding a timestamp in microseconds (floor division).
  @inline(__always) public static func day(ofMicros us: Int64) -> Int64 {
    us >= 0 ? us / microsPerDay : (us - microsPerDay + 1) / microsPerDay
  }

  /// ISO weekday of a day number: 1 = Monday … 7 = Sunday.
  public static func weekday(days: Int64) -> Int {
    let w = Int((days + 3) % 7)  // 1970-01-01 was a Thursday (ISO 4)
    return (w < 0 ? w + 7 : w) + 1
  }

  /// ISO-8601 week number (1–53) of a day number.
  public static func isoWeek(days: Int64) -> Int {
    let thursday = days - Int64(weekday(days: days)) + 4
    let year = civil(days: thursday).year
    let jan1 = CivilTime.days(year: year, month: 1, day: 1)
    return Int((thursday - jan1) / 7) + 1
  }

  /// `2024-03-05` for a day number.
  public static func formatDate(_ days: Int64) -> String {
    let (y, m, d) = civil(days: days)
    return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
  }

  /// `2024-03-05T12:34:56Z` (with `.ffffff` when there are microseconds) for a timestamp.
  public static func formatTimestamp(_ us: Int64) -> String {
    let d = day(ofMicros: us)
    var rest = us - d * microsPerDay
    let micros = rest % 1_000_000
    rest /= 1_000_000
    var s = formatDate(d) + "T" + pad(Int(rest / 3600), 2) + ":" + pad(Int(rest / 60 % 60), 2) + ":" + pad(Int(rest % 60), 2)
    if micros != 0 { s += "." + pad(Int(micros), 6) }
    return s + "Z"
  }

  /// Zero-padded decimal.
  static func pad(_ v: Int, _ width: Int) -> String {
    let s = String(abs(v))
    return (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - s.count)) + s
  }
}
