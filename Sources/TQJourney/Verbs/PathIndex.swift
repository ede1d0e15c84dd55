/// Groups equal paths: an open-addressing table of 64-bit path hashes; the caller confirms
/// a hash match by comparing touches (no allocation per path).
struct PathIndex {
  /// Group number + 1 per slot (0: empty); the slot count is a power of two.
  private var slots: [Int32]
  /// The hash of each group.
  private(set) var hashes: [UInt64] = []
  /// Slots − 1.
  private var mask: Int

  /// An index sized for about `expected` groups.
  init(expected: Int = 1024) {
    var n = 1024
    while n < expected * 2 { n <<= 1 }
    slots = [Int32](repeating: 0, count: n)
    mask = n - 1
  }

  /// The number of groups.
  var count: Int { hashes.count }

  /// The hash of a path of `count` touches with codes `code(0) … code(count − 1)`.
  @inline(__always) static func hash(count: Int, _ code: (Int) -> UInt64) -> UInt64 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(count)
    for i in 0..<count { h = (h ^ code(i)) &* 0x0000_0100_0000_01B3 &+ (h >> 29) }
    return h ^ (h >> 31)
  }

  /// The group of a path with hash `h`: the first group with that hash for which `isEqual`
  /// says yes; else nil and the free slot where `insert` puts a new group.
  @inline(__always) func find(hash h: UInt64, isEqual: (Int) -> Bool) -> (group: Int?, slot: Int) {
    var s = Int(truncatingIfNeeded: h) & mask
    while true {
      let g = Int(slots[s]) - 1
      if g < 0 { return (nil, s) }
      if hashes[g] == h, isEqual(g) { return (g, s) }
      s = (s + 1) & mask
    }
  }

  /// Adds a group numbered `count` with hash `h` at the free `slot` that `find` gave.
  mutating func insert(hash h: UInt64, slot: Int) -> Int {
    let g = hashes.count
    slots[slot] = Int32(g + 1)
    hashes.append(h)
    if hashes.count * 2 > slots.count { grow() }
    return g
  }

  /// Doubles the table and re-places every group.
  private mutating func grow() {
    slots = [Int32](repeating: 0, count: slots.count * 2)
    mask = slots.count - 1
    for (g, h) in hashes.enumerated() {
      var s = Int(truncatingIfNeeded: h) & mask
      while slots[s] != 0 { s = (s + 1) & mask }
      slots[s] = Int32(g + 1)
    }
  }
}
