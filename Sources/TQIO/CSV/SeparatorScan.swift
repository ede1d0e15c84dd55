#if arch(x86_64)
  import _Builtin_intrinsics.intel
#endif

/// The delimiters and newlines of 64 bytes of input as bit masks, one bit per byte.
///
/// The tokeniser cuts unquoted records at the set bits instead of searching each field's
/// end: no branch depends on a field's length, which is what a per-field search
/// mispredicts. On x86-64 a block takes four 16-byte compares per byte class (SSE2, in
/// every x86-64 CPU); elsewhere a byte loop builds the masks. A block holding a quote is
/// refused, and its records go to the tokeniser's quoted path.
struct SeparatorScan {
  /// Bytes per block.
  static let blockSize = 64

  private let delimiter: UInt8
  private let newline: UInt8

  /// A scan for `dialect`.
  init(dialect: CSVDialect) {
    delimiter = dialect.delimiter
    newline = dialect.newline
  }

  /// The separators (delimiters and newlines) and the newlines of the 64 bytes at `p`, or
  /// `nil` when they hold a quote.
  @inline(__always) func masks(_ p: UnsafePointer<UInt8>) -> (separators: UInt64, newlines: UInt64)? {
    #if arch(x86_64)
      let d = _mm_set1_epi8(CChar(bitPattern: delimiter))
      let n = _mm_set1_epi8(CChar(bitPattern: newline))
      let q = _mm_set1_epi8(CChar(bitPattern: UInt8(ascii: "\"")))
      let raw = UnsafeRawPointer(p)
      @inline(__always) func lane(_ k: Int) -> (UInt64, UInt64, __m128i) {
        let v = _mm_loadu_si128(raw.advanced(by: k &* 16).assumingMemoryBound(to: __m128i.self))
        let isLine = _mm_cmpeq_epi8(v, n)
        let isSep = _mm_or_si128(_mm_cmpeq_epi8(v, d), isLine)
        let shift = UInt64(truncatingIfNeeded: k &* 16)
        return (
          UInt64(UInt16(truncatingIfNeeded: _mm_movemask_epi8(isSep))) &<< shift,
          UInt64(UInt16(truncatingIfNeeded: _mm_movemask_epi8(isLine))) &<< shift,
          _mm_cmpeq_epi8(v, q)
        )
      }
      let (s0, l0, q0) = lane(0)
      let (s1, l1, q1) = lane(1)
      let (s2, l2, q2) = lane(2)
      let (s3, l3, q3) = lane(3)
      let quotes = _mm_or_si128(_mm_or_si128(q0, q1), _mm_or_si128(q2, q3))
      guard _mm_movemask_epi8(quotes) == 0 else { return nil }
      return (s0 | s1 | s2 | s3, l0 | l1 | l2 | l3)
    #else
      var seps: UInt64 = 0
      var lines: UInt64 = 0
      for i in 0..<Self.blockSize {
        let b = p[i]
        if b == UInt8(ascii: "\"") { return nil }
        let bit: UInt64 = 1 &<< UInt64(i)
        if b == newline {
          lines |= bit
          seps |= bit
        } else if b == delimiter {
          seps |= bit
        }
      }
      return (seps, lines)
    #endif
  }
}
