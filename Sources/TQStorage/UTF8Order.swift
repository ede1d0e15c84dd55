#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The order of strings by their UTF-8 bytes, compared with `memcmp` where the bytes are
/// contiguous (native strings) instead of a generic element-by-element walk.
enum UTF8Order {
  /// Whether `a`'s UTF-8 bytes sort before `b`'s.
  @inline(__always) static func precedes(_ a: String, _ b: String) -> Bool {
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
    for i in strings.indices.dropFirst() where precedes(strings[i], strings[i - 1]) { return false }
    return true
  }
}
