import TQStorage
/// One transition of the Markov chain of a path set.
public struct TransitionRow: Sendable {
  /// The state it leaves: `(start)` or a state name (`a > b` at order 2).
  public var from: String
  /// The state it enters: a state name, `(conversion)` or `(null)`.
  public var to: String
  /// The weight of the transition: conversions + nulls of the paths taking it (conversions
  /// into `(conversion)`, nulls into `(null)`).
  public var count: Double
  /// `count` / the total count out of `from`.
  public var probability: Double
}

/// The transitions report (`transitions [order K] [collapse]`).
///
/// States are windows of `order` consecutive touches (a shorter path is one state). Without
/// `collapse` every window is a step, so repeats are self-transitions (`a > a` counts a→a, as
/// bench Q8 counts touch-level data); with `collapse`, consecutive identical states merge,
/// which builds the states exactly as `MarkovModel` does. Each path adds its conversions +
/// nulls to (start)→s1 and to every step, its conversions to →(conversion) and its nulls to
/// →(null). Conversions without touches count as the channel `(none)`.
public enum Transitions {
  /// The transitions of `paths`, sorted by `from`, then `to` (byte order).
  ///
  /// - Parameters:
  ///   - paths: The paths.
  ///   - order: Window length, 1…4 (clamped to that range).
  ///   - collapse: Whether consecutive identical states merge.
  /// - Returns: One row per transition with a positive count.
  public static func compute(_ paths: PathSet, order: Int, collapse: Bool, isCancelled: () -> Bool = { false }) throws
    -> [TransitionRow]
  {
    let paths = paths.fillingEmptyPaths()
    var interner = StateInterner(order: order, channelCount: paths.channelNames.count)
    // Codes: 0 (start), 1 (conversion), 2 (null), 3 + state id.
    var counts = WeightMap()
    var seq: [Int32] = []
    for i in 0..<paths.count {
      if i & 0xFFFF == 0, isCancelled() { throw Interrupted() }
      let conv = paths.conversions[i], nulls = paths.nulls[i]
      guard conv + nulls > 0 else { continue }
      seq.removeAll(keepingCapacity: true)
      interner.appendStates(of: paths.path(i), merge: collapse, to: &seq)
      var from: UInt64 = 0
      for s in seq {
        let to = UInt64(s) + 3
        counts.add(from << 32 | to, conv + nulls)
        from = to
      }
      if conv > 0 { counts.add(from << 32 | 1, conv) }
      if nulls > 0 { counts.add(from << 32 | 2, nulls) }
    }
    let names = ["(start)", "(conversion)", "(null)"]
      + (0..<interner.count).map { interner.name(of: $0, channelNames: paths.channelNames) }
    return rows(counts.sorted, names: names)
  }

  /// The rows of transition weights keyed `from << 32 | to` over state codes, whose names are
  /// `names` (0 (start), 1 (conversion), 2 (null), then the states), sorted by from, then to.
  static func rows(_ weights: [(key: UInt64, weight: Double)], names: [String]) -> [TransitionRow] {
    var outTotal = [Double](repeating: 0, count: names.count)
    for (key, c) in weights { outTotal[Int(key >> 32)] += c }
    let rows = weights.map { key, c in
      TransitionRow(from: names[Int(key >> 32)], to: names[Int(key & 0xFFFF_FFFF)], count: c,
                    probability: c / outTotal[Int(key >> 32)])
    }
    return rows.sorted {
      $0.from != $1.from ? $0.from.utf8.lexicographicallyPrecedes($1.from.utf8)
        : $0.to.utf8.lexicographicallyPrecedes($1.to.utf8)
    }
  }
}
