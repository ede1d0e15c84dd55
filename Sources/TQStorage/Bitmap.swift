/// A packed bit per row: the validity mask of a column (set = the value is present).
///
/// Kept apart from the values, as DuckDB and Arrow do, so that kernels over
/// values stay branch-free and only consult the mask when a column has nulls.
public struct Bitmap: Sendable, Equatable {
  /// The packed words, 64 rows per word, row `i` at bit `i & 63` of word `i >> 6`.
  public private(set) var words: [UInt64]
  /// The number of rows the bitmap covers.
  public private(set) var count: Int

  /// Creates a bitmap of `count` bits, all set to `value`.
  public init(count: Int, value: Bool) {
    self.count = count
    let n = (count + 63) >> 6
    words = [UInt64](repeating: value ? ~0 : 0, count: n)
    if value, count & 63 != 0, n > 0 { words[n - 1] = (1 << UInt64(count & 63)) &- 1 }
  }

  /// Wraps packed words (64 rows per word) covering `count` rows; bits past `count` are cleared.
  public init(words: [UInt64], count: Int) {
    precondition(words.count == (count + 63) >> 6, "a bitmap of \(count) rows needs \((count + 63) >> 6) words")
    self.words = words
    self.count = count
    if count & 63 != 0 { self.words[words.count - 1] &= (1 << UInt64(count & 63)) &- 1 }
  }

  /// Reads bit `i`.
  @inline(__always) public subscript(i: Int) -> Bool {
    get { (words[i >> 6] >> UInt64(i & 63)) & 1 == 1 }
    set {
      if newValue { words[i >> 6] |= 1 << UInt64(i & 63) } else { words[i >> 6] &= ~(1 << UInt64(i & 63)) }
    }
  }

  /// Appends one bit.
  public mutating func append(_ bit: Bool) {
    if count & 63 == 0 { words.append(0) }
    if bit { words[count >> 6] |= 1 << UInt64(count & 63) }
    count += 1
  }

  /// The number of set bits.
  public var setCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

  /// Whether every bit is set.
  public var allSet: Bool { setCount == count }
}
