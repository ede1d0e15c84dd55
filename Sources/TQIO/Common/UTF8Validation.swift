#if arch(x86_64)
  import _Builtin_intrinsics.intel
#endif

/// Finds the first byte that is not valid UTF-8 (or a NUL), 64 ASCII bytes at a time.
enum UTF8Validation {
  /// A problem found in the bytes.
  enum Problem: Equatable {
    /// An invalid, overlong, surrogate or truncated sequence starts here.
    case invalidUTF8
    /// A NUL byte.
    case nul
  }

  /// The offset and kind of the first problem in `n` bytes at `p`, or `nil` when they are
  /// valid UTF-8 (without NUL bytes when `rejectNUL`).
  static func firstProblem(_ p: UnsafePointer<UInt8>, _ n: Int, rejectNUL: Bool) -> (offset: Int, problem: Problem)? {
    var i = 0
    while i < n {
      i = asciiPrefix(p, from: i, n, rejectNUL: rejectNUL)
      if i >= n { break }
      let b = p[i]
      if b < 0x80 {
        if b == 0 && rejectNUL { return (i, .nul) }
        i += 1
        continue
      }
      let length = sequenceLength(p + i, n - i)
      if length == 0 { return (i, .invalidUTF8) }
      i += length
    }
    return nil
  }

  /// The offset of the first 8-byte word from `i` on holding a non-ASCII byte (or a NUL when
  /// `rejectNUL`), or of the last few bytes of the `n`; 64 bytes per step while all is clean
  /// (SSE2 on x86-64: the sign bits and the zero compares of four 16-byte loads).
  @inline(__always) private static func asciiPrefix(_ p: UnsafePointer<UInt8>, from i: Int, _ n: Int, rejectNUL: Bool)
    -> Int
  {
    var i = i
    #if arch(x86_64)
      let zero = _mm_setzero_si128()
      let raw = UnsafeRawPointer(p)
      @inline(__always) func load(_ k: Int) -> __m128i {
        _mm_loadu_si128(raw.advanced(by: k).assumingMemoryBound(to: __m128i.self))
      }
      while i + 64 <= n {
        let a = load(i), b = load(i + 16), c = load(i + 32), d = load(i + 48)
        var bad = _mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d))
        if rejectNUL {
          let nul = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(a, zero), _mm_cmpeq_epi8(b, zero)),
            _mm_or_si128(_mm_cmpeq_epi8(c, zero), _mm_cmpeq_epi8(d, zero)))
          bad = _mm_or_si128(bad, nul)
        }
        if _mm_movemask_epi8(bad) != 0 { break }
        i += 64
      }
    #endif
    @inline(__always) func clean(_ w: UInt64) -> UInt64 { w & 0x8080_8080_8080_8080 | (rejectNUL ? zeroLanes(w) : 0) }
    while i + 32 <= n {
      let a = load64(p + i), b = load64(p + i + 8), c = load64(p + i + 16), d = load64(p + i + 24)
      if clean(a) | clean(b) | clean(c) | clean(d) != 0 { break }
      i += 32
    }
    while i + 8 <= n && clean(load64(p + i)) == 0 { i += 8 }
    return i
  }

  /// The length of the valid multi-byte sequence at `p` (at most `available` bytes), or 0.
  private static func sequenceLength(_ p: UnsafePointer<UInt8>, _ available: Int) -> Int {
    let b0 = p[0]
    @inline(__always) func cont(_ k: Int) -> Bool { k < available && p[k] & 0xC0 == 0x80 }
    @inline(__always) func inRange(_ k: Int, _ lo: UInt8, _ hi: UInt8) -> Bool { k < available && p[k] >= lo && p[k] <= hi }
    switch b0 {
    case 0xC2...0xDF:
      return cont(1) ? 2 : 0
    case 0xE0:
      return inRange(1, 0xA0, 0xBF) && cont(2) ? 3 : 0
    case 0xE1...0xEC, 0xEE...0xEF:
      return cont(1) && cont(2) ? 3 : 0
    case 0xED:
      return inRange(1, 0x80, 0x9F) && cont(2) ? 3 : 0
    case 0xF0:
      return inRange(1, 0x90, 0xBF) && cont(2) && cont(3) ? 4 : 0
    case 0xF1...0xF3:
      return cont(1) && cont(2) && cont(3) ? 4 : 0
    case 0xF4:
      return inRange(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
    default:
      return 0
    }
  }
}
