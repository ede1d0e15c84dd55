/// Parses timestamps written `YYYY-MM-DDTHH:MM:SSZ` (the form exports use), remembering the
/// day number of each date it has seen.
///
/// A table of touches spans a few hundred dates, so after the first rows a date is one
/// lookup in a small direct-mapped table instead of a validation and a calendar
/// computation; the time of day is checked and read with word operations. Anything else
/// (fractions, zones, a space) is left to `TimeParsing.timestamp`. The owner must call
/// `release()`.
struct UTCTimestampMemo {
  /// One remembered date: its first 8 bytes (`YYYY-MM-`), its day bytes and its day number.
  private struct Slot {
    var yearMonth: UInt64
    var day: UInt16
    var days: Int32
  }

  /// Slots in the table (a power of two, a few times the dates of a typical export).
  private static let size = 4096
  /// `HH:MM:SS` with the digits as `0`: XOR leaves digit values and zero colons.
  private static let timeTemplate: UInt64 = 0x3030_3A30_303A_3030
  /// The colon lanes of a time of day.
  private static let colonLanes: UInt64 = 0x0000_FF00_00FF_0000
  private let slots: UnsafeMutablePointer<Slot>

  /// Creates an empty table.
  init() {
    slots = RawMemory.allocate(Slot.self, Self.size)
    slots.initialize(repeating: Slot(yearMonth: 0, day: 0, days: 0), count: Self.size)
  }

  /// Frees the table.
  func release() { RawMemory.release(slots) }

  /// Microseconds since the epoch of the `n` bytes at `p`, or `nil` when they do not read
  /// as a timestamp (`TimeParsing.timestamp` for forms other than `YYYY-MM-DDTHH:MM:SSZ`).
  @inline(__always) func timestamp(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64? {
    guard n == 20 && p[10] == UInt8(ascii: "T") && p[19] == UInt8(ascii: "Z") else {
      return TimeParsing.timestamp(p, n)
    }
    let t = load64(p + 11) ^ Self.timeTemplate
    guard (t | (t &+ 0x7676_7676_7676_7676)) & 0x8080_8080_8080_8080 == 0 && t & Self.colonLanes == 0 else {
      return nil
    }
    @inline(__always) func lane(_ i: UInt64) -> Int { Int(truncatingIfNeeded: t &>> (i &* 8) & 0xFF) }
    let hh = lane(0) &* 10 &+ lane(1), mm = lane(3) &* 10 &+ lane(4), ss = lane(6) &* 10 &+ lane(7)
    guard hh <= 23 && mm <= 59 && ss <= 59 else { return nil }
    guard let days = days(p) else { return nil }
    return (Int64(days) &* 86_400 &+ Int64(hh &* 3600 &+ mm &* 60 &+ ss)) &* 1_000_000
  }

  /// The day number of the `YYYY-MM-DD` at `p`, or `nil` when it is not a valid date.
  @inline(__always) private func days(_ p: UnsafePointer<UInt8>) -> Int32? {
    let yearMonth = load64(p)
    let day = UnsafeRawPointer(p + 8).loadUnaligned(as: UInt16.self)
    // The day's digits take the lanes of the two dashes, so that no two dates share a hash
    // word (mixing them into the month's lanes made `05-24` and `04-25` collide).
    let digits = yearMonth & 0x00FF_FF00_FFFF_FFFF | UInt64(day & 0xFF) &<< 32 | UInt64(day &>> 8) &<< 56
    let h = digits &* 0x9E37_79B9_7F4A_7C15
    let s = slots + Int(truncatingIfNeeded: h &>> 52)
    if s.pointee.yearMonth == yearMonth && s.pointee.day == day { return s.pointee.days }
    guard let d = TimeParsing.date(p, 10) else { return nil }
    s.pointee = Slot(yearMonth: yearMonth, day: day, days: d)
    return d
  }
}
