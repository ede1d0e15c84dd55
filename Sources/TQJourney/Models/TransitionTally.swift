/// First-order transitions counted in one pass over path runs, in a dense matrix of states:
/// 0 (start), 1 (conversion), 2 (null), then 3 + touch code, the last being `(none)`.
struct TransitionTally: PathRunVisitor {
  /// The most touch codes the dense matrix is used for.
  static let maxCodes = 512
  /// States: the three ends plus every touch code and `(none)`.
  let states: Int
  /// The matrix's memory, freed with the last copy of the tally.
  private let storage: Counts
  /// Paths taking each transition, `from * states + to` (a pointer: an array written per
  /// touch would check its uniqueness each time).
  private let counts: UnsafeMutablePointer<Int>

  /// Owns the matrix.
  private final class Counts {
    let pointer: UnsafeMutablePointer<Int>
    init(_ n: Int) {
      pointer = .allocate(capacity: n)
      pointer.initialize(repeating: 0, count: n)
    }
    deinit { pointer.deallocate() }
  }

  /// An empty tally over `codes` touch codes.
  init(codes: Int) {
    states = codes + 4
    storage = Counts(states * states)
    counts = storage.pointer
  }

  /// An empty path is (start) → (none) → (conversion).
  func converting<C: FixedWidthInteger>(_ touches: Range<Int>, close: Int, codes: UnsafePointer<C>) {
    var last = states - 1
    if touches.isEmpty { counts[last] += 1 } else { last = steps(touches, codes) }
    counts[last * states + 1] += 1
  }

  func nonConverting<C: FixedWidthInteger>(_ touches: Range<Int>, codes: UnsafePointer<C>) {
    counts[steps(touches, codes) * states + 2] += 1
  }

  /// Counts (start) → first touch and each touch → the next; returns the last touch's state.
  @inline(__always) private func steps<C: FixedWidthInteger>(_ touches: Range<Int>, _ codes: UnsafePointer<C>) -> Int {
    let n = states
    var from = 0
    for r in touches {
      let to = Int(codes[r]) + 3
      counts[from * n + to] += 1
      from = to
    }
    return from
  }

  /// The non-zero transitions of several tallies added up, keyed `from << 32 | to`.
  static func merged(_ parts: [TransitionTally]) -> [(key: UInt64, weight: Double)] {
    let n = parts[0].states
    return (0..<(n * n)).compactMap { i in
      let c = parts.reduce(0) { $0 + $1.counts[i] }
      return c == 0 ? nil : (UInt64(i / n) << 32 | UInt64(i % n), Double(c))
    }
  }
}
