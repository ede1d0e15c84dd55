#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The order of strings by their UTF-8 bytes, compared with `memcmp` where the bytes are
/// contiguous (native strings) instead of a generic element-by-element walk.
public enum UTF8Order {
  /// Whether `a`'s UTF-8 bytes sort before `b`'s.
  @inline(__always) public static func precedes(_ a: String, _ b: String) -> Bool {
    let fast = a.utf8.withContiguousStorageIfAvailable { x in
      b.utf8.withContiguousStorageIfAvailable { y -> Bool in
        let common = min(x.count, y.count)
        let r = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
        return r != 0 ? r < 0 : x.count < y.count
      }
    }
    return (fast ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
  }

  /// Whether no string of `strings` sorts before the one ahead of it.
  static func isAscending(_ strings: [String]) -> Bool {
    if strings.count < 2 { return true }
    // Two halves on two threads when the list is long (a journey id per journey).
    let parts = strings.count >= 1 << 16 ? 2 : 1
    let step = (strings.count + parts - 1) / parts
    return Parallel.map(parts) { k in
      let range = max(1, k * step)..<max(1, min(strings.count, (k + 1) * step))
      return !range.contains { precedes(strings[$0], strings[$0 - 1]) }
    }.allSatisfy { $0 }
  }
}
