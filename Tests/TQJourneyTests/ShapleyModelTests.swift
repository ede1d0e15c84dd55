import TQStorage
import Foundation
import Testing

@testable import TQJourney

/// Shapley values by the textbook sum over every coalition, for checking the model.
private func bruteForceCredits(_ p: PathSet) -> [String: (Double, Double)] {
  var stats: [[UInt32]: (conv: Double, journeys: Double, value: Double)] = [:]
  for i in 0..<p.count where p.conversions[i] + p.nulls[i] > 0 {
    let key = Array(Set(p.path(i))).sorted()
    stats[key, default: (0, 0, 0)].conv += p.conversions[i]
    stats[key, default: (0, 0, 0)].journeys += p.conversions[i] + p.nulls[i]
    stats[key, default: (0, 0, 0)].value += p.values[i]
  }
  func v(_ s: [UInt32]) -> Double { stats[s].map { $0.conv / $0.journeys } ?? 0 }
  func factorial(_ n: Int) -> Double { n < 2 ? 1 : (2...n).reduce(1.0) { $0 * Double($1) } }
  var out: [String: (Double, Double)] = [:]
  for (set, s) in stats where s.conv > 0 {
    let n = set.count
    var phi = [Double](repeating: 0, count: n)
    for i in 0..<n {
      for mask in 0..<(1 << n) where mask & (1 << i) == 0 {
        let without = (0..<n).filter { mask & (1 << $0) != 0 }.map { set[$0] }
        let with = (0..<n).filter { mask & (1 << $0) != 0 || $0 == i }.map { set[$0] }
        phi[i] += factorial(without.count) * factorial(n - without.count - 1) / factorial(n) * (v(with) - v(without))
      }
    }
    let total = phi.reduce(0, +)
    for (c, f) in zip(set, phi) {
      let name = p.channelNames[Int(c)]
      out[name, default: (0, 0)].0 += s.conv * f / total
      out[name, default: (0, 0)].1 += s.value * f / total
    }
  }
  return out
}

@Suite struct ShapleyModelTests {
  /// {a}: 1 of 4 converts (v 1/4); {b}: 1 of 2 (v 1/2); {a, b}: 3 of 4 (v 3/4).
  /// For {a, b}: φ_a = ½·v(a) + ½·(v(ab) − v(b)) = 1/4, φ_b = ½·v(b) + ½·(v(ab) − v(a)) = 1/2,
  /// so its 3 conversions split 1 : 2 and its value 30 splits 10 : 20. Totals: a 2 and 10 + 5,
  /// b 3 and 20 + 7.
  @Test func twoChannelsByHand() throws {
    var b = PathBuilder()
    b.add("a > a", conversions: 1, value: 5, nulls: 3)
    b.add("b", conversions: 1, value: 7, nulls: 1)
    b.add("a > b", conversions: 2, value: 20, nulls: 1)
    b.add("b > a > b", conversions: 1, value: 10, nulls: 0)
    let r = try ShapleyModel.attribute(b.pathSet)
    #expect(r.channels == ["a", "b"])
    #expect(close(r.conversions[0], 2, 1e-14) && close(r.conversions[1], 3, 1e-14))
    #expect(close(r.value[0], 15, 1e-14) && close(r.value[1], 27, 1e-14))
  }

  /// The sparse sum over observed subsets equals the sum over every coalition.
  @Test func matchesBruteForce() throws {
    for seed in 1...8 {
      let p = randomPaths(seed: UInt64(seed), count: 150 * seed, channels: 3 + seed, maxLength: 2 + seed)
      let r = try ShapleyModel.attribute(p)
      let expected = bruteForceCredits(p)
      for (i, c) in r.channels.enumerated() {
        #expect(close(r.conversions[i], expected[c]?.0 ?? 0, 1e-10), "seed \(seed) \(c)")
        #expect(close(r.value[i], expected[c]?.1 ?? 0, 1e-10), "seed \(seed) \(c)")
      }
    }
  }

  /// With more than 64 channels masks are only signatures; subsets are confirmed by members.
  @Test func manyChannelsGiveTheSameCredits() throws {
    let p = randomPaths(seed: 5, count: 600, channels: 7, maxLength: 6)
    var wide = p
    wide.channelNames = (0..<100).map { "pad\($0)" }
    var code: [UInt32] = []
    for i in 0..<7 {
      wide.channelNames[64 * (i % 2) + i] = p.channelNames[i]  // codes i and 64 + i share a signature bit
      code.append(UInt32(64 * (i % 2) + i))
    }
    wide.touches = p.touches.map { code[Int($0)] }
    let a = try ShapleyModel.attribute(p), b = try ShapleyModel.attribute(wide)
    #expect(Set(a.channels) == Set(b.channels))
    for (i, c) in a.channels.enumerated() {
      let j = try #require(b.channels.firstIndex(of: c))
      #expect(close(a.conversions[i], b.conversions[j], 1e-12) && close(a.value[i], b.value[j], 1e-12))
    }
  }

  @Test func creditsSumToTotals() throws {
    for seed in 1...10 {
      let p = randomPaths(seed: UInt64(seed + 50), count: 500, channels: 2 + seed, maxLength: 3 * seed)
      let r = try ShapleyModel.attribute(p)
      #expect(close(r.conversions.reduce(0, +), p.totalConversions))
      #expect(close(r.value.reduce(0, +), p.totalValue))
    }
  }

  @Test(.enabled(if: hasReference)) func caDataSumsToTotals() throws {
    let r = try ShapleyModel.attribute(try loadCAData())
    #expect(r.channels.count == 12)
    #expect(close(r.conversions.reduce(0, +), 19785) && close(r.value.reduce(0, +), 74802.9716))
  }

  @Test func tooManyChannelsAreRefused() {
    var b = PathBuilder()
    b.add((0..<21).map { "c\($0)" }, conversions: 1)
    b.add((0..<30).map { "c\($0)" }, conversions: 0, nulls: 1)
    #expect {
      try ShapleyModel.attribute(b.pathSet)
    } throws: { e in
      let e = e as? ModelError
      return e?.message == "shapley needs at most 20 channels per path; this data has 21"
        && e?.hint == "group channels into fewer values and use by <column>"
    }
    #expect(throws: Never.self) { try ShapleyModel.attribute(b.pathSet, maxChannels: 21) }
  }

  @Test func noneIsAChannelLikeAnyOther() throws {
    var named = PathBuilder(), none = PathBuilder()
    for (path, c, n) in [("x > q", 1.0, 2.0), ("q", 1, 1), ("x", 1, 3), ("q > x > q", 2, 1)] {
      named.add(path, conversions: c, value: 3 * c, nulls: n)
      none.add(path.replacingOccurrences(of: "q", with: "(none)"), conversions: c, value: 3 * c, nulls: n)
    }
    let a = try ShapleyModel.attribute(named.pathSet), b = try ShapleyModel.attribute(none.pathSet)
    #expect(b.channels == ["x", "(none)"] && a.conversions == b.conversions && a.value == b.value)
  }

  @Test func emptyPathSetGivesEmptyResult() throws {
    let empty = PathSet(channelNames: [], touches: [], offsets: [0], conversions: [], values: [], nulls: [])
    let r = try ShapleyModel.attribute(empty)
    #expect(r.channels.isEmpty && r.conversions.isEmpty && r.value.isEmpty)
  }

  @Test func cancellationStopsLongWork() {
    let p = randomPaths(seed: 3, count: 3000, channels: 12, maxLength: 12)
    var polls = 0
    #expect(throws: Interrupted.self) {
      try ShapleyModel.attribute(p) {
        polls += 1
        return polls > 2
      }
    }
  }
}
