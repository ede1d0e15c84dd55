/// Groups equal paths: an open-addressing table of 64-bit path hashes, confirmed by
/// comparing the touches (no allocation per path).
struct PathIndex {
  /// Group number + 1 per slot (0: empty); the slot count is a power of two.
  private var slots: [Int32]
  /// The hash of each group.
  private var hashes: [UInt64] = []
  /// Slots − 1.
  private var mask: Int

  /// An index sized for about `expected` groups.
  init(expected: Int = 1024) {
    var n = 1024
    while n < expected * 2 { n <<= 1 }
    slots = [Int32](repeating: 0, count: n)
    mask = n - 1
  }

  /// The group of `path` (a new group numbered `keys.count` when it is new); `keys[g]` is a path of group g.
  mutating func group(of path: ArraySlice<UInt32>, in p: PathSet, keys: [Int]) -> Int {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(path.count)
    for c in path { h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3 &+ (h >> 29) }
    h ^= h >> 31
    var s = Int(truncatingIfNeeded: h) & mask
    while true {
      let g = Int(slots[s]) - 1
      if g < 0 { break }
      if hashes[g] == h, p.path(keys[g]) == path { return g }
      s = (s + 1) & mask
    }
    let g = keys.count
    slots[s] = Int32(g + 1)
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
