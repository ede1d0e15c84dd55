/// XXH64 (xxHash, 64-bit, seed 0): the checksum of every snapshot section.
///
/// Four independent multiply-rotate lanes over 32-byte stripes, so it runs at memory speed
/// (several GB/s per core). Streaming: `absorb` whole stripes as they arrive, then `finish`
/// with the last partial stripe. The result equals the reference `XXH64(data, len, 0)`.
struct Checksum {
  // The five 64-bit primes of XXH64.
  private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
  private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
  private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
  private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
  private static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

  /// The bytes of one stripe (four 8-byte lanes).
  static let stripe = 32

  // The four lane accumulators, seeded for seed 0.
  private var v1 = p1 &+ p2
  private var v2 = p2
  private var v3: UInt64 = 0
  private var v4 = 0 &- p1
  /// Bytes absorbed so far (whole stripes).
  private(set) var length = 0

  /// A fresh checksum (seed 0).
  init() {}

  /// The checksum of a whole buffer.
  static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var c = Checksum()
    let whole = bytes.count - bytes.count % stripe
    c.absorb(UnsafeRawBufferPointer(rebasing: bytes[0..<whole]))
    return c.finish(tail: UnsafeRawBufferPointer(rebasing: bytes[whole...]))
  }

  /// The checksum of `bytes` followed by zeros up to the snapshot alignment (64 bytes).
  static func ofPadded(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var c = Checksum()
    let whole = bytes.count - bytes.count % stripe
    c.absorb(UnsafeRawBufferPointer(rebasing: bytes[0..<whole]))
    var last = [UInt8](repeating: 0, count: SnapshotFormat.padded(bytes.count) - whole)
    for k in whole..<bytes.count { last[k - whole] = bytes[k] }
    last.withUnsafeBytes { c.absorb($0) }
    return c.finish(tail: UnsafeRawBufferPointer(start: nil, count: 0))
  }

  /// The checksum of a byte array.
  static func of(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { of($0) } }

  /// Absorbs whole stripes; `bytes.count` must be a multiple of 32.
  mutating func absorb(_ bytes: UnsafeRawBufferPointer) {
    precondition(bytes.count % Self.stripe == 0, "absorb takes whole 32-byte stripes")
    guard let base = bytes.baseAddress else { return }
    var a = v1, b = v2, c = v3, d = v4
    var p = base
    let end = base + bytes.count
    while p < end {
      a = Self.round(a, p.loadUnaligned(as: UInt64.self))
      b = Self.round(b, p.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
      c = Self.round(c, p.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
      d = Self.round(d, p.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
      p += Self.stripe
    }
    v1 = a; v2 = b; v3 = c; v4 = d
    length += bytes.count
  }

  /// The checksum after the final bytes (fewer than 32) that follow the absorbed stripes.
  func finish(tail: UnsafeRawBufferPointer) -> UInt64 {
    precondition(tail.count < Self.stripe, "finish takes the last partial stripe")
    var h: UInt64
    if length >= Self.stripe {
      h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
      for v in [v1, v2, v3, v4] { h = (h ^ Self.round(0, v)) &* Self.p1 &+ Self.p4 }
    } else {
      h = Self.p5
    }
    h &+= UInt64(length + tail.count)
    var i = 0
    while i + 8 <= tail.count {
      h ^= Self.round(0, tail.loadUnaligned(fromByteOffset: i, as: UInt64.self))
      h = rotl(h, 27) &* Self.p1 &+ Self.p4
      i += 8
    }
    if i + 4 <= tail.count {
      h ^= UInt64(tail.loadUnaligned(fromByteOffset: i, as: UInt32.self)) &* Self.p1
      h = rotl(h, 23) &* Self.p2 &+ Self.p3
      i += 4
    }
    while i < tail.count {
      h ^= UInt64(tail[i]) &* Self.p5
      h = rotl(h, 11) &* Self.p1
      i += 1
    }
    h ^= h >> 33
    h &*= Self.p2
    h ^= h >> 29
    h &*= Self.p3
    h ^= h >> 32
    return h
  }

  /// One lane step: mix an 8-byte word into an accumulator.
  @inline(__always) private static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
    rotl(acc &+ input &* p2, 31) &* p1
  }
}

/// Rotates left by `r` bits.
@inline(__always) private func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }
