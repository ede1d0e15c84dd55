import TQStorage
import Foundation
import Testing

@testable import TQJourney

/// The empirical conversion rate of ca_data.csv, which the fitted chain reproduces at any order.
private let caRate = 19785.0 / (19785.0 + 68602.0)

/// The result's numbers for `channel`.
private func row(_ r: MarkovResult, _ channel: String) -> (re: Double, reValue: Double, conv: Double, value: Double)? {
  guard let i = r.channels.firstIndex(of: channel) else { return nil }
  return (r.removalEffect[i], r.removalEffectValue[i], r.conversions[i], r.value[i])
}

@Suite struct MarkovModelTests {
  // MARK: reference data

  @Test(.enabled(if: hasReference), arguments: [(true, "exact_markov_o1.csv"), (false, "exact_markov_o1_nonull.csv")])
  func orderOneMatchesReference(withNulls: Bool, file: String) throws {
    let r = try MarkovModel.attribute(try loadCAData(), order: 1, withNulls: withNulls)
    let expected = try referenceTable(file)
    #expect(Set(r.channels) == Set(expected.keys))
    for (channel, e) in expected {
      let got = try #require(row(r, channel))
      #expect(close(got.re, e["removal_effects_conversion"]!), "\(channel) removal effect")
      #expect(close(got.reValue, e["removal_effects_conversion_value"]!), "\(channel) value removal effect")
      #expect(close(got.conv, e["total_conversions"]!), "\(channel) conversions")
      #expect(close(got.value, e["total_conversion_value"]!), "\(channel) value")
    }
  }

  @Test(.enabled(if: hasReference)) func orderOneMatchesSecondPackage() throws {
    let r = try MarkovModel.attribute(try loadCAData(), order: 1, withNulls: true)
    for (channel, e) in try referenceTable("mam_markov_removal_effects.csv") {
      #expect(close(try #require(row(r, channel)).re, e["removal_effect"]!), "\(channel)")
    }
  }

  /// Orders 1–3 each reproduce the empirical conversion rate, an independent check of the
  /// window states (a wrong state definition breaks flow conservation and this identity).
  @Test(.enabled(if: hasReference), arguments: [1, 2, 3])
  func chainReproducesConversionRate(order: Int) throws {
    let r = try MarkovModel.attribute(try loadCAData(), order: order, withNulls: true)
    #expect(close(r.conversionProbability, caRate, 1e-12))
    #expect(close(r.conversions.reduce(0, +), 19785))
    #expect(close(r.value.reduce(0, +), 74802.9716))
    #expect(r.channels.count == 12)
  }

  // MARK: hand-computed order 2

  /// Order 2 on five paths, solved by hand.
  ///
  /// States: a > b (AB), b > c (BC), c (a one-touch path is one state), a > a (AA; a > a > a > b
  /// has windows aa, aa, ab, merged to AA, AB).
  /// - start: AB 2 (paths 1, 2), BC 2 (path 3), C 1, AA 1 → each / 6.
  /// - AB: → BC 1, → null 2 (out 3); BC: → conversion 2, → null 1 (out 3); C: → conversion 1;
  ///   AA: → AB 1.
  /// - x_BC = 2/3, x_AB = 1/3 · 2/3 = 2/9, x_AA = 2/9, x_C = 1; P = (2·2/9 + 2·2/3 + 1 + 2/9)/6 =
  ///   1/2 (3 conversions of 6 journeys).
  /// - without a (AB, AA → null): P = (2·2/3 + 1)/6 = 7/18, RE = 1 − 7/9 = 2/9; without b (AB, BC):
  ///   P = 1/6, RE = 2/3; without c (BC, C): P = 0, RE = 1. ΣRE = 17/9, so a 3·2/17 = 6/17,
  ///   b 18/17, c 27/17.
  /// - value per conversion: BC (10 + 4)/2 = 7, C 6. y_BC = 14/3, y_AB = y_AA = 14/9, y_C = 6; E =
  ///   (28/9 + 84/9 + 54/9 + 14/9)/6 = 10/3. Without a: (28/3 + 6)/6 = 23/9, RE 7/30; without b:
  ///   1, RE 7/10; without c: 0, RE 1. ΣRE = 58/30: value a 20·7/58 = 70/29, b 210/29, c 300/29.
  @Test func orderTwoByHand() throws {
    var b = PathBuilder()
    b.add("a > b > c", conversions: 1, value: 10)
    b.add("a > b", conversions: 0, nulls: 1)
    b.add("b > c", conversions: 1, value: 4, nulls: 1)
    b.add("c", conversions: 1, value: 6)
    b.add("a > a > a > b", conversions: 0, nulls: 1)
    let r = try MarkovModel.attribute(b.pathSet, order: 2, withNulls: true)
    #expect(r.states == 4)
    #expect(r.channels == ["a", "b", "c"])
    #expect(close(r.conversionProbability, 0.5, 1e-14))
    let expected: [(String, Double, Double, Double, Double)] = [
      ("a", 2.0 / 9, 7.0 / 30, 6.0 / 17, 70.0 / 29), ("b", 2.0 / 3, 7.0 / 10, 18.0 / 17, 210.0 / 29),
      ("c", 1, 1, 27.0 / 17, 300.0 / 29),
    ]
    for (channel, re, reValue, conv, value) in expected {
      let got = try #require(row(r, channel))
      #expect(close(got.re, re, 1e-14) && close(got.reValue, reValue, 1e-14), "\(channel)")
      #expect(close(got.conv, conv, 1e-14) && close(got.value, value, 1e-14), "\(channel)")
    }
  }

  // MARK: properties

  @Test(arguments: [1, 2, 3, 4])
  func creditsSumToTotals(order: Int) throws {
    for seed in 1...6 {
      let p = randomPaths(seed: UInt64(seed * 100 + order), count: 300, channels: 3 + seed, maxLength: 3 + 2 * seed)
      for withNulls in [true, false] {
        let r = try MarkovModel.attribute(p, order: order, withNulls: withNulls)
        let used = (0..<p.count).filter { p.conversions[$0] > 0 || (withNulls && p.nulls[$0] > 0) }
        #expect(close(r.conversions.reduce(0, +), used.reduce(0) { $0 + p.conversions[$1] }))
        #expect(close(r.value.reduce(0, +), used.reduce(0) { $0 + p.values[$1] }))
        #expect(r.removalEffect.allSatisfy { $0 >= 0 && $0 <= 1 + 1e-12 })
        let rate = p.totalConversions / (p.totalConversions + (withNulls ? p.nulls.reduce(0, +) : 0))
        #expect(close(r.conversionProbability, rate, 1e-11))
      }
    }
  }

  @Test func noneIsAChannelLikeAnyOther() throws {
    var named = PathBuilder(), none = PathBuilder()
    for (path, c, n) in [("x > q", 1.0, 2.0), ("q", 1, 1), ("y > x", 0, 3), ("q > y > q", 2, 1)] {
      named.add(path, conversions: c, value: 3 * c, nulls: n)
      none.add(path.replacingOccurrences(of: "q", with: "(none)"), conversions: c, value: 3 * c, nulls: n)
    }
    let a = try MarkovModel.attribute(named.pathSet, order: 2, withNulls: true)
    let b = try MarkovModel.attribute(none.pathSet, order: 2, withNulls: true)
    #expect(b.channels == a.channels.map { $0 == "q" ? "(none)" : $0 })
    #expect(a.removalEffect == b.removalEffect && a.conversions == b.conversions && a.value == b.value)
    #expect(b.conversions[b.channels.firstIndex(of: "(none)")!] > 0)
  }

  @Test func emptyPathCountsAsNone() throws {
    var b = PathBuilder()
    b.add(["(none)"], conversions: 2, value: 5)
    b.add("a", conversions: 1, value: 1, nulls: 1)
    var empty = b.pathSet
    empty.touches.removeFirst()
    empty.offsets = empty.offsets.map { max(0, $0 - 1) }
    let r = try MarkovModel.attribute(empty, order: 1, withNulls: true)
    let expected = try MarkovModel.attribute(b.pathSet, order: 1, withNulls: true)
    #expect(r.channels == ["(none)", "a"] && r.conversions == expected.conversions)
  }

  @Test func emptyPathSetGivesEmptyResult() throws {
    let empty = PathSet(channelNames: [], touches: [], offsets: [0], conversions: [], values: [], nulls: [])
    for order in 1...4 {
      let r = try MarkovModel.attribute(empty, order: order, withNulls: order.isMultiple(of: 2))
      #expect(r.channels.isEmpty && r.conversions.isEmpty && r.states == 0 && r.conversionProbability == 0)
    }
  }

  @Test func orderOutsideOneToFourIsRefused() {
    let p = randomPaths(seed: 1, count: 10, channels: 3)
    #expect(throws: ModelError.self) { try MarkovModel.attribute(p, order: 5, withNulls: true) }
    #expect(throws: ModelError.self) { try MarkovModel.attribute(p, order: 0, withNulls: true) }
  }

  @Test(.enabled(if: hasReference)) func cancellationStopsLongWork() throws {
    let p = try loadCAData()
    for after in [0, 3, 40] {
      var polls = 0
      #expect(throws: Interrupted.self) {
        try MarkovModel.attribute(p, order: 4, withNulls: true) {
          polls += 1
          return polls > after
        }
      }
    }
  }
}
