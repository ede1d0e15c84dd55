/// A small direct-mapped cache of recent keys of up to 16 bytes and their codes, kept
/// in front of a `ByteDictionary`.
///
/// A key of up to 16 bytes is wholly described by its length, its first 8 and its last 8
/// bytes, so a hit needs one multiply and one slot compare instead of a full hash, a probe
/// and an entry compare. Low-cardinality columns (channels, devices, stages) hit nearly
/// always. The owner must call `release()`.
struct KeyMemo {
  /// One remembered key.
  private struct Slot {
    var head: UInt64
    var tail: UInt64
    var length: UInt32
    var code: UInt32
  }

  /// Slots in the cache (a power of two).
  private static let size = 512
  private let slots: UnsafeMutablePointer<Slot>

  /// Creates an empty cache.
  init() {
    slots = RawMemory.allocate(Slot.self, Self.size)
    slots.initialize(repeating: Slot(head: 0, tail: 0, length: .max, code: 0), count: Self.size)
  }

  /// Frees the cache.
  func release() { RawMemory.release(slots) }

  /// The slot for a key of length `n` with first and last words `head` and `tail`.
  @inline(__always) static func index(_ head: UInt64, _ tail: UInt64, _ n: Int) -> Int {
    let h = (head ^ (tail >> 7 | tail << 57) ^ UInt64(truncatingIfNeeded: n)) &* 0x9E37_79B9_7F4A_7C15
    return Int(truncatingIfNeeded: h >> 55)
  }

  /// The code remembered at `i` for this key, or -1.
  @inline(__always) func code(at i: Int, _ head: UInt64, _ tail: UInt64, _ n: Int) -> Int {
    let s = slots[i]
    return s.head == head && s.tail == tail && Int(s.length) == n ? Int(s.code) : -1
  }

  /// Remembers `code` for this key at `i`.
  @inline(__always) func store(_ code: UInt32, at i: Int, _ head: UInt64, _ tail: UInt64, _ n: Int) {
    slots[i] = Slot(head: head, tail: tail, length: UInt32(truncatingIfNeeded: n), code: code)
  }
}
