import Foundation
import Testing
import TQGenerate
import TQStorage

@testable import TQJourney

/// Verbs over path runs (rows read in place) against the same verbs over extracted paths.
@Suite("Path runs")
struct PathRunsTests {
  /// About 90,000 generated touches: two threads, several row blocks.
  static let generated = try! JourneyGenerator(journeys: 20_000, seed: 11).generate().table

  /// Hand-made journeys repeated past two threads and a block: several conversions in one
  /// journey, a flagged touch that ends a path, a conversion with no touch before it,
  /// touches after the last conversion, null events and flags, one journey longer than a
  /// block, and rows out of journey order.
  static let edges: Table = {
    var journey: [Value] = [], ts: [Value] = [], channel: [Value] = [], event: [Value] = [], flag: [Value] = []
    var value: [Value] = []
    func row(_ j: String, _ t: Int64, _ c: String, _ e: String?, _ f: Int64?, _ v: Double) {
      journey.append(.string(j))
      ts.append(.timestamp(t * 3_600_000_000))
      channel.append(.string(c))
      event.append(e.map(Value.string) ?? .null)
      flag.append(f.map(Value.int) ?? .null)
      value.append(.float(v))
    }
    let patterns: [[(String, String?, Int64?, Double)]] = [
      [("email", "visit", 0, 0), ("search", "click", 0, 0), ("search", "conversion", 1, 40), ("social", "visit", 0, 0),
       ("email", "purchase", 1, 15), ("store", "visit", 0, 0)],
      [("store", "conversion", 1, 9)],
      [("social", "visit", 0, 0), ("email", "signup", 1, 5), ("search", nil, nil, 0), ("search", "visit", nil, 0)],
      [("referral", "visit", 0, 0), ("referral", "visit", 0, 0)],
      [("email", nil, 1, 3), ("social", "conversion", nil, 7)],
    ]
    for i in 0..<14_000 {
      let p = patterns[i % patterns.count]
      for (k, (c, e, f, v)) in p.enumerated() { row("j\(i)", Int64(i % 97 + k * (i % 5 + 1)), c, e, f, v) }
    }
    for k in 0..<40_000 { row("long", Int64(k), ["email", "search", "social"][k % 3], "visit", 0, 0) }
    row("long", 40_000, "store", "conversion", 1, 99)
    journey.reverse(); ts.reverse(); channel.reverse(); event.reverse(); flag.reverse(); value.reverse()
    var t = Table(
      columns: [
        Column.from(name: "journey_id", type: .string, values: journey), Column.from(name: "ts", type: .timestamp, values: ts),
        Column.from(name: "channel", type: .string, values: channel), Column.from(name: "event", type: .string, values: event),
        Column.from(name: "converted", type: .int, values: flag), Column.from(name: "revenue", type: .float, values: value),
      ],
      roles: [.journey: "journey_id", .time: "ts", .channel: "channel", .event: "event", .conversion: "converted", .value: "revenue"])
    t.arrangeJourneys()
    return t
  }()

  static let tables: [(String, Table)] = [("generated", generated), ("edges", edges)]

  /// The extracted paths of a table (the reference).
  static func paths(_ t: Table, times: Bool = false) throws -> PathSet {
    try PathExtractor.extract(t, .init(touchColumn: "channel", needTimes: times))
  }

  /// Whether two numbers agree to 1e-9 of their size (the runs add in another order).
  static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)) }

  @Test(arguments: [0, 1])
  func ruleCreditsMatch(table: Int) throws {
    let (name, t) = Self.tables[table]
    let models = [AttributionModel(.first, name: "first"), AttributionModel(.last, name: "last"),
                  AttributionModel(.linear, name: "linear"), AttributionModel(.position(40, 20, 40), name: "position")]
    let runs = try #require(PathRuns(t, touchColumn: "channel"))
    #expect(PathExtractor.journeySplits(runs.offsets).count == 2)
    let fast = try AttributeVerb.runCredits(runs, models, isCancelled: { false })
    let p = try Self.paths(t)
    #expect(fast.total == p.totalConversions, "\(name)")
    var present = Set<String>()
    for i in 0..<p.count { for c in p.path(i) { present.insert(p.channelNames[Int(c)]) } }
    #expect(fast.channels == present, "\(name)")
    for (m, model) in models.enumerated() {
      let slow = try AttributeVerb.credit(model, p, isCancelled: { false })
      for (channel, c) in slow.conversions {
        #expect(Self.close(fast.credits[m].conversions[channel] ?? 0, c), "\(name) \(model.name) \(channel)")
        #expect(Self.close(fast.credits[m].value[channel] ?? 0, slow.value[channel] ?? 0), "\(name) \(model.name) \(channel)")
      }
    }
  }

  @Test(arguments: [0, 1])
  func lengthsAndLagsMatch(table: Int) throws {
    let (name, t) = Self.tables[table]
    let p = try Self.paths(t, times: true)
    var lengths: [Double] = [], hours: [Double] = []
    for i in 0..<p.count where p.conversions[i] > 0 {
      let path = p.path(i)
      let n = path.count == 1 && p.channelNames[Int(path.first!)] == PathExtractor.none ? 0 : path.count
      if n >= lengths.count { lengths += [Double](repeating: 0, count: n + 1 - lengths.count) }
      lengths[n] += 1
      hours.append(Double(p.endTimes![i] - p.touchTimes![p.offsets[i]]) / 3_600_000_000)
    }
    let plan = JourneyPlan(verb: .lag, touchColumn: "channel")
    #expect(try LengthVerb.conversionsByLength(t, plan, isCancelled: { false }) == lengths, "\(name)")
    var lags = try LagVerb.hours(t, plan, isCancelled: { false })
    #expect(lags.weights == nil && lags.hours == hours, "\(name)")
    let sorted = hours.sorted()
    for q in [0.0, 0.1, 0.5, 0.9, 1.0] {
      let pos = q * Double(sorted.count - 1), lo = Int(pos)
      let expected = sorted[lo] + (sorted[min(lo + 1, sorted.count - 1)] - sorted[lo]) * (pos - Double(lo))
      #expect(Self.close(lags.quantile(q), expected), "\(name) q \(q)")
    }
  }

  @Test(arguments: [0, 1], [false, true])
  func pathGroupsMatch(table: Int, all: Bool) throws {
    let (name, t) = Self.tables[table]
    let p = try Self.paths(t)
    var conv: [String: Double] = [:], value: [String: Double] = [:], nulls: [String: Double] = [:]
    for i in 0..<p.count where p.conversions[i] > 0 || (all && p.nulls[i] > 0) {
      let text = p.pathText(i)
      conv[text, default: 0] += p.conversions[i]
      value[text, default: 0] += p.values[i]
      nulls[text, default: 0] += p.nulls[i]
    }
    var plan = JourneyPlan(verb: .paths, touchColumn: "channel")
    plan.includeNonConverting = all
    let r = try PathsVerb.run(t, plan, isCancelled: { false })
    #expect(r.rowCount == conv.count, "\(name)")
    let texts = (0..<r.rowCount).map { r.columns[0].value(at: $0) }
    var previous: (Double, String)?
    for (row, cell) in texts.enumerated() {
      guard case .string(let text) = cell, case .int(let c) = r.columns[1].value(at: row),
        case .float(let v) = r.columns[2].value(at: row)
      else { Issue.record("bad row \(row)"); continue }
      #expect(Double(c) == conv[text], "\(name) \(text)")
      #expect(Self.close(v, value[text] ?? .nan), "\(name) \(text)")
      if all, case .int(let n) = r.columns[5].value(at: row) { #expect(Double(n) == nulls[text], "\(name) \(text)") }
      if let (pc, pt) = previous { #expect(pc > Double(c) || (pc == Double(c) && pt.utf8.lexicographicallyPrecedes(text.utf8))) }
      previous = (Double(c), text)
    }
  }

  @Test(arguments: [0, 1])
  func transitionsMatch(table: Int) throws {
    let (name, t) = Self.tables[table]
    let fast = try TransitionsVerb.transitions(t, JourneyPlan(verb: .transitions, touchColumn: "channel"), isCancelled: { false })
    let slow = try Transitions.compute(try Self.paths(t), order: 1, collapse: false)
    #expect(fast.map(\.from) == slow.map(\.from) && fast.map(\.to) == slow.map(\.to), "\(name)")
    #expect(fast.map(\.count) == slow.map(\.count), "\(name)")
    #expect(zip(fast, slow).allSatisfy { Self.close($0.probability, $1.probability) }, "\(name)")
    #expect(fast.contains { $0.from == "(start)" && $0.to == PathExtractor.none } == (table == 1))
  }

  @Test func runsStandAsideWhereTheyCannotServe() throws {
    var t = Self.generated
    #expect(PathRuns(t, touchColumn: "channel") != nil)
    #expect(PathRuns(t, touchColumn: "revenue") == nil)  // not text
    t.kind = .paths
    #expect(PathRuns(t, touchColumn: "channel") == nil)
  }
}
