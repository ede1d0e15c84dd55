import Foundation
import Testing

@testable import TQJourney

@Suite struct TransitionsTests {
  /// Order 1 with collapse equals channelattribution's transition matrix.
  @Test(.enabled(if: hasReference)) func orderOneCollapseMatchesReference() throws {
    let rows = try Transitions.compute(try loadCAData(), order: 1, collapse: true)
    var name: [String: String] = ["(start)": "(start)", "(conversion)": "(conversion)", "(null)": "(null)"]
    for r in try referenceRows("ca_transition_matrix_o1_flg_equal_0_channels.csv").dropFirst() { name[r[0]] = r[1] }
    var expected: [String: Double] = [:]
    for r in try referenceRows("ca_transition_matrix_o1_flg_equal_0.csv").dropFirst() {
      expected["\(name[r[0]]!)→\(name[r[1]]!)"] = Double(r[2])!
    }
    #expect(rows.count == expected.count)
    for r in rows {
      let e = try #require(expected["\(r.from)→\(r.to)"], "\(r.from)→\(r.to)")
      #expect(close(r.probability, e, 1e-9), "\(r.from)→\(r.to)")
    }
  }

  @Test func repeatsAreSelfTransitionsUnlessCollapsed() throws {
    var b = PathBuilder()
    b.add("a > a > b", conversions: 1)
    b.add("b > a", conversions: 0, nulls: 2)
    let flat = try Transitions.compute(b.pathSet, order: 1, collapse: false).map {
      "\($0.from)|\($0.to)|\($0.count)|\($0.probability)"
    }
    #expect(flat == [
      "(start)|a|1.0|0.3333333333333333", "(start)|b|2.0|0.6666666666666666", "a|(null)|2.0|0.5", "a|a|1.0|0.25",
      "a|b|1.0|0.25", "b|(conversion)|1.0|0.3333333333333333", "b|a|2.0|0.6666666666666666",
    ])
    let collapsed = try Transitions.compute(b.pathSet, order: 1, collapse: true)
    #expect(!collapsed.contains { $0.from == "a" && $0.to == "a" })
    #expect(collapsed.first { $0.from == "a" && $0.to == "b" }?.probability == 1.0 / 3)
  }

  /// Order 2: windows named `a > b`; a path shorter than 2 is one state; merging only with collapse.
  @Test func orderTwoWindows() throws {
    var b = PathBuilder()
    b.add("a > a > a > b", conversions: 0, nulls: 1)
    b.add("c", conversions: 1)
    let flat = try Transitions.compute(b.pathSet, order: 2, collapse: false).map { "\($0.from)|\($0.to)|\($0.count)" }
    #expect(flat == ["(start)|a > a|1.0", "(start)|c|1.0", "a > a|a > a|1.0", "a > a|a > b|1.0", "a > b|(null)|1.0",
                     "c|(conversion)|1.0"])
    let collapsed = try Transitions.compute(b.pathSet, order: 2, collapse: true).map { "\($0.from)|\($0.to)" }
    #expect(!collapsed.contains("a > a|a > a") && collapsed.contains("a > a|a > b"))
  }

  @Test func probabilitiesSumToOnePerState() throws {
    for (order, collapse) in [(1, false), (2, true), (3, false), (4, true)] {
      let paths = randomPaths(seed: UInt64(order), count: 300, channels: 5)
      let rows = try Transitions.compute(paths, order: order, collapse: collapse)
      for (_, group) in Dictionary(grouping: rows, by: \.from) {
        #expect(abs(group.reduce(0) { $0 + $1.probability } - 1) < 1e-12)
      }
      #expect(zip(rows, rows.dropFirst()).allSatisfy { a, b in
        a.from != b.from
          ? a.from.utf8.lexicographicallyPrecedes(b.from.utf8) : a.to.utf8.lexicographicallyPrecedes(b.to.utf8)
      })
    }
  }

  @Test func emptyPathSetGivesNoRows() throws {
    let empty = PathSet(channelNames: ["a"], touches: [], offsets: [0], conversions: [], values: [], nulls: [])
    #expect(try Transitions.compute(empty, order: 1, collapse: false).isEmpty)
  }

  @Test func noneIsAState() throws {
    var b = PathBuilder()
    b.add(["(none)"], conversions: 3)
    let rows = try Transitions.compute(b.pathSet, order: 2, collapse: false).map { "\($0.from)|\($0.to)|\($0.count)" }
    #expect(rows == ["(none)|(conversion)|3.0", "(start)|(none)|3.0"])
  }
}
