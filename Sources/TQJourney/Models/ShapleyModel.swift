import TQStorage
/// The credit of each channel under the Shapley model.
public struct ShapleyResult: Sendable {
  /// Every channel appearing in the paths with conversions, nulls or value, in code order.
  public var channels: [String]
  /// Attributed conversions per channel.
  public var conversions: [Double]
  /// Attributed value per channel.
  public var value: [Double]
}

/// Shapley attribution with the conversion-rate game of `mam` (MODELS.md, section ii), exact.
///
/// Paths are grouped by their distinct-channel set. For each observed set C with conversions,
/// the players are the channels of C and v(S) = conversions / journeys (conversions + nulls)
/// of the paths whose set is exactly S, 0 for a set never seen. With n = |C|,
///
///     φ_i = Σ_{S ⊆ C∖i} |S|! (n − |S| − 1)! / n! · (v(S ∪ i) − v(S)),
///
/// and C's conversions and value go to its channels in proportion to φ. Since v vanishes off
/// the observed sets, the sum is taken over the observed subsets T of C only: v(T) enters φ_i
/// with weight (t − 1)! (n − t)! / n! when i ∈ T and −t! (n − t − 1)! / n! when not (t = |T|).
/// That is exact, with no truncation, and costs (observed subsets of C) × n per set. Σφ =
/// v(C) > 0 for every set with conversions; a set with value but no conversions (Σφ = 0)
/// splits its value equally over its channels. Subsets are found by enumerating the submasks
/// of C (UInt64 channel masks, up to 64 channels) or, for large C or many channels, by scanning
/// the observed sets.
public enum ShapleyModel {
  /// Attributes the conversions and value of `paths` by Shapley values.
  ///
  /// - Parameters:
  ///   - paths: The paths; conversions without touches count as the channel `(none)`.
  ///   - maxChannels: The largest channel set a converting path may have.
  ///   - isCancelled: Polled during long work.
  /// - Returns: Credits per channel; they sum to the total conversions and value.
  /// - Throws: `ModelError` when a converting path has more than `maxChannels` channels,
  ///   `Interrupted` when cancelled.
  public static func attribute(_ paths: PathSet, maxChannels: Int = 20, isCancelled: () -> Bool = { false }) throws
    -> ShapleyResult
  {
    let paths = paths.fillingEmptyPaths()
    let sets = ChannelSets(paths)
    let widest = sets.indices.filter { sets.conversions[$0] > 0 }.map { sets.size($0) }.max() ?? 0
    guard widest <= maxChannels else {
      throw ModelError("shapley needs at most \(maxChannels) channels per path; this data has \(widest)",
                       hint: "group channels into fewer values and use by <column>")
    }
    var conversions = [Double](repeating: 0, count: paths.channelNames.count), value = conversions
    var present = [Bool](repeating: false, count: paths.channelNames.count)
    for c in sets.indices {
      if c & 0x3F == 0, isCancelled() { throw Interrupted() }
      let players = sets.members(c)
      for p in players { present[Int(p)] = true }
      guard sets.conversions[c] > 0 || sets.values[c] != 0 else { continue }
      let phi = sets.rate(c) > 0 ? shapleyValues(of: c, in: sets) : [Double](repeating: 1, count: players.count)
      let total = phi.reduce(0, +)
      for (p, f) in zip(players, phi) {
        conversions[Int(p)] += sets.conversions[c] * f / total
        value[Int(p)] += sets.values[c] * f / total
      }
    }
    let codes = present.indices.filter { present[$0] }
    return ShapleyResult(channels: codes.map { paths.channelNames[$0] }, conversions: codes.map { conversions[$0] },
                         value: codes.map { value[$0] })
  }

  /// φ of each channel of set `c` (in member order) in the game on the subsets of `c`.
  private static func shapleyValues(of c: Int, in sets: ChannelSets) -> [Double] {
    let players = Array(sets.members(c))
    let n = players.count
    var binomial = [[Double]](repeating: [1], count: n + 1)
    for m in 1..<(n + 1) {
      for k in 1...m { binomial[m].append(k == m ? 1 : binomial[m - 1][k - 1] + binomial[m - 1][k]) }
    }
    // v(T) enters φ_i with a(t) = (t−1)!(n−t)!/n! for i ∈ T and −b(t) = −t!(n−t−1)!/n! for i ∉ T, so
    // φ_i = Σ_{T ∋ i} v(T)·(a + b)(t) − Σ_T v(T)·b(t), where (a + b)(t) = (t−1)!(n−t−1)!/(n−1)! for
    // t < n, a(n) = 1/n and b(n) = 0 (`both` holds a + b, `outWeight` holds b).
    var outWeight = [Double](repeating: 0, count: n + 1), both = outWeight
    for t in 0..<n { outWeight[t] = 1 / (Double(n) * binomial[n - 1][t]) }
    for t in 1..<n { both[t] = 1 / (Double(n - 1) * binomial[n - 2][t - 1]) }
    both[n] = 1 / Double(n)
    var phi = [Double](repeating: 0, count: n)
    var allOut = 0.0
    for t in sets.subsets(of: c) {
      let v = sets.rate(t), size = sets.size(t)
      allOut += v * outWeight[size]
      var i = 0
      for member in sets.members(t) {
        while players[i] != member { i += 1 }
        phi[i] += v * both[size]
      }
    }
    return phi.map { $0 - allOut }
  }
}

/// The distinct-channel sets of a path set, with the conversions, journeys and value of each.
private struct ChannelSets {
  /// Conversions, journeys (conversions + nulls) and value per set.
  var conversions: [Double] = [], journeys: [Double] = [], values: [Double] = []
  /// Sorted channel codes of each set, flat, with `start` offsets.
  private var codes: [UInt32] = [], start: [Int] = [0]
  /// Channel mask of each set: exact when there are at most 64 channels, else a signature
  /// (bit = code mod 64) that only rules subsets out.
  private var masks: [UInt64] = []
  private let exact: Bool
  /// Set id by mask (exact masks) or by sorted codes (more than 64 channels).
  private var byMask: [UInt64: Int] = [:], byCodes: [[UInt32]: Int] = [:]

  /// Groups the paths of `paths` by distinct-channel set, skipping paths of weight and value 0.
  init(_ paths: PathSet) {
    exact = paths.channelNames.count <= 64
    var scratch: [UInt32] = []
    for i in 0..<paths.count where paths.conversions[i] + paths.nulls[i] > 0 || paths.values[i] != 0 {
      let path = paths.path(i)
      let mask = path.reduce(UInt64(0)) { $0 | 1 << UInt64($1 & 63) }
      if !exact {
        scratch.removeAll(keepingCapacity: true)
        scratch += path
        scratch.sort()
        scratch.removeDuplicatesOfSorted()
      }
      let s: Int
      if let found = exact ? byMask[mask] : byCodes[scratch] {
        s = found
      } else {
        s = masks.count
        if exact { byMask[mask] = s } else { byCodes[scratch] = s }
        masks.append(mask)
        codes += exact ? (0..<64).filter { mask & 1 << UInt64($0) != 0 }.map(UInt32.init) : scratch
        start.append(codes.count)
        conversions.append(0)
        journeys.append(0)
        values.append(0)
      }
      conversions[s] += paths.conversions[i]
      journeys[s] += paths.conversions[i] + paths.nulls[i]
      values[s] += paths.values[i]
    }
  }

  /// The set ids.
  var indices: Range<Int> { 0..<masks.count }

  /// The sorted channel codes of set `s`.
  func members(_ s: Int) -> ArraySlice<UInt32> { codes[start[s]..<start[s + 1]] }

  /// The number of channels of set `s`.
  func size(_ s: Int) -> Int { start[s + 1] - start[s] }

  /// v of set `s`: conversions / journeys (0 without journeys).
  func rate(_ s: Int) -> Double { journeys[s] > 0 ? conversions[s] / journeys[s] : 0 }

  /// The observed sets with a positive rate that are subsets of set `c` (`c` included).
  func subsets(of c: Int) -> [Int] {
    let n = size(c), whole = masks[c]
    if exact, n < 63, 1 << n <= masks.count {
      var out: [Int] = []
      var sub = whole
      while sub != 0 {
        if let t = byMask[sub], rate(t) > 0 { out.append(t) }
        sub = (sub - 1) & whole
      }
      return out
    }
    let channels = exact ? [] : Set(members(c))
    return indices.filter { t in
      masks[t] & ~whole == 0 && size(t) <= n && rate(t) > 0 && (exact || channels.isSuperset(of: members(t)))
    }
  }
}

extension Array where Element: Equatable {
  /// Drops the repeats of a sorted array, keeping one of each value.
  fileprivate mutating func removeDuplicatesOfSorted() {
    var kept = 0
    for i in indices where i == 0 || self[i] != self[kept - 1] {
      self[kept] = self[i]
      kept += 1
    }
    removeLast(count - kept)
  }
}
