/// The shape of identifier-like keys: one length, one prefix and a run of trailing decimal
/// digits (`c0014101`, `j0000042`, `order-000123`).
///
/// The shape is learnt from one key. A key of that shape maps to the number its digits
/// spell with a few word operations, and back: the keys of a shape and the numbers below
/// `10^digits` correspond one to one.
struct KeyShape: Equatable {
  /// Most trailing digits read (the number space is `10^digits`).
  static let maxDigits = 7
  private static let zeros = broadcast(UInt8(ascii: "0"))

  /// The key length, 8 to 16 bytes.
  let length: Int
  /// The number of trailing digits.
  let digits: Int
  /// The prefix lanes of the first 8 bytes, and their expected bytes.
  private let headMask: UInt64
  private let head: UInt64
  /// The prefix lanes of the last 8 bytes (the digits are the rest), and their bytes.
  private let tailMask: UInt64
  private let tail: UInt64

  /// The shape of the `n` bytes at `p`, or `nil` when they do not end in a digit or are not
  /// 8 to 16 bytes long.
  init?(shapedLike p: UnsafePointer<UInt8>, _ n: Int) {
    guard n >= 8 && n <= 16 else { return nil }
    var digits = 0
    while digits < Self.maxDigits && (p[n - 1 - digits] &- UInt8(ascii: "0")) <= 9 { digits += 1 }
    guard digits > 0 else { return nil }
    length = n
    self.digits = digits
    let prefix = n - digits
    var hm: UInt64 = 0
    for i in 0..<8 where i < prefix { hm |= 0xFF << UInt64(i * 8) }
    headMask = hm
    head = load64(p) & hm
    tailMask = UInt64.max >> UInt64(digits * 8)
    tail = load64(p + n - 8) & tailMask
  }

  /// The size of the number space, `10^digits`.
  var numbers: Int {
    var n = 1
    for _ in 0..<digits { n *= 10 }
    return n
  }

  /// The number of the `n` bytes at `p` when they have the shape, else -1.
  @inline(__always) func number(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
    guard n == length else { return -1 }
    let last = load64(p + n - 8)
    guard load64(p) & headMask == head && last & tailMask == tail else { return -1 }
    // Digits as values 0-9 in the top lanes, zeros below (leading zero digits).
    let x = (last ^ Self.zeros) & ~tailMask
    guard (x & 0xF0F0_F0F0_F0F0_F0F0) | ((x &+ 0x0606_0606_0606_0606) & 0x1010_1010_1010_1010) == 0 else {
      return -1
    }
    return Int(truncatingIfNeeded: Self.number(x))
  }

  /// The key of number `k` (below `numbers`) written into `out`, which has room for
  /// `length` bytes.
  func write(_ k: Int, to out: UnsafeMutablePointer<UInt8>) {
    // The prefix bytes come from the learnt words; they overlap where the key is shorter
    // than 16 bytes, and agree there.
    withUnsafeBytes(of: head.littleEndian) { h in
      for i in 0..<min(8, length - digits) { out[i] = h[i] }
    }
    withUnsafeBytes(of: tail.littleEndian) { t in
      for i in max(0, length - 8)..<(length - digits) { out[i] = t[i - (length - 8)] }
    }
    var v = k
    for i in stride(from: length - 1, through: length - digits, by: -1) {
      out[i] = UInt8(ascii: "0") + UInt8(v % 10)
      v /= 10
    }
  }

  /// The number spelled by eight digit values, the first in the lowest lane.
  @inline(__always) private static func number(_ x: UInt64) -> UInt64 {
    var v = (x &* 2561) >> 8 & 0x00FF_00FF_00FF_00FF
    v = (v &* 6_553_601) >> 16 & 0x0000_FFFF_0000_FFFF
    return (v &* 42_949_672_960_001) >> 32
  }
}
