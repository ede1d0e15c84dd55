/// Append-only byte blocks whose contents stay put until `reset()`.
///
/// The tokenizer undoubles quoted fields into it, so a batch of field pointers stays valid
/// while the batch is converted. The owner must call `release()`.
struct ScratchArena {
  private var blocks: [(base: UnsafeMutablePointer<UInt8>, capacity: Int)] = []
  private var used = 0
  private static let blockSize = 64 << 10

  /// Room for `n` bytes in the current block (a new block when it is full); follow with
  /// `commit`.
  mutating func reserve(_ n: Int) -> UnsafeMutablePointer<UInt8> {
    if let last = blocks.last, last.capacity - used >= n { return last.base + used }
    let capacity = max(n, Self.blockSize)
    blocks.append((RawMemory.allocate(UInt8.self, capacity), capacity))
    used = 0
    return blocks[blocks.count - 1].base
  }

  /// Marks `n` reserved bytes as used.
  mutating func commit(_ n: Int) { used += n }

  /// Forgets all contents, keeping one block.
  mutating func reset() {
    while blocks.count > 1 { RawMemory.release(blocks.removeLast().base) }
    used = 0
  }

  /// Frees every block.
  mutating func release() {
    for b in blocks { RawMemory.release(b.base) }
    blocks = []
    used = 0
  }
}
