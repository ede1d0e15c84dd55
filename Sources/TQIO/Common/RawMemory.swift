#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import TQStorage

/// malloc-backed buffers for the readers' hot loops.
///
/// Column buffers grow with `realloc` (glibc moves large blocks with `mremap`, without a
/// copy) and hold trivial values only, so raw C allocation is safe and cheaper than arrays
/// kept in properties (PERFORMANCE.md, recipe 5).
enum RawMemory {
  /// Allocates room for `count` values of a trivial type (uninitialised).
  @inline(__always) static func allocate<T>(_: T.Type, _ count: Int) -> UnsafeMutablePointer<T> {
    let bytes = max(1, count) * MemoryLayout<T>.stride
    guard let raw = malloc(bytes) else { fatalError("out of memory allocating \(bytes) bytes") }
    adviseHugePages(raw, bytes)
    return raw.bindMemory(to: T.self, capacity: max(1, count))
  }

  /// Blocks at least this large ask for transparent huge pages.
  static let hugePageThreshold = HugePages.threshold

  /// Asks the kernel to back a large block with 2 MB pages, which cuts the page faults of
  /// filling fresh column memory ~500-fold (PERFORMANCE.md notes first-touch faults).
  @inline(__always) static func adviseHugePages(_ p: UnsafeMutableRawPointer, _ bytes: Int) {
    HugePages.advise(p, bytes: bytes)
  }

  /// Allocates room for `count` values of a trivial type, all bytes zero.
  @inline(__always) static func allocateZeroed<T>(_: T.Type, _ count: Int) -> UnsafeMutablePointer<T> {
    guard let raw = calloc(max(1, count), MemoryLayout<T>.stride) else { fatalError("out of memory") }
    adviseHugePages(raw, max(1, count) * MemoryLayout<T>.stride)
    return raw.bindMemory(to: T.self, capacity: max(1, count))
  }

  /// Resizes a buffer from `allocate` to `count` values, keeping the prefix.
  @inline(__always) static func reallocate<T>(_ p: UnsafeMutablePointer<T>, _ count: Int) -> UnsafeMutablePointer<T> {
    let bytes = max(1, count) * MemoryLayout<T>.stride
    guard let raw = realloc(UnsafeMutableRawPointer(p), bytes) else { fatalError("out of memory allocating \(bytes) bytes") }
    adviseHugePages(raw, bytes)
    return raw.bindMemory(to: T.self, capacity: max(1, count))
  }

  /// Resizes a buffer from `allocate` and zeroes the values from `old` up to `count`.
  @inline(__always) static func reallocateZeroingTail<T>(_ p: UnsafeMutablePointer<T>, from old: Int, to count: Int)
    -> UnsafeMutablePointer<T>
  {
    let q = reallocate(p, count)
    if count > old { memset(UnsafeMutableRawPointer(q + old), 0, (count - old) * MemoryLayout<T>.stride) }
    return q
  }

  /// Frees a buffer from `allocate`.
  @inline(__always) static func release<T>(_ p: UnsafeMutablePointer<T>?) {
    if let p { free(UnsafeMutableRawPointer(p)) }
  }
}

/// Loads 8 bytes from any address (little-endian hosts).
@inline(__always) func load64(_ p: UnsafePointer<UInt8>) -> UInt64 {
  UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
}

/// Loads 4 bytes from any address.
@inline(__always) func load32(_ p: UnsafePointer<UInt8>) -> UInt32 {
  UnsafeRawPointer(p).loadUnaligned(as: UInt32.self)
}

/// Bytes of every lane set to `b`.
@inline(__always) func broadcast(_ b: UInt8) -> UInt64 { UInt64(b) &* 0x0101_0101_0101_0101 }

/// The high bit of each byte lane of `w` that is zero (exact for the lowest zero lane and
/// zero when no lane is zero).
@inline(__always) func zeroLanes(_ w: UInt64) -> UInt64 {
  (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080
}

/// The text of `errno` (strerror).
func errnoText(_ code: Int32) -> String { String(cString: strerror(code)) }
