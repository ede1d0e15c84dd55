import Foundation

/// The rule-based attribution models: each splits a path's conversions and value over its
/// touches by fixed weights (LANGUAGE.md, "Attribution models").
public enum RuleModels {
  /// Credit of conversions and value per channel code under `rule`.
  public static func attribute(_ p: PathSet, rule: AttributionModel.Rule) throws -> (conversions: [Double], value: [Double]) {
    let k = p.channelNames.count
    var conv = [Double](repeating: 0, count: k), value = [Double](repeating: 0, count: k)
    let direct = Set(p.channelNames.indices.filter { PathExtractor.isDirect(p.channelNames[$0]) }.map { UInt32($0) })
    if case .timeDecay = rule, p.touchTimes == nil {
      throw JourneyError("time_decay needs touch times, and this table has no time", hint: "use a touch-level table with a time column")
    }
    var w: [Double] = []
    for i in 0..<p.count where p.conversions[i] != 0 || p.values[i] != 0 {
      let s = p.offsets[i], n = p.offsets[i + 1] - s
      guard n > 0 else { continue }
      weights(p, path: i, start: s, n: n, rule: rule, direct: direct, into: &w)
      for t in 0..<n {
        let ch = Int(p.touches[s + t])
        conv[ch] += w[t] * p.conversions[i]
        value[ch] += w[t] * p.values[i]
      }
    }
    return (conv, value)
  }

  /// The weights (summing to 1) of the `n` touches of path `i` starting at `s`.
  static func weights(_ p: PathSet, path i: Int, start s: Int, n: Int, rule: AttributionModel.Rule, direct: Set<UInt32>,
                      into w: inout [Double])
  {
    w = [Double](repeating: 0, count: n)
    switch rule {
    case .first: w[0] = 1
    case .last: w[n - 1] = 1
    case .lastNonDirect:
      let k = (0..<n).last { !direct.contains(p.touches[s + $0]) && p.directTouches?[s + $0] != true } ?? (n - 1)
      w[k] = 1
    case .linear:
      for t in 0..<n { w[t] = 1 / Double(n) }
    case .position(let f, let m, let l):
      position(f, m, l, n: n, into: &w)
    case .wShaped:
      wShaped(p, start: s, n: n, into: &w)
    case .timeDecay(let half):
      let end = p.endTimes?[i] ?? 0
      var sum = 0.0
      for t in 0..<n {
        let dt = Double(max(0, end - p.touchTimes![s + t]))
        w[t] = pow(2, -dt / Double(half))
        sum += w[t]
      }
      for t in 0..<n { w[t] /= sum }
    case .markov, .shapley:
      break
    }
  }

  /// Position-based weights: all to a single touch; f/(f+l), l/(f+l) for two; else f, l and m split.
  static func position(_ f: Double, _ m: Double, _ l: Double, n: Int, into w: inout [Double]) {
    if n == 1 {
      w[0] = 1
    } else if n == 2 {
      w[0] = f / (f + l)
      w[1] = l / (f + l)
    } else {
      let total = f + m + l
      w[0] = f / total
      w[n - 1] = l / total
      for t in 1..<(n - 1) { w[t] = m / total / Double(n - 2) }
    }
  }

  /// W-shaped: 30% first, 30% the lead touch, 30% last, 10% over the others.
  static func wShaped(_ p: PathSet, start s: Int, n: Int, into w: inout [Double]) {
    if n == 1 {
      w[0] = 1
      return
    }
    if n == 2 {
      w[0] = 0.5
      w[1] = 0.5
      return
    }
    let lead = (1..<(n - 1)).first { p.touchInConsideration?[s + $0] == true } ?? (n / 2)
    if n == 3 {
      for t in 0..<3 { w[t] = 1.0 / 3 }
      return
    }
    for t in 0..<n { w[t] = 0.1 / Double(n - 3) }
    w[0] = 0.3
    w[lead] = 0.3
    w[n - 1] = 0.3
  }

}
