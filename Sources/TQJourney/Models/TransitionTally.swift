/// First-order transitions counted in one pass over path runs, in a dense matrix of states:
/// 0 (start), 1 (conversion), 2 (null), then 3 + touch code, the last being `(none)`.
struct TransitionTally: PathRunVisitor {
  /// The most touch codes the dense matrix is used for.
  static let maxCodes = 512
  /// States: the three ends plus every touch code and `(none)`.
  let states: Int
  /// Paths taking each transition, `from * states + to`.
  var counts: [Int]

  /// An empty tally over `codes` touch codes.
  init(codes: Int) {
    states = codes + 4
    counts = [Int](repeating: 0, count: states * states)
  }

  /// An empty path is (start) → (none) → (conversion).
  mutating func converting<C: FixedWidthInteger>(_ touches: Range<Int>, close: Int, codes: UnsafePointer<C>) {
    var last = states - 1
    if touches.isEmpty { counts[last] += 1 } else { last = steps(touches, codes) }
    counts[last * states + 1] += 1
  }

  mutating func nonConverting<C: FixedWidthInteger>(_ touches: Range<Int>, codes: UnsafePointer<C>) {
    counts[steps(touches, codes) * states + 2] += 1
  }

  /// Counts (start) → first touch and each touch → the next; returns the last touch's state.
  @inline(__always) private mutating func steps<C: FixedWidthInteger>(_ touches: Range<Int>, _ codes: UnsafePointer<C>) -> Int {
    let n = states
    return counts.withUnsafeMutableBufferPointer { c in
      var from = 0
      for r in touches {
        let to = Int(codes[r]) + 3
        c[from * n + to] += 1
        from = to
      }
      return from
    }
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
