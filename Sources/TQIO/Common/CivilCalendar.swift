import TQStorage

/// The readers' and formatters' view of `CivilTime` (TQStorage's calendar arithmetic).
enum CivilCalendar {
  /// Microseconds in one day.
  static let microsPerDay: Int64 = 86_400_000_000

  /// Days since 1970-01-01 of a valid date.
  @inline(__always) static func days(year: Int, month: Int, day: Int) -> Int {
    Int(CivilTime.days(year: year, month: month, day: day))
  }

  /// The date of a day number.
  static func civil(days z0: Int) -> (year: Int, month: Int, day: Int) { CivilTime.civil(days: Int64(z0)) }

  /// The number of days in a month.
  @inline(__always) static func daysInMonth(year: Int, month: Int) -> Int {
    if month == 2 { return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28 }
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31
  }
}
