import TQStorage

/// How single values print: `plain` for csv/json/line output, `pretty` for table mode.
public enum ValueFormat {
  /// The csv form: NULL as empty, floats in shortest round-trip form (`3.0`, `nan`, `inf`),
  /// timestamps `2024-03-05T12:34:56Z` (`.ffffff` only when sub-second), dates
  /// `2024-03-05`, bools `true`/`false`.
  public static func plain(_ v: Value) -> String {
    switch v {
    case .null: return ""
    case .int(let x): return String(x)
    case .float(let x): return float(x)
    case .bool(let x): return x ? "true" : "false"
    case .timestamp(let x): return timestamp(x)
    case .date(let x): return date(x)
    case .string(let s): return s
    }
  }

  /// The table-mode form: ints with thousands separators (`1,234,567`); floats with two
  /// decimals when |x| ≥ 1 (`1,234.57`), else four significant digits (`0.01235`); NULL
  /// as `NULL`. An int shown in a float column prints as a float.
  public static func pretty(_ v: Value, type: DataType) -> String {
    switch v {
    case .null: return "NULL"
    case .int(let x): return type == .float ? prettyFloat(Double(x)) : grouped(String(x.magnitude), negative: x < 0)
    case .float(let x): return prettyFloat(x)
    default: return plain(v)
    }
  }

  /// The shortest round-trip form of a float, `nan`, `inf` or `-inf`.
  static func float(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    return x.description
  }

  /// A float rounded for reading.
  static func prettyFloat(_ x: Double) -> String {
    if !x.isFinite || x.magnitude >= 1e15 { return float(x) }
    if x == 0 { return "0.00" }
    let magnitude = x.magnitude
    if magnitude >= 1 {
      let cents = (magnitude * 100).rounded()
      let whole = (cents / 100).rounded(.down)
      let frac = Int(cents - whole * 100)
      let text = grouped(String(UInt64(whole)), negative: false) + "." + (frac < 10 ? "0" : "") + String(frac)
      return x < 0 ? "-" + text : text
    }
    if magnitude < 1e-6 { return float(x) }
    // Four significant digits: scale so that they sit before the point.
    var decimals = 4
    var m = magnitude
    while m < 0.1 {
      m *= 10
      decimals += 1
    }
    var digits = String(Int((magnitude * pow10(decimals)).rounded()))
    if digits.count > decimals {  // rounded up to 1.0
      return x < 0 ? "-1.00" : "1.00"
    }
    digits = String(repeating: "0", count: decimals - digits.count) + digits
    while digits.count > 2 && digits.last == "0" { digits.removeLast() }
    return (x < 0 ? "-0." : "0.") + digits
  }

  private static func pow10(_ k: Int) -> Double {
    var p = 1.0
    for _ in 0..<k { p *= 10 }
    return p
  }

  /// Digits with a comma every three from the right.
  static func grouped(_ digits: String, negative: Bool) -> String {
    var out = ""
    out.reserveCapacity(digits.count + digits.count / 3 + 1)
    if negative { out.append("-") }
    let n = digits.count
    for (i, ch) in digits.enumerated() {
      if i > 0 && (n - i) % 3 == 0 { out.append(",") }
      out.append(ch)
    }
    return out
  }

  /// `YYYY-MM-DD` of a day number.
  static func date(_ days: Int32) -> String {
    var b: [UInt8] = []
    appendDate(Int(days), to: &b)
    return String(decoding: b, as: UTF8.self)
  }

  /// `YYYY-MM-DDTHH:MM:SS[.ffffff]Z` of microseconds since the epoch.
  static func timestamp(_ micros: Int64) -> String {
    var b: [UInt8] = []
    b.reserveCapacity(27)
    let perDay = CivilCalendar.microsPerDay
    let (q, r) = micros.quotientAndRemainder(dividingBy: perDay)
    let days = r < 0 ? q - 1 : q
    let rest = r < 0 ? r + perDay : r
    appendDate(Int(days), to: &b)
    let seconds = Int(rest / 1_000_000)
    let frac = Int(rest % 1_000_000)
    b.append(UInt8(ascii: "T"))
    appendPadded(seconds / 3600, width: 2, to: &b)
    b.append(UInt8(ascii: ":"))
    appendPadded(seconds / 60 % 60, width: 2, to: &b)
    b.append(UInt8(ascii: ":"))
    appendPadded(seconds % 60, width: 2, to: &b)
    if frac != 0 {
      b.append(UInt8(ascii: "."))
      appendPadded(frac, width: 6, to: &b)
    }
    b.append(UInt8(ascii: "Z"))
    return String(decoding: b, as: UTF8.self)
  }

  private static func appendDate(_ days: Int, to b: inout [UInt8]) {
    let (y, m, d) = CivilCalendar.civil(days: days)
    if y < 0 { b.append(UInt8(ascii: "-")) }
    appendPadded(abs(y), width: 4, to: &b)
    b.append(UInt8(ascii: "-"))
    appendPadded(m, width: 2, to: &b)
    b.append(UInt8(ascii: "-"))
    appendPadded(d, width: 2, to: &b)
  }

  private static func appendPadded(_ v: Int, width: Int, to b: inout [UInt8]) {
    let digits = String(v).utf8
    for _ in digits.count..<max(width, digits.count) { b.append(UInt8(ascii: "0")) }
    b.append(contentsOf: digits)
  }
}
