#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Number parsers over raw bytes: no `String`, no allocation on the common path.
enum NumberParsing {
  /// Parses `[+-]digits` into an Int64, or `nil` (not an integer, or out of range).
  @inline(__always) static func int(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64? {
    var i = 0
    var negative = false
    let first = p[0]
    if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      negative = first == UInt8(ascii: "-")
      i = 1
      if n == 1 { return nil }
    }
    while i < n - 1 && p[i] == UInt8(ascii: "0") { i += 1 }  // leading zeros
    let digits = n - i
    if digits > 19 { return nil }
    var m: UInt64 = 0
    if digits < 19 {
      while i < n {
        let d = p[i] &- UInt8(ascii: "0")
        if d > 9 { return nil }
        m = m &* 10 &+ UInt64(d)
        i += 1
      }
    } else {
      while i < n {
        let d = p[i] &- UInt8(ascii: "0")
        if d > 9 { return nil }
        let (a, o1) = m.multipliedReportingOverflow(by: 10)
        let (b, o2) = a.addingReportingOverflow(UInt64(d))
        if o1 || o2 { return nil }
        m = b
        i += 1
      }
    }
    if negative {
      if m > UInt64(Int64.max) + 1 { return nil }
      return Int64(truncatingIfNeeded: 0 &- m)
    }
    if m > UInt64(Int64.max) { return nil }
    return Int64(m)
  }

  /// Exact powers of ten for the Clinger fast path.
  private static let powersOfTen: [Double] = (0...22).map { e in
    var x = 1.0
    for _ in 0..<e { x *= 10 }
    return x
  }

  /// Parses a decimal float (`-1.5`, `.5`, `5.`, `2e-3`) correctly rounded, or `nil`.
  ///
  /// `nan`, `inf`, hex and values that overflow to infinity are not floats. Up to 15
  /// significant digits with a small exponent take the exact fast path; the rest go
  /// through `strtod`.
  @inline(__always) static func double(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
    var i = 0
    var negative = false
    if p[0] == UInt8(ascii: "-") || p[0] == UInt8(ascii: "+") {
      negative = p[0] == UInt8(ascii: "-")
      i = 1
    }
    var mantissa: UInt64 = 0
    var significant = 0
    var exponent = 0
    var sawDigit = false
    var inexact = false
    while i < n {
      let d = p[i] &- UInt8(ascii: "0")
      if d > 9 { break }
      sawDigit = true
      if significant < 19 {
        if mantissa != 0 || d != 0 {
          mantissa = mantissa &* 10 &+ UInt64(d)
          significant += 1
        }
      } else {
        exponent += 1
        if d != 0 { inexact = true }
      }
      i += 1
    }
    if i < n && p[i] == UInt8(ascii: ".") {
      i += 1
      while i < n {
        let d = p[i] &- UInt8(ascii: "0")
        if d > 9 { break }
        sawDigit = true
        if significant < 19 {
          if mantissa != 0 || d != 0 {
            mantissa = mantissa &* 10 &+ UInt64(d)
            significant += 1
          }
          exponent -= 1
        } else if d != 0 {
          inexact = true
        }
        i += 1
      }
    }
    if !sawDigit { return nil }
    if i < n && (p[i] | 0x20) == UInt8(ascii: "e") {
      i += 1
      var expNegative = false
      if i < n && (p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+")) {
        expNegative = p[i] == UInt8(ascii: "-")
        i += 1
      }
      if i >= n { return nil }
      var e = 0
      while i < n {
        let d = p[i] &- UInt8(ascii: "0")
        if d > 9 { return nil }
        if e < 100_000 { e = e * 10 + Int(d) }
        i += 1
      }
      exponent += expNegative ? -e : e
    }
    if i != n { return nil }
    if mantissa == 0 { return negative ? -0.0 : 0.0 }
    if !inexact && significant <= 15 && exponent >= -22 && exponent <= 22 {
      let m = Double(mantissa)
      let v = exponent < 0 ? m / powersOfTen[-exponent] : m * powersOfTen[exponent]
      return negative ? -v : v
    }
    let v = strtodFallback(p, n)
    return v.isFinite ? v : nil
  }

  /// `strtod` on a NUL-terminated copy (the grammar was checked by the caller).
  private static func strtodFallback(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { buf in
      let base = buf.baseAddress!
      UnsafeMutableRawPointer(base).copyMemory(from: p, byteCount: n)
      base[n] = 0
      return strtod(base, nil)
    }
  }

  /// Parses `true` / `false` in any letter case.
  @inline(__always) static func bool(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool? {
    if n == 4 {
      return load32(p) | 0x2020_2020 == 0x6575_7274 ? true : nil  // "true"
    }
    if n == 5 {
      return load32(p) | 0x2020_2020 == 0x736C_6166 && p[4] | 0x20 == UInt8(ascii: "e") ? false : nil  // "fals" + "e"
    }
    return nil
  }
}
