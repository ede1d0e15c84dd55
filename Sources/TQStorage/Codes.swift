/// Dictionary codes of a string column, in the narrowest width its cardinality allows.
///
/// A column with at most 256 distinct values uses one byte per row, at most 65,536
/// two bytes, else four; a journey column in journey order holds run numbers and no byte
/// per row (`RunCodes`). Scans compare codes, not strings.
public enum Codes: Sendable, Equatable {
  case u8([UInt8])
  case u16([UInt16])
  case u32([UInt32])
  case runs(RunCodes)

  /// Packs `codes` into the narrowest width that holds `cardinality` distinct codes.
  public init(_ codes: [UInt32], cardinality: Int) {
    self = .narrowest(
      cardinality: cardinality, { codes.map { UInt8(truncatingIfNeeded: $0) } },
      { codes.map { UInt16(truncatingIfNeeded: $0) } }, { codes })
  }

  /// Codes in the narrowest width that holds `cardinality` distinct codes, made by that
  /// width's closure (only that one runs).
  @inlinable public static func narrowest(
    cardinality: Int, _ u8: () -> [UInt8], _ u16: () -> [UInt16], _ u32: () -> [UInt32]
  ) -> Codes {
    cardinality <= 256 ? .u8(u8()) : cardinality <= 65_536 ? .u16(u16()) : .u32(u32())
  }

  /// The number of rows.
  public var count: Int {
    switch self {
    case .u8(let c): return c.count
    case .u16(let c): return c.count
    case .u32(let c): return c.count
    case .runs(let r): return r.count
    }
  }

  /// The code of row `i`.
  @inline(__always) public subscript(i: Int) -> Int {
    switch self {
    case .u8(let c): return Int(c[i])
    case .u16(let c): return Int(c[i])
    case .u32(let c): return Int(c[i])
    case .runs(let r): return r[i]
    }
  }

  /// Bytes the codes take.
  public var bytes: Int {
    switch self {
    case .u8(let c): return c.count
    case .u16(let c): return c.count * 2
    case .u32(let c): return c.count * 4
    case .runs(let r): return r.starts.count * 4
    }
  }

  /// `table[code]` for every row, in one tight loop per code width (inlinable, so that it
  /// is specialised for the caller's element type).
  @inlinable public func lookup<T>(_ table: [T]) -> [T] {
    switch self {
    case .u8(let c): return Self.lookup(c, table)
    case .u16(let c): return Self.lookup(c, table)
    case .u32(let c): return Self.lookup(c, table)
    case .runs(let r): return r.lookup(table)
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
    case .runs(let r): return r.widened
    }
  }

  /// The code of each run of rows `starts[j] ..< starts[j + 1]` when every run has a
  /// single code and no two runs share one; nil otherwise.
  public func runCodes(_ starts: [UInt32], cardinality: Int) -> [UInt32]? {
    switch self {
    case .u8(let c): return Self.runCodes(c, starts, cardinality)
    case .u16(let c): return Self.runCodes(c, starts, cardinality)
    case .u32(let c): return Self.runCodes(c, starts, cardinality)
    case .runs(let r): return r.starts == starts ? Array(0..<UInt32(starts.count - 1)) : nil
    }
  }

  /// `runCodes` for one width.
  static func runCodes<C: FixedWidthInteger>(_ codes: [C], _ starts: [UInt32], _ cardinality: Int) -> [UInt32]? {
    var seen = [Bool](repeating: false, count: cardinality)
    var out = [UInt32](repeating: 0, count: max(0, starts.count - 1))
    let ok = codes.withUnsafeBufferPointer { c in
      starts.withUnsafeBufferPointer { s in
        for j in 0..<out.count {
          let code = c[Int(s[j])]
          guard Int(code) < cardinality, !seen[Int(code)] else { return false }
          seen[Int(code)] = true
          out[j] = UInt32(code)
          for r in Int(s[j])..<Int(s[j + 1]) where c[r] != code { return false }
        }
        return true
      }
    }
    return ok ? out : nil
  }

  /// The codes of the given rows, in the same width.
  public func gather(_ rows: [UInt32]) -> Codes {
    switch self {
    case .u8(let c): return .u8(c.gathered(rows))
    case .u16(let c): return .u16(c.gathered(rows))
    case .u32(let c): return .u32(c.gathered(rows))
    case .runs(let r): return Codes(r.gathered(rows), cardinality: max(0, r.starts.count - 1))
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
