#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An open-addressing hash table from byte strings to dense codes, with keys in an arena.
///
/// Readers encode string fields straight from the input bytes: no `String` is made per
/// value, only one per distinct value at the end (PERFORMANCE.md, recipe 3). Codes are
/// assigned in insertion order.
///
/// A lookup usually touches two cache lines: the slot (which carries 32 bits of the hash)
/// and the entry (which carries the key's first 8 bytes, so keys up to 8 bytes never read
/// the arena). Keys of up to 16 bytes are first looked up in a small `KeyMemo`; for
/// longer ones the previous key is checked first, since sorted exports repeat values in
/// runs. Keys shaped like identifiers (the first key's length and prefix, trailing digits)
/// skip the table: a `DenseKeyIndex` maps their number to the code. The owner must call
/// `release()` exactly once.
struct ByteDictionary {
  /// One key: where its bytes are and an injective 8-byte summary of short keys.
  private struct Entry {
    var head: UInt64
    var offset: Int
    var length: Int
  }

  private var slots: UnsafeMutablePointer<UInt64>  // 0 = empty, else hash tag << 32 | code + 1
  private var slotMask: Int
  private var entries: UnsafeMutablePointer<Entry>
  private var hashes: UnsafeMutablePointer<UInt64>
  private var entryCapacity: Int
  private var arena: UnsafeMutablePointer<UInt8>
  private var arenaUsed = 0
  private var arenaCapacity: Int
  private var lastCode = -1
  /// The keys in `slots` (the others are in `dense`).
  private var hashed = 0
  /// Whether the first key has been offered to `dense`.
  private var learnt = false
  /// The flat index of identifier-shaped keys, when the first key has such a shape.
  private(set) var dense: DenseKeyIndex?
  /// Recent short keys and their codes, checked before the table.
  let memo = KeyMemo()
  /// The number of distinct keys.
  private(set) var count = 0

  /// Creates an empty dictionary.
  init() {
    slotMask = 63
    slots = RawMemory.allocateZeroed(UInt64.self, 64)
    entryCapacity = 32
    entries = RawMemory.allocate(Entry.self, entryCapacity)
    hashes = RawMemory.allocate(UInt64.self, entryCapacity)
    arenaCapacity = 1024
    arena = RawMemory.allocate(UInt8.self, arenaCapacity)
  }

  /// Frees the table and its keys.
  func release() {
    RawMemory.release(slots)
    RawMemory.release(entries)
    RawMemory.release(hashes)
    RawMemory.release(arena)
    dense?.release()
    memo.release()
  }

  /// The code of the `n` bytes at `p`, adding them when new.
  @inline(__always) mutating func insert(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32 {
    insert(p, n, overread: false)
  }

  /// The code of the `n` bytes at `p`, adding them when new; `overread` says that the 8
  /// bytes from `p` may be read even when the key is shorter, which lets short keys be
  /// summarised without branching on their length.
  @inline(__always) mutating func insert(_ p: UnsafePointer<UInt8>, _ n: Int, overread: Bool) -> UInt32 {
    if let dense {
      let slot = dense.slot(p, n)
      if slot >= 0 {
        let c = dense.code(at: slot)
        return c >= 0 ? UInt32(truncatingIfNeeded: c) : addDense(p, n, slot: slot)
      }
    } else if !learnt {
      return insertFirst(p, n)
    }
    return insertHashed(p, n, overread: overread)
  }

  /// Whether the first key has been inserted (and with it the choice of a dense index made).
  var hasFirstKey: Bool { learnt }

  /// `insert` for a key that the dense index (if any) does not hold, once the first key is in.
  @inline(__always) mutating func insertHashed(_ p: UnsafePointer<UInt8>, _ n: Int, overread: Bool) -> UInt32 {
    if n <= 16 {
      let all = UInt64.max
      let head: UInt64
      if overread || n >= 8 {
        head = load64(p) & (n >= 8 ? all : ~(all &<< UInt64(truncatingIfNeeded: n &* 8)))
      } else {
        head = Self.head(p, n)
      }
      let tail = n > 8 ? load64(p + (n &- 8)) : 0
      let m = KeyMemo.index(head, tail, n)
      let known = memo.code(at: m, head, tail, n)
      if known >= 0 { return UInt32(truncatingIfNeeded: known) }
      return insertUnremembered(p, n, head: head, tail: tail, memo: m)
    }
    let head = load64(p)
    if lastCode >= 0 && matches(lastCode, p, n, head) { return UInt32(truncatingIfNeeded: lastCode) }
    return probe(p, n, head: head, hash: Self.hash(p, n, head: head))
  }

  /// The code of a short key (`n` ≤ 16, summarised by `head` and `tail`) that memo slot `m`
  /// does not hold, adding the key when new; the slot then holds it.
  @inline(never) mutating func insertUnremembered(
    _ p: UnsafePointer<UInt8>, _ n: Int, head: UInt64, tail: UInt64, memo m: Int
  ) -> UInt32 {
    let c = probe(p, n, head: head, hash: Self.hash(p, n, head: head))
    memo.store(c, at: m, head, tail, n)
    return c
  }

  /// The code of the `n` bytes at `p` whose head and hash are known, adding them when new.
  @inline(__always) private mutating func probe(
    _ p: UnsafePointer<UInt8>, _ n: Int, head: UInt64, hash h: UInt64
  ) -> UInt32 {
    let tag = h & 0xFFFF_FFFF_0000_0000
    var i = Int(truncatingIfNeeded: h) & slotMask
    while true {
      let s = slots[i]
      if s == 0 { return add(p, n, h, head: head, slot: i) }
      if s & 0xFFFF_FFFF_0000_0000 == tag {
        let c = Int(truncatingIfNeeded: s & 0xFFFF_FFFF) &- 1
        if matches(c, p, n, head) {
          lastCode = c
          return UInt32(truncatingIfNeeded: c)
        }
      }
      i = (i &+ 1) & slotMask
    }
  }

  /// Whether code `c`'s key is the `n` bytes at `p` (whose head is `head`).
  @inline(__always) private func matches(_ c: Int, _ p: UnsafePointer<UInt8>, _ n: Int, _ head: UInt64) -> Bool {
    let e = entries[c]
    guard e.length == n && e.head == head else { return false }
    if n <= 8 { return true }
    let k = arena + e.offset
    if n <= 16 { return load64(k + n - 8) == load64(p + n - 8) }
    return memcmp(k + 8, p + 8, n - 8) == 0
  }

  /// The bytes of code `c`.
  @inline(__always) func key(_ c: Int) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: arena + entries[c].offset, count: entries[c].length)
  }

  /// The distinct keys in code order as strings (the bytes must be valid UTF-8).
  func strings() -> [String] {
    (0..<count).map { String(decoding: key($0), as: UTF8.self) }
  }

  /// Inserts the first key, learning whether identifier-shaped keys get a flat index.
  @inline(never) private mutating func insertFirst(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32 {
    learnt = true
    dense = DenseKeyIndex(shapedLike: p, n)
    return insert(p, n)
  }

  /// Adds an identifier-shaped key at `slot` of the flat index.
  @inline(never) mutating func addDense(_ p: UnsafePointer<UInt8>, _ n: Int, slot: Int) -> UInt32 {
    let c = append(p, n, 0, head: Self.head(p, n))
    dense.unsafelyUnwrapped.set(c, at: slot)
    return UInt32(truncatingIfNeeded: c)
  }

  /// Adds a key to the hash table at `slot`.
  private mutating func add(_ p: UnsafePointer<UInt8>, _ n: Int, _ h: UInt64, head: UInt64, slot: Int) -> UInt32 {
    let c = append(p, n, h, head: head)
    slots[slot] = h & 0xFFFF_FFFF_0000_0000 | UInt64(c &+ 1)
    lastCode = c
    hashed += 1
    if hashed * 2 > slotMask { grow() }
    return UInt32(truncatingIfNeeded: c)
  }

  /// Stores a new key's bytes and entry; returns its code.
  @inline(__always) private mutating func append(_ p: UnsafePointer<UInt8>, _ n: Int, _ h: UInt64, head: UInt64) -> Int {
    if count == entryCapacity {
      entryCapacity *= 2
      entries = RawMemory.reallocate(entries, entryCapacity)
      hashes = RawMemory.reallocate(hashes, entryCapacity)
    }
    if arenaUsed + n > arenaCapacity {
      arenaCapacity = max(arenaCapacity * 2, arenaUsed + n)
      arena = RawMemory.reallocate(arena, arenaCapacity)
    }
    if n > 0 { memcpy(arena + arenaUsed, p, n) }
    let c = count
    entries[c] = Entry(head: head, offset: arenaUsed, length: n)
    hashes[c] = h
    arenaUsed += n
    count += 1
    return c
  }

  /// Doubles the slot table and re-slots the hashed keys.
  private mutating func grow() {
    let size = (slotMask + 1) * 2
    RawMemory.release(slots)
    slots = RawMemory.allocateZeroed(UInt64.self, size)
    slotMask = size - 1
    for c in 0..<count {
      if let dense, dense.slot(arena + entries[c].offset, entries[c].length) >= 0 { continue }
      let h = hashes[c]
      var i = Int(truncatingIfNeeded: h) & slotMask
      while slots[i] != 0 { i = (i &+ 1) & slotMask }
      slots[i] = h & 0xFFFF_FFFF_0000_0000 | UInt64(c &+ 1)
    }
  }

  /// The first 8 bytes of the key, zero-padded when it is shorter (so that, together with
  /// the length, they identify keys of up to 8 bytes). Never reads outside the key.
  @inline(__always) static func head(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
    if n >= 8 { return load64(p) }
    if n >= 4 { return UInt64(load32(p)) | UInt64(load32(p + n - 4)) << UInt64((n - 4) * 8) }
    if n > 0 { return UInt64(p[0]) | UInt64(p[n >> 1]) << UInt64((n >> 1) * 8) | UInt64(p[n - 1]) << UInt64((n - 1) * 8) }
    return 0
  }

  /// A 64-bit hash of `n` bytes whose head is `head`.
  @inline(__always) static func hash(_ p: UnsafePointer<UInt8>, _ n: Int, head: UInt64) -> UInt64 {
    var h = mix(head ^ UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15)
    if n > 8 {
      var i = 8
      while i &+ 8 < n {
        h = mix(h ^ load64(p + i))
        i &+= 8
      }
      h = mix(h ^ load64(p + n - 8))
    }
    return h
  }

  /// A 64-bit finaliser (SplitMix64).
  @inline(__always) private static func mix(_ x: UInt64) -> UInt64 {
    var h = x &* 0xBF58_476D_1CE4_E5B9
    h ^= h >> 31
    h = h &* 0x94D0_49BB_1331_11EB
    return h ^ (h >> 29)
  }
}
