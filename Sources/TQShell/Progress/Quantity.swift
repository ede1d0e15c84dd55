import Foundation
import TQStorage

/// Short texts for the amounts a progress line shows: bytes (`1.46 GB`), counts (`10.1M`),
/// rates and durations.
enum Quantity {
  /// Bytes in decimal units with three significant digits: `512 B`, `760 MB`, `1.46 GB`.
  static func bytes(_ n: Int) -> String {
    if n < 1000 { return "\(max(0, n)) B" }
    return scaled(Double(n), units: ["kB", "MB", "GB", "TB", "PB"], separator: " ", digits: 3)
  }

  /// A count with a suffix and one decimal below 100: `950`, `12.3k`, `1.2M`, `101M`.
  static func count(_ n: Int) -> String {
    if n < 1000 { return "\(max(0, n))" }
    return scaled(Double(n), units: ["k", "M", "B", "T"], separator: "", digits: 2)
  }

  /// `units` units: `760 MB`, `1.2M rows`.
  static func amount(_ units: Int, _ unit: WorkMeter.Unit) -> String {
    unit == .bytes ? bytes(units) : "\(count(units)) \(noun(unit))"
  }

  /// `done of total`: `760 MB of 1.46 GB`, `1.2M of 10.1M rows`.
  static func amount(_ done: Int, of total: Int, _ unit: WorkMeter.Unit) -> String {
    unit == .bytes ? "\(bytes(done)) of \(bytes(total))" : "\(count(done)) of \(count(total)) \(noun(unit))"
  }

  /// Units per second: `210 MB/s`, `1.5M rows/s`.
  static func rate(_ perSecond: Double, _ unit: WorkMeter.Unit) -> String {
    amount(Int(perSecond.rounded()), unit) + "/s"
  }

  /// A duration in whole seconds (rounded up for what is left, down for what has passed):
  /// `3 s`, `2 min 5 s`, `1 h 5 min`.
  static func duration(_ seconds: Double, rounding: FloatingPointRoundingRule = .up) -> String {
    let s = Int(min(max(0, seconds), 1e9).rounded(rounding))
    if s < 60 { return "\(s) s" }
    if s < 3600 { return s % 60 == 0 ? "\(s / 60) min" : "\(s / 60) min \(s % 60) s" }
    return "\(s / 3600) h \(s % 3600 / 60) min"
  }

  /// The word for a unit other than bytes.
  static func noun(_ unit: WorkMeter.Unit) -> String {
    switch unit {
    case .bytes: "bytes"
    case .rows: "rows"
    case .journeys: "journeys"
    }
  }

  /// `value` in the largest of `units` (steps of 1000) that keeps it at 1 or more: three
  /// significant digits (`digits` 3) or one decimal below 100 (`digits` 2).
  private static func scaled(_ value: Double, units: [String], separator: String, digits: Int) -> String {
    var v = value / 1000
    var k = 0
    while v >= 999.5 && k + 1 < units.count {
      v /= 1000
      k += 1
    }
    let text: String
    if digits == 3 && v < 9.995 {
      text = String(format: "%.2f", v)
    } else if v < 99.95 {
      text = String(format: "%.1f", v)
    } else {
      text = String(format: "%.0f", v)
    }
    return text + separator + units[k]
  }
}
