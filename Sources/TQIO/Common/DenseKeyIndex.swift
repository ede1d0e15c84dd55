/// A flat code table for keys of one `KeyShape`.
///
/// A key of the shape maps to its number, and that number indexes an array of codes: one
/// access to a compact array instead of a hash probe that misses the cache twice in a table
/// of millions of ids. Keys of another shape are not indexed here. The owner must call
/// `release()`.
struct DenseKeyIndex {
  /// The shape of the indexed keys.
  let shape: KeyShape
  /// Code + 1 per number, 0 when absent (`10^digits` slots, 40 MB of address space at 7
  /// digits, touched only where ids occur).
  private let codes: UnsafeMutablePointer<UInt32>

  /// An index for keys shaped like the `n` bytes at `p`, or `nil` when they have no
  /// `KeyShape`.
  init?(shapedLike p: UnsafePointer<UInt8>, _ n: Int) {
    guard let shape = KeyShape(shapedLike: p, n) else { return nil }
    self.shape = shape
    codes = RawMemory.allocateZeroed(UInt32.self, shape.numbers)
  }

  /// Frees the table.
  func release() { RawMemory.release(codes) }

  /// The slot of the `n` bytes at `p` when they have the shape, else -1.
  @inline(__always) func slot(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int { shape.number(p, n) }

  /// The code stored at `slot`, or -1.
  @inline(__always) func code(at slot: Int) -> Int { Int(codes[slot]) &- 1 }

  /// Stores `code` at `slot`.
  @inline(__always) func set(_ code: Int, at slot: Int) { codes[slot] = UInt32(truncatingIfNeeded: code &+ 1) }
}
