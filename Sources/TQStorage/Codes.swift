/// Dictionary codes of a string column, in the narrowest width its cardinality allows.
///
/// A column with at most 256 distinct values uses one byte per row, at most 65,536
/// two bytes, else four. Scans compare codes, not strings.
public enum Codes: Sendable, Equatable {
  case u8([UInt8])
  case u16([UInt16])
  case u32([UInt32])

  /// Packs `codes` into the narrowest width that holds `cardinality` distinct codes.
  public init(_ codes: [UInt32], cardinality: Int) {
    if cardinality <= 256 {
      self = .u8(codes.map { UInt8(truncatingIfNeeded: $0) })
    } else if cardinality <= 65_536 {
      self = .u16(codes.map { UInt16(truncatingIfNeeded: $0) })
    } else {
      self = .u32(codes)
    }
  }

  /// The number of rows.
  public var count: Int {
    switch self {
    case .u8(let c): return c.count
    case .u16(let c): return c.count
    case .u32(let c): return c.count
    }
  }

  /// The code of row `i`.
  @inline(__always) public subscript(i: Int) -> Int {
    switch self {
    case .u8(let c): return Int(c[i])
    case .u16(let c): return Int(c[i])
    case .u32(let c): return Int(c[i])
    }
  }

  /// Bytes per row.
  public var width: Int {
    switch self {
    case .u8: return 1
    case .u16: return 2
    case .u32: return 4
    }
  }

  /// `table[code]` for every row, in one tight loop per code width (inlinable, so that it
  /// is specialised for the caller's element type).
  @inlinable public func lookup<T>(_ table: [T]) -> [T] {
    switch self {
    case .u8(let c): return Self.lookup(c, table)
    case .u16(let c): return Self.lookup(c, table)
    case .u32(let c): return Self.lookup(c, table)
    }
  }

  /// `table[code]` for every code of one width.
  @inlinable static func lookup<C: FixedWidthInteger, T>(_ codes: [C], _ table: [T]) -> [T] {
    codes.withUnsafeBufferPointer { src in
      table.withUnsafeBufferPointer { tab in
        [T](unsafeUninitializedCapacity: src.count) { dst, n in
          for i in 0..<src.count { (dst.baseAddress! + i).initialize(to: tab[Int(src[i])]) }
          n = src.count
        }
      }
    }
  }

  /// All codes widened to `UInt32` (for operators that do not specialise on width).
  public var widened: [UInt32] {
    switch self {
    case .u8(let c): return c.map { UInt32($0) }
    case .u16(let c): return c.map { UInt32($0) }
    case .u32(let c): return c
    }
  }

  /// The codes of the given rows, in the same width.
  public func gather(_ rows: [UInt32]) -> Codes {
    switch self {
    case .u8(let c): return .u8(c.gathered(rows))
    case .u16(let c): return .u16(c.gathered(rows))
    case .u32(let c): return .u32(c.gathered(rows))
    }
  }
}

extension Array {
  /// The elements at the given positions, in that order.
  @inlinable public func gathered(_ rows: [UInt32]) -> [Element] {
    withUnsafeBufferPointer { src in
      [Element](unsafeUninitializedCapacity: rows.count) { dst, n in
        for (k, r) in rows.enumerated() { (dst.baseAddress! + k).initialize(to: src[Int(r)]) }
        n = rows.count
      }
    }
  }
}
