import Foundation
import TQEngine
import TQStorage
import Testing

/// `compare` against a row-by-row count written another way, on generated journeys: groups
/// decided per dictionary code and per row, more groups than one pass takes, journeys longer
/// than the eight rows the tally reads at a time.
@Suite("compare: group totals equal a plain count over the rows")
struct CompareTests {
  /// The channels the groups test.
  static let channels = ["google_ads", "google_organic", "facebook", "instagram", "email", "direct", "affiliate"]

  /// Per group: touches, journeys reached, converting journeys, value, touches and days to convert.
  struct Totals: Equatable {
    var touches = 0, journeys = 0, conversions = 0
    var value = 0.0, toConvert = 0.0, days = 0.0
  }

  /// The totals of a group whose rows are those with `channel` (and `inGroup` true), one journey at a time.
  static func reference(_ t: Table, _ inGroup: (Int) -> Bool) -> Totals {
    guard let journey = t.column("journey_id"), let event = t.column("event"), let flag = t.column("converted"),
      let revenue = t.column("revenue"), let ts = t.column("ts")
    else { return Totals() }
    var out = Totals()
    var r = 0
    while r < t.rowCount {
      var end = r
      while end < t.rowCount, journey.value(at: end) == journey.value(at: r) { end += 1 }
      var reached = false, value = 0.0, first: Int? = nil
      for i in r..<end {
        let purchase = event.value(at: i) == .string("conversion") || event.value(at: i) == .string("purchase")
        let closes = purchase || [.bool(true), .int(1)].contains(flag.value(at: i))
        if closes {
          if case .float(let v) = revenue.value(at: i) { value += v }
          if first == nil { first = i }
        }
        if !purchase, inGroup(i) {
          out.touches += 1
          reached = true
        }
      }
      if reached {
        out.journeys += 1
        out.value += value
        if let f = first {
          out.conversions += 1
          let purchase = event.value(at: f) == .string("conversion") || event.value(at: f) == .string("purchase")
          out.toConvert += Double(f - r + (purchase ? 0 : 1))
          if case .timestamp(let a) = ts.value(at: f), case .timestamp(let b) = ts.value(at: r) {
            out.days += Double(a - b) / 86_400_000_000
          }
        }
      }
      r = end
    }
    return out
  }

  /// The totals `compare` gave for each group, by name.
  static func totals(_ result: Table) -> [String: Totals] {
    var out: [String: Totals] = [:]
    for i in 0..<result.rowCount {
      func int(_ c: String) -> Int { if case .int(let v)? = result.column(c)?.value(at: i) { return Int(v) } else { return -1 } }
      func float(_ c: String) -> Double { if case .float(let v)? = result.column(c)?.value(at: i) { return v } else { return .nan } }
      guard case .string(let name)? = result.column("group")?.value(at: i) else { continue }
      let conversions = int("conversions")
      out[name] = Totals(touches: int("touches"), journeys: int("journeys"), conversions: conversions, value: float("value"),
                         toConvert: float("touches_to_convert") * Double(conversions),
                         days: float("days_to_convert") * Double(conversions))
    }
    return out
  }

  @Test func groupsByCodeAndByRowMatchThePlainCount() throws {
    let s = Session(datasets: Datasets(directory: nil))
    _ = try s.collect("generate journeys 4000 seed 11 as g")
    let t = try #require(s.tables["g"])
    let offsets = try #require(t.journeyOffsets)
    #expect(zip(offsets, offsets.dropFirst()).contains { $1 - $0 > 8 }, "some journey is longer than a word of kinds")
    // Seven groups by code (two passes of the tally), and each again as a per-row test
    // (`or` with a test of revenue that no row passes, which is not decided per code).
    let byCode = Self.channels.map { "\($0) = channel == \"\($0)\"" }
    let byRow = Self.channels.map { "\($0)_rows = channel == \"\($0)\" or revenue < -1" }
    guard case .table(let result)? = try s.collect("g | compare \((byCode + byRow).joined(separator: ", "))").last else {
      Issue.record("compare gave no table")
      return
    }
    let got = Self.totals(result)
    let channel = try #require(t.column("channel"))
    for name in Self.channels {
      let want = Self.reference(t) { channel.value(at: $0) == .string(name) }
      for key in [name, name + "_rows"] {
        let g = try #require(got[key])
        #expect(g.touches == want.touches && g.journeys == want.journeys && g.conversions == want.conversions, "\(key)")
        #expect(abs(g.value - want.value) <= 1e-6 * max(1, abs(want.value)), "\(key) value")
        #expect(abs(g.toConvert - want.toConvert) <= 1e-6 * max(1, want.toConvert), "\(key) touches to convert")
        #expect(abs(g.days - want.days) <= 1e-6 * max(1, want.days), "\(key) days to convert")
      }
      #expect(want.journeys > 0, "\(name) reaches some journey")
    }
  }
}
