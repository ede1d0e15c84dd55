import TQStorage
import Foundation

/// Order-K window states of paths, interned to dense ids.
///
/// A state is `order` consecutive channel codes of a path as recorded, or the whole path
/// when it is shorter. Its key holds `code + 1` in the first lanes of a `SIMD4<UInt32>` and 0
/// in the rest, so a short path's state never equals a full window. When (channels + 1)^order
/// is at most 2^20, ids are looked up in an array indexed by the lanes read as digits in base
/// channels + 1 (again distinct for short paths, whose numbers have fewer digits), else hashed.
struct StateInterner {
  /// The window length (1…4).
  let order: Int
  /// The key of each state, by id.
  private(set) var keys: [SIMD4<UInt32>] = []
  /// Id by key, when there is no table.
  private var ids: [SIMD4<UInt32>: Int32] = [:]
  /// Id by key read in base `radix` (-1: not seen), when small enough.
  private var table: [Int32]
  /// Channels + 1.
  private let radix: Int

  /// Creates an empty interner for windows of `order` (clamped to 1…4) over `channelCount` codes.
  init(order: Int, channelCount: Int) {
    let order = min(max(order, 1), 4)
    self.order = order
    radix = channelCount + 1
    let size = pow(Double(channelCount + 1), Double(order))
    table = [Int32](repeating: -1, count: size <= 1_048_576 ? Int(size) : 0)
  }

  /// The number of states seen so far.
  var count: Int { keys.count }

  /// Appends the state ids of `path` to `out`, merging consecutive identical states when `merge`.
  mutating func appendStates(of path: ArraySlice<UInt32>, merge: Bool, to out: inout [Int32]) {
    guard !path.isEmpty else { return }
    let k = min(order, path.count)
    var previous: Int32 = -1
    var j = path.startIndex
    while j + k <= path.endIndex {
      let id = intern(path[j..<(j + k)])
      if !merge || id != previous { out.append(id) }
      previous = id
      j += 1
    }
  }

  /// The id of the state made of `window`, creating it when new.
  private mutating func intern(_ window: ArraySlice<UInt32>) -> Int32 {
    var key = SIMD4<UInt32>(repeating: 0)
    var slot = 0
    for (lane, c) in window.enumerated() {
      key[lane] = c + 1
      slot = slot * radix + Int(c) + 1
    }
    if !table.isEmpty {
      if table[slot] < 0 {
        table[slot] = Int32(keys.count)
        keys.append(key)
      }
      return table[slot]
    }
    if let id = ids[key] { return id }
    ids[key] = Int32(keys.count)
    keys.append(key)
    return Int32(keys.count - 1)
  }

  /// The channel codes of state `s`, in path order.
  func channels(of s: Int) -> [UInt32] {
    (0..<4).compactMap { keys[s][$0] == 0 ? nil : keys[s][$0] - 1 }
  }

  /// The name of state `s`: its channels joined by ` > `.
  func name(of s: Int, channelNames: [String]) -> String {
    channels(of: s).map { channelNames[Int($0)] }.joined(separator: " > ")
  }
}

/// The absorbing Markov chain of a path set (MODELS.md, section ii).
///
/// Transient states are the order-K window states of the paths, consecutive identical states
/// merged. A path with states s1…sm and weight w (conversions + nulls, or conversions alone
/// without nulls) adds w to (start)→s1 and to each si→si+1, its conversions to sm→(conversion)
/// and its nulls to sm→(null). Probabilities are the weights divided by each state's total.
/// Paths of weight 0 are left out.
struct MarkovChain {
  /// The window states.
  var interner: StateInterner
  /// Q (transitions between transient states) and each state's absorbed probability.
  var matrix: TransientMatrix
  /// P((start) → state).
  var start: [Double]
  /// P(state → (conversion)).
  var conversion: [Double]
  /// Expected value absorbed in one step: P(state → (conversion)) × mean value per conversion of
  /// the paths ending in the state.
  var value: [Double]
  /// For each channel code, the states containing it (empty for channels not seen).
  var statesOfChannel: [[Int]]
  /// Total conversions and value of the paths used.
  var totalConversions = 0.0, totalValue = 0.0

  /// Builds the chain of `paths` (empty paths must have been filled) for windows of `order`.
  init(_ paths: PathSet, order: Int, withNulls: Bool, isCancelled: () -> Bool) throws {
    interner = StateInterner(order: order, channelCount: paths.channelNames.count)
    var acc: [StateWeights] = []
    var edges = WeightMap()
    var seq: [Int32] = []
    for i in 0..<paths.count {
      if i & 0xFFF == 0, isCancelled() { throw Interrupted() }
      let conv = paths.conversions[i], nulls = withNulls ? paths.nulls[i] : 0
      let w = conv + nulls
      guard w > 0 else { continue }
      seq.removeAll(keepingCapacity: true)
      interner.appendStates(of: paths.path(i), merge: true, to: &seq)
      while acc.count < interner.count { acc.append(StateWeights()) }
      acc[Int(seq[0])].start += w
      for (a, b) in zip(seq, seq.dropFirst()) {
        edges.add(UInt64(a) << 32 | UInt64(b), w)
        acc[Int(a)].out += w
      }
      let last = Int(seq[seq.count - 1])
      acc[last].out += w
      acc[last].absorbed += w
      acc[last].conversions += conv
      if conv > 0 { acc[last].value += paths.values[i] }
      totalConversions += conv
      totalValue += paths.values[i]
    }
    let n = interner.count
    matrix = TransientMatrix(edges: edges, outWeight: acc.map(\.out), absorbed: acc.map(\.absorbed))
    let startTotal = acc.reduce(0) { $0 + $1.start }
    start = acc.map { $0.start / startTotal }
    conversion = acc.map { $0.conversions / $0.out }
    value = acc.map { $0.value / $0.out }
    statesOfChannel = Array(repeating: [], count: paths.channelNames.count)
    for s in 0..<n {
      for c in Set(interner.channels(of: s)) { statesOfChannel[Int(c)].append(s) }
    }
  }

  /// The number of transient states.
  var count: Int { start.count }
}

/// Weights summed by `UInt64` key (a transition `from << 32 | to`), in an open-addressing table.
///
/// Counting transitions is one update per touch; linear probing on a power-of-two table keeps
/// that a few times cheaper than `Dictionary`.
struct WeightMap {
  /// Slot keys (`UInt64.max`: empty) and weights; the table is at most half full.
  private var keys = [UInt64](repeating: .max, count: 64)
  private var weights = [Double](repeating: 0, count: 64)
  private var used = 0

  /// Adds `w` to the weight of `key` (any key but `UInt64.max`).
  mutating func add(_ key: UInt64, _ w: Double) {
    var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & (keys.count - 1)
    while keys[i] != key {
      if keys[i] == .max {
        if 2 * (used + 1) > keys.count {
          grow()
          return add(key, w)
        }
        keys[i] = key
        used += 1
        break
      }
      i = (i + 1) & (keys.count - 1)
    }
    weights[i] += w
  }

  /// The keys and weights, keys ascending.
  var sorted: [(key: UInt64, weight: Double)] {
    keys.indices.filter { keys[$0] != .max }.map { (keys[$0], weights[$0]) }.sorted { $0.key < $1.key }
  }

  /// Doubles the table.
  private mutating func grow() {
    let old = zip(keys, weights).filter { $0.0 != .max }
    keys = [UInt64](repeating: .max, count: keys.count * 2)
    weights = [Double](repeating: 0, count: keys.count)
    used = 0
    for (k, w) in old { add(k, w) }
  }
}

/// The weights a chain accumulates per state while reading paths.
private struct StateWeights {
  var start = 0.0, out = 0.0, absorbed = 0.0, conversions = 0.0, value = 0.0
}

extension PathSet {
  /// These paths with every empty path given the one touch `(none)`, as `PathSet` documents.
  ///
  /// Models see a conversion without touches as a `(none)` channel. Only the touches, offsets
  /// and channel names change; touch times and stages are dropped when a path is filled.
  func fillingEmptyPaths() -> PathSet {
    guard (0..<count).contains(where: { offsets[$0] == offsets[$0 + 1] }) else { return self }
    var out = self
    let none: UInt32
    if let i = channelNames.firstIndex(of: "(none)") {
      none = UInt32(i)
    } else {
      none = UInt32(channelNames.count)
      out.channelNames.append("(none)")
    }
    out.touches = []
    out.offsets = [0]
    for i in 0..<count {
      let p = path(i)
      if p.isEmpty { out.touches.append(none) } else { out.touches += p }
      out.offsets.append(out.touches.count)
    }
    out.touchTimes = nil
    out.touchInConsideration = nil
    out.directTouches = nil
    return out
  }
}
