/// The values of an integer column, in the narrowest signed width their range allows once
/// loaded (a 0/1 flag takes one byte a row, not eight).
///
/// Kernels that compute new integers produce `i64`; readers narrow what they load
/// (`Table.narrowingIntegers()`). Reading a value widens it to `Int64`.
public enum IntValues: Sendable, Equatable {
  case i8([Int8])
  case i16([Int16])
  case i32([Int32])
  case i64([Int64])

  /// `values` in the narrowest width that holds all of them.
  public init(narrowing values: [Int64]) {
    var lo: Int64 = 0, hi: Int64 = 0
    values.withUnsafeBufferPointer { v in
      for x in v {
        lo = min(lo, x)
        hi = max(hi, x)
      }
    }
    switch Self.width(lo, hi) {
    case 1: self = .i8(Self.narrow(values))
    case 2: self = .i16(Self.narrow(values))
    case 4: self = .i32(Self.narrow(values))
    default: self = .i64(values)
    }
  }

  /// The bytes per value (1, 2, 4 or 8) that hold every value from `lo` to `hi`.
  public static func width(_ lo: Int64, _ hi: Int64) -> Int {
    if lo >= Int64(Int8.min) && hi <= Int64(Int8.max) { return 1 }
    if lo >= Int64(Int16.min) && hi <= Int64(Int16.max) { return 2 }
    if lo >= Int64(Int32.min) && hi <= Int64(Int32.max) { return 4 }
    return 8
  }

  /// `values` converted to a width known to hold them.
  private static func narrow<T: FixedWidthInteger>(_ values: [Int64]) -> [T] {
    values.withUnsafeBufferPointer { src in
      [T](unsafeUninitializedCapacity: src.count) { dst, n in
        for i in 0..<src.count { dst[i] = T(truncatingIfNeeded: src[i]) }
        n = src.count
      }
    }
  }

  /// The number of values.
  public var count: Int {
    switch self {
    case .i8(let a): return a.count
    case .i16(let a): return a.count
    case .i32(let a): return a.count
    case .i64(let a): return a.count
    }
  }

  /// Bytes per value.
  public var width: Int {
    switch self {
    case .i8: return 1
    case .i16: return 2
    case .i32: return 4
    case .i64: return 8
    }
  }

  /// Value `i`.
  @inline(__always) public subscript(i: Int) -> Int64 {
    switch self {
    case .i8(let a): return Int64(a[i])
    case .i16(let a): return Int64(a[i])
    case .i32(let a): return Int64(a[i])
    case .i64(let a): return a[i]
    }
  }

  /// Every value as Int64 (the stored array itself when it is 64-bit).
  public var widened: [Int64] {
    switch self {
    case .i8(let a): return a.map { Int64($0) }
    case .i16(let a): return a.map { Int64($0) }
    case .i32(let a): return a.map { Int64($0) }
    case .i64(let a): return a
    }
  }

  /// The values at the given positions, in the same width.
  public func gathered(_ rows: [UInt32]) -> IntValues {
    switch self {
    case .i8(let a): return .i8(a.gathered(rows))
    case .i16(let a): return .i16(a.gathered(rows))
    case .i32(let a): return .i32(a.gathered(rows))
    case .i64(let a): return .i64(a.gathered(rows))
    }
  }

  /// The same values in the narrowest width.
  public var narrowed: IntValues {
    if case .i64(let a) = self { return IntValues(narrowing: a) }
    return self
  }
}
