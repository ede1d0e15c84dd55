#if canImport(Glibc)
  import Glibc
#endif

/// Asks Linux to back large fresh buffers with 2 MB pages.
///
/// Filling fresh memory costs a page fault and a zeroed page per 4 KB; with transparent huge
/// pages in `madvise` mode (this machine's setting) one fault covers 2 MB, which makes
/// writing a new 40 MB column several times faster.
public enum HugePages {
  /// Buffers at least this large are advised.
  public static let threshold = 4 << 20

  /// Advises the whole pages inside `bytes` bytes at `p` (nothing for small buffers).
  @inline(__always) public static func advise(_ p: UnsafeMutableRawPointer, bytes: Int) {
    #if os(Linux)
      if bytes < threshold { return }
      let page = 4096
      let start = (Int(bitPattern: p) + page - 1) & ~(page - 1)
      let end = (Int(bitPattern: p) + bytes) & ~(page - 1)
      if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE) }
    #endif
  }

  /// An array of `count` trivial values made by `fill`, which must initialise them all.
  @inlinable public static func array<T>(count: Int, _ fill: (UnsafeMutablePointer<T>) -> Void) -> [T] {
    [T](unsafeUninitializedCapacity: count) { buf, n in
      if let base = buf.baseAddress {
        advise(UnsafeMutableRawPointer(base), bytes: count * MemoryLayout<T>.stride)
        fill(base)
      }
      n = count
    }
  }
}
