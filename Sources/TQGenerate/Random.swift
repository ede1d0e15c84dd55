import Foundation

/// SplitMix64: expands one 64-bit seed into the state words of a larger generator.
///
/// Sebastiano Vigna's reference constants; used only for seeding, as he recommends.
struct SplitMix64 {
  /// The running state.
  var state: UInt64

  /// The next 64 random bits.
  @inline(__always) mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// xoshiro256**: a small, fast, self-contained generator with identical output on every platform.
///
/// All draws derive from integer operations and IEEE basic arithmetic, plus `log`, `exp`
/// and `sqrt` for the continuous distributions, so a seed gives the same stream everywhere.
struct Xoshiro256StarStar {
  private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
  /// The second normal of the last polar-method pair, when unused.
  private var spareNormal: Double?

  /// Seeds the four state words from `seed` through SplitMix64.
  init(seed: UInt64) {
    var sm = SplitMix64(state: seed)
    s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
    spareNormal = nil
  }

  @inline(__always) private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }

  /// The next 64 random bits.
  @inline(__always) mutating func next() -> UInt64 {
    let result = Self.rotl(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
    s2 ^= t
    s3 = Self.rotl(s3, 45)
    return result
  }

  /// A uniform double in [0, 1) with 53 random bits.
  @inline(__always) mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// A uniform integer in 0..<n (Lemire's multiply-high; the bias is below 2⁻³² for our n).
  @inline(__always) mutating func below(_ n: Int) -> Int {
    Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
  }

  /// Whether an event of probability `p` happens.
  @inline(__always) mutating func chance(_ p: Double) -> Bool { uniform() < p }

  /// A standard normal draw (Marsaglia's polar form of Box–Muller: no trigonometry).
  mutating func normal() -> Double {
    if let z = spareNormal {
      spareNormal = nil
      return z
    }
    while true {
      let u = 2 * uniform() - 1, v = 2 * uniform() - 1
      let s = u * u + v * v
      if s > 0, s < 1 {
        let f = (-2 * log(s) / s).squareRoot()
        spareNormal = v * f
        return u * f
      }
    }
  }

  /// A lognormal draw: exp(mu + sigma · N(0, 1)).
  @inline(__always) mutating func lognormal(mu: Double, sigma: Double) -> Double { exp(mu + sigma * normal()) }

  /// An exponential draw with the given mean.
  @inline(__always) mutating func exponential(mean: Double) -> Double { -mean * log(1 - uniform()) }

  /// A geometric draw on 1, 2, 3, … (trials up to the first success of probability `p`).
  mutating func geometric(_ p: Double) -> Int {
    let u = 1 - uniform()  // (0, 1]
    return 1 + Int(log(u) / log(1 - p))
  }
}

/// Cumulative distributions for sampling categories, several tables of one width side by side.
///
/// Table `g` holds the categories' weights for group `g` (for instance, the channel
/// weights of one persona); `sample(group:u:)` turns a uniform draw into a category.
struct CategoricalTables {
  /// Categories per table.
  let width: Int
  /// `width` cumulative bounds per table; the bound of the last category with weight is +∞.
  let bounds: [Double]

  /// Builds the tables from rows of non-negative weights (each row needs some weight).
  init(_ weights: [[Double]]) {
    width = weights.first?.count ?? 0
    var b: [Double] = []
    b.reserveCapacity(width * weights.count)
    for row in weights {
      precondition(row.count == width, "categorical tables need rows of one width")
      let total = row.reduce(0, +)
      precondition(total > 0, "a categorical table needs some weight")
      let last = row.lastIndex(where: { $0 > 0 })!
      var acc = 0.0
      for (i, w) in row.enumerated() {
        acc += w
        b.append(i >= last ? .infinity : acc / total)
      }
    }
    bounds = b
  }

  /// The category that uniform draw `u` in [0, 1) falls in, for table `group`.
  @inline(__always) func sample(group: Int, u: Double) -> Int {
    var i = group * width
    while u >= bounds[i] { i += 1 }
    return i - group * width
  }
}
