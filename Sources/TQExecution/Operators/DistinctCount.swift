import TQStorage

/// The number of distinct values among 64-bit keys (`describe`), without sorting them.
///
/// Keys whose range spans fewer than 2^26 values set bits in a bitmap of the range. Wider
/// keys are first split into up to 2048 buckets by their high bits (one counting pass, one
/// scatter), then each bucket's keys go into a small open-addressing set that stays in the
/// cache; the distinct counts of the buckets add up.
enum DistinctCount {
  /// Ranges narrower than this many values are counted in a bitmap.
  static let bitmapRange: UInt64 = 1 << 26
  /// The most buckets wide keys are split into.
  static let bucketBits = 11

  /// Distinct keys among the rows `validity` marks (all without one); every such key lies in `lo ... hi`.
  static func of(_ keys: UnsafeBufferPointer<Int64>, lo: Int64, hi: Int64, validity: Bitmap?,
                 isCancelled: () -> Bool) throws -> Int
  {
    let all = validity == nil
    @inline(__always) func valid(_ r: Int) -> Bool { all || validity.unsafelyUnwrapped[r] }
    let span = UInt64(bitPattern: hi &- lo)
    if span < bitmapRange {
      var words = [UInt64](repeating: 0, count: Int(span >> 6) + 1)
      words.withUnsafeMutableBufferPointer { w in
        for r in keys.indices where valid(r) {
          let o = UInt64(bitPattern: keys[r] &- lo)
          w[Int(o >> 6)] |= 1 << (o & 63)
        }
      }
      return words.reduce(0) { $0 + $1.nonzeroBitCount }
    }
    let shift = UInt64(max(0, (64 - span.leadingZeroBitCount) - bucketBits))
    let buckets = Int(span >> shift) + 1
    // Counting and scattering through buffers: an array element written per row would
    // check its uniqueness each time.
    var starts = [Int](repeating: 0, count: buckets + 1)
    starts.withUnsafeMutableBufferPointer { s in
      for r in keys.indices where valid(r) { s[Int(UInt64(bitPattern: keys[r] &- lo) >> shift) + 1] += 1 }
      for b in 0..<buckets { s[b + 1] += s[b] }
    }
    var offsets = [UInt64](repeating: 0, count: starts[buckets])
    var fill = Array(starts.dropLast())
    offsets.withUnsafeMutableBufferPointer { out in
      fill.withUnsafeMutableBufferPointer { fill in
        for r in keys.indices where valid(r) {
          let o = UInt64(bitPattern: keys[r] &- lo)
          let b = Int(o >> shift)
          out[fill[b]] = o
          fill[b] += 1
        }
      }
    }
    if isCancelled() { throw Interrupted() }
    var set = OffsetSet()
    var distinct = 0
    offsets.withUnsafeBufferPointer { o in
      for b in 0..<buckets where starts[b] < starts[b + 1] {
        set.removeAll()
        for i in starts[b]..<starts[b + 1] { set.insert(o[i]) }
        distinct += set.count
      }
    }
    return distinct
  }

  /// A set of offsets (open addressing, linear probing), grown four-fold at half full.
  struct OffsetSet {
    /// Each slot holds offset + 1; 0 marks an empty slot.
    private var slots = [UInt64](repeating: 0, count: 64)
    /// Whether the offset whose + 1 wraps to 0 (UInt64.max) is in the set.
    private var hasMax = false
    /// Offsets in the slots.
    private var stored = 0

    /// The number of distinct offsets inserted.
    var count: Int { stored + (hasMax ? 1 : 0) }

    /// Empties the set, keeping its room.
    mutating func removeAll() {
      if stored > 0 { slots.withUnsafeMutableBufferPointer { $0.update(repeating: 0) } }
      stored = 0
      hasMax = false
    }

    /// Adds `offset`.
    @inline(__always) mutating func insert(_ offset: UInt64) {
      let v = offset &+ 1
      if v == 0 {
        hasMax = true
        return
      }
      if (stored + 1) * 2 > slots.count { grow() }
      let mask = slots.count - 1
      slots.withUnsafeMutableBufferPointer { s in
        var i = Int(truncatingIfNeeded: (v &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while s[i] != 0 {
          if s[i] == v { return }
          i = (i + 1) & mask
        }
        s[i] = v
        stored += 1
      }
    }

    /// Rehashes into four times the slots.
    private mutating func grow() {
      let old = slots
      slots = [UInt64](repeating: 0, count: old.count * 4)
      stored = 0
      for v in old where v != 0 { insert(v &- 1) }
    }
  }
}
