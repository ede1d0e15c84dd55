#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Dictionary codes per row in the narrowest width so far: 1 byte until a code reaches
/// 256, then 2 bytes until 65,536, then 4. Widening rewrites the rows already set.
///
/// Most categorical columns never leave one byte per row, which keeps a 10M-row load's
/// working memory (and its page faults) small. The owner must call `release()`.
struct CodeBuffer {
  private var base: UnsafeMutableRawPointer
  /// Bytes per code: 1, 2 or 4.
  private(set) var width = 1
  private var capacity: Int
  /// One past the highest row set so far (rows beyond it are uninitialised).
  private var limit = 0

  /// Creates a buffer of `capacity` zero codes.
  init(capacity: Int) {
    self.capacity = capacity
    base = UnsafeMutableRawPointer(RawMemory.allocateZeroed(UInt8.self, capacity))
  }

  /// Frees the buffer.
  func release() { free(base) }

  /// Grows to `newCapacity` rows (the new rows are uninitialised until set).
  mutating func grow(to newCapacity: Int) {
    base = UnsafeMutableRawPointer(RawMemory.reallocate(base.assumingMemoryBound(to: UInt8.self), newCapacity * width))
    capacity = newCapacity
  }

  /// Sets the code of `row`, widening first when it does not fit.
  @inline(__always) mutating func set(_ code: UInt32, row: Int) {
    limit = max(limit, row &+ 1)
    switch width {
    case 1 where code < 256: base.storeBytes(of: UInt8(truncatingIfNeeded: code), toByteOffset: row, as: UInt8.self)
    case 2 where code < 65_536:
      base.storeBytes(of: UInt16(truncatingIfNeeded: code), toByteOffset: row &* 2, as: UInt16.self)
    case 4: base.storeBytes(of: code, toByteOffset: row &* 4, as: UInt32.self)
    default: widenAndSet(code, row: row)
    }
  }

  /// Widens so that `code` fits, then sets it.
  @inline(never) private mutating func widenAndSet(_ code: UInt32, row: Int) {
    widen(toFit: code)
    set(code, row: row)
  }

  /// The codes' bytes, `width` per row, for a writer that keeps codes below `1 << (8 * width)`
  /// and reports the rows it wrote with `wrote(upTo:)`.
  var storage: UnsafeMutableRawPointer { base }

  /// Records that rows below `row` were written through `storage`.
  @inline(__always) mutating func wrote(upTo row: Int) { limit = max(limit, row) }

  /// Widens (rewriting the rows set so far) so that `code` fits.
  @inline(never) mutating func widen(toFit code: UInt32) {
    let needed = code < 256 ? 1 : code < 65_536 ? 2 : 4
    if needed > width { widen(to: needed) }
  }

  /// The code of `row`.
  @inline(__always) func get(_ row: Int) -> UInt32 {
    switch width {
    case 1: return UInt32(base.load(fromByteOffset: row, as: UInt8.self))
    case 2: return UInt32(base.load(fromByteOffset: row &* 2, as: UInt16.self))
    default: return base.load(fromByteOffset: row &* 4, as: UInt32.self)
    }
  }

  /// Copies the codes of `rows` into `dst` as `T`, through `remap` when given.
  func copy<T: FixedWidthInteger>(rows: Range<Int>, to dst: UnsafeMutablePointer<T>, remap: [UInt32]?) {
    switch width {
    case 1: Self.copy(base.assumingMemoryBound(to: UInt8.self) + rows.lowerBound, rows.count, dst, remap)
    case 2: Self.copy(base.assumingMemoryBound(to: UInt16.self) + rows.lowerBound, rows.count, dst, remap)
    default: Self.copy(base.assumingMemoryBound(to: UInt32.self) + rows.lowerBound, rows.count, dst, remap)
    }
  }

  private static func copy<S: FixedWidthInteger, T: FixedWidthInteger>(
    _ src: UnsafePointer<S>, _ rows: Int, _ dst: UnsafeMutablePointer<T>, _ remap: [UInt32]?
  ) {
    if let remap {
      remap.withUnsafeBufferPointer { m in
        for r in 0..<rows { (dst + r).initialize(to: T(truncatingIfNeeded: m[Int(src[r])])) }
      }
    } else if S.self == T.self {
      memcpy(dst, src, rows * MemoryLayout<T>.stride)
    } else {
      for r in 0..<rows { (dst + r).initialize(to: T(truncatingIfNeeded: src[r])) }
    }
  }

  /// Rewrites the rows set so far in `newWidth` bytes.
  private mutating func widen(to newWidth: Int) {
    let wider = UnsafeMutableRawPointer(RawMemory.allocateZeroed(UInt8.self, capacity * newWidth))
    for r in 0..<limit {
      let c = get(r)
      if newWidth == 2 {
        wider.storeBytes(of: UInt16(truncatingIfNeeded: c), toByteOffset: r * 2, as: UInt16.self)
      } else {
        wider.storeBytes(of: c, toByteOffset: r * 4, as: UInt32.self)
      }
    }
    free(base)
    base = wider
    width = newWidth
  }
}
