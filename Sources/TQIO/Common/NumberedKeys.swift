/// Identifier-shaped text coded by the number its digits spell, with a bit per number seen.
///
/// While a CSV column of ids (`c0014101`) is read, each row keeps its id's number and the
/// number's bit is set: a store and a bit in a table of `10^digits` bits (1.25 MB at 7
/// digits), where a code table would take a random access into 40 MB. The finished column
/// codes each id by its rank among the numbers seen (`NumberRanks`), so its dictionary is
/// in ascending order and the halves of a file read on two threads merge by OR-ing their
/// bits. The owner must call `release()`.
struct NumberedKeys {
  /// Codes at or above this are not numbers but `ByteDictionary` codes plus this flag.
  static let hashedFlag: UInt32 = 0x8000_0000

  /// The shape of the numbered keys.
  let shape: KeyShape
  /// One bit per number, set when a key with that number was read.
  let seen: UnsafeMutablePointer<UInt64>
  /// The number of words in `seen`.
  let words: Int

  /// Numbering for keys shaped like the `n` bytes at `p`, or `nil` when they have no shape.
  init?(shapedLike p: UnsafePointer<UInt8>, _ n: Int) {
    guard let shape = KeyShape(shapedLike: p, n) else { return nil }
    self.init(shape: shape)
  }

  /// Numbering for keys of `shape`, with no number seen.
  init(shape: KeyShape) {
    self.shape = shape
    words = (shape.numbers + 63) >> 6
    seen = RawMemory.allocateZeroed(UInt64.self, words)
  }

  /// Frees the bits.
  func release() { RawMemory.release(seen) }

  /// The number of the `n` bytes at `p`, marked seen, or -1 when they have another shape.
  @inline(__always) func mark(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
    let k = shape.number(p, n)
    if k >= 0 { seen[k >> 6] |= 1 &<< UInt64(truncatingIfNeeded: k & 63) }
    return k
  }

  /// Marks number `k` seen.
  @inline(__always) func mark(number k: Int) { seen[k >> 6] |= 1 &<< UInt64(truncatingIfNeeded: k & 63) }

  /// Adds the numbers `other` has seen (of the same shape).
  func absorb(_ other: NumberedKeys) {
    for w in 0..<words { seen[w] |= other.seen[w] }
  }
}

/// The rank of each seen number among all seen numbers: the code of its key.
struct NumberRanks {
  /// The numbers' bits.
  let keys: NumberedKeys
  /// Per word of bits, the seen numbers in the words before it.
  private let before: [UInt32]
  /// The number of seen numbers.
  let count: Int

  /// Ranks for the numbers `keys` has seen.
  init(_ keys: NumberedKeys) {
    self.keys = keys
    var before = [UInt32](repeating: 0, count: keys.words)
    var total = 0
    for w in 0..<keys.words {
      before[w] = UInt32(truncatingIfNeeded: total)
      total += keys.seen[w].nonzeroBitCount
    }
    self.before = before
    count = total
  }

  /// The rank of seen number `k`.
  @inline(__always) func rank(_ k: Int) -> UInt32 {
    let below = keys.seen[k >> 6] & ((1 &<< UInt64(truncatingIfNeeded: k & 63)) &- 1)
    return before[k >> 6] &+ UInt32(truncatingIfNeeded: below.nonzeroBitCount)
  }

  /// The keys of the seen numbers in ascending order.
  ///
  /// The digits are kept as a counter that steps from one seen number to the next, so a
  /// key costs a few byte increments rather than a division per digit.
  func strings() -> [String] {
    var out: [String] = []
    out.reserveCapacity(count)
    let shape = keys.shape
    let n = shape.length
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: n)
    defer { buffer.deallocate() }
    shape.write(0, to: buffer)
    var at = 0  // the number the buffer spells
    for w in 0..<keys.words {
      var bits = keys.seen[w]
      while bits != 0 {
        let k = w << 6 | bits.trailingZeroBitCount
        if k - at > 64 {
          shape.write(k, to: buffer)
        } else {
          for _ in at..<k { Self.increment(buffer, length: n) }
        }
        at = k
        out.append(String(decoding: UnsafeBufferPointer(start: buffer, count: n), as: UTF8.self))
        bits &= bits &- 1
      }
    }
    return out
  }

  /// Adds one to the decimal digits that end the `length` bytes at `p` (the key of the next
  /// number; never called past the last number of the shape).
  @inline(__always) private static func increment(_ p: UnsafeMutablePointer<UInt8>, length: Int) {
    var i = length - 1
    while p[i] == UInt8(ascii: "9") {
      p[i] = UInt8(ascii: "0")
      i -= 1
    }
    p[i] += 1
  }
}
