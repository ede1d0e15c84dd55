import Foundation
import TQStorage
import Testing

@testable import TQGenerate

/// The bundled `shop` dataset's size and seed, generated once for the read-only tests.
private let shop = try! JourneyGenerator(journeys: 8000, seed: 42).generate()

/// The string column `name` of `table`.
private func strings(_ table: Table, _ name: String) -> DictColumn {
  guard case .string(let d) = table.column(name)!.data else { fatalError("\(name) is not a string column") }
  return d
}

private func floats(_ table: Table, _ name: String) -> [Double] {
  guard case .float(let a) = table.column(name)!.data else { fatalError("\(name) is not a float column") }
  return a
}

private func timestamps(_ table: Table) -> [Int64] {
  guard case .timestamp(let a) = table.column("ts")!.data else { fatalError("ts is not a timestamp column") }
  return a
}

private func flags(_ table: Table) -> [Bool] {
  guard case .bool(let a) = table.column("converted")!.data else { fatalError("converted is not a bool column") }
  return a
}

/// Whether two columns hold the same name, type, values and dictionary.
private func same(_ a: Column, _ b: Column) -> Bool {
  guard a.name == b.name, a.validity == nil, b.validity == nil else { return false }
  switch (a.data, b.data) {
  case (.int(let x), .int(let y)): return x == y
  case (.timestamp(let x), .timestamp(let y)): return x == y
  case (.float(let x), .float(let y)): return x.elementsEqual(y) { $0.bitPattern == $1.bitPattern }
  case (.bool(let x), .bool(let y)): return x == y
  case (.date(let x), .date(let y)): return x == y
  case (.string(let x), .string(let y)): return x == y
  default: return false
  }
}

@Suite("JourneyGenerator")
struct JourneyGeneratorTests {
  @Test func columnsHaveTheShopSchemaInOrder() {
    let t = shop.table
    #expect(t.columnNames == [
      "journey_id", "customer_id", "ts", "channel", "source_group", "medium", "campaign", "device", "persona",
      "stage", "touch_kind", "managed", "event", "converted", "revenue", "cost",
    ])
    let types: [DataType] = [.string, .string, .timestamp] + Array(repeating: .string, count: 10) + [.bool, .float, .float]
    #expect(t.columns.map(\.type) == types)
    #expect(t.columns.allSatisfy { $0.count == t.rowCount && $0.validity == nil })
    #expect(strings(t, "journey_id")[0] == "j000001")
    #expect(strings(t, "customer_id")[0] == "c000001")
    #expect(Set(strings(t, "channel").dictionary).count == 14)
  }

  @Test func rolesAreDetectedFromTheColumnNames() {
    let expected: [Role: String] = [
      .journey: "journey_id", .customer: "customer_id", .time: "ts", .channel: "channel", .conversion: "converted",
      .stage: "stage", .event: "event", .value: "revenue", .cost: "cost",
    ]
    #expect(shop.table.roles == expected)
    #expect(Role.detect(in: shop.table.columnNames) == expected)
  }

  @Test func sameSeedGivesTheSameTableAndAnotherSeedDoesNot() throws {
    // 10,000 journeys span three chunks drawn in parallel.
    let a = try JourneyGenerator(journeys: 10_000, seed: 7).generate()
    let b = try JourneyGenerator(journeys: 10_000, seed: 7).generate()
    #expect(a.table.rowCount == b.table.rowCount)
    #expect(zip(a.table.columns, b.table.columns).allSatisfy { same($0, $1) })
    #expect(a.table.journeyOffsets == b.table.journeyOffsets)
    #expect(a.truth == b.truth)
    let c = try JourneyGenerator(journeys: 10_000, seed: 8).generate()
    #expect(timestamps(a.table) != timestamps(c.table))
    #expect(a.truth != c.truth)
  }

  @Test func randomStreamMatchesTheReferenceXoshiro256StarStar() {
    // Reference values: Vigna's SplitMix64 seeding and xoshiro256** in Python, seed 42.
    var rng = Xoshiro256StarStar(seed: 42)
    #expect((0..<3).map { _ in rng.next() } == [0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1])
    var u = Xoshiro256StarStar(seed: 9)
    let draws = (0..<10_000).map { _ in u.uniform() }
    #expect(draws.allSatisfy { $0 >= 0 && $0 < 1 })
    #expect(abs(draws.reduce(0, +) / 10_000 - 0.5) < 0.02)
    var n = Xoshiro256StarStar(seed: 9)
    let normals = (0..<20_000).map { _ in n.normal() }
    let mean = normals.reduce(0, +) / 20_000
    let variance = normals.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 20_000
    #expect(abs(mean) < 0.03 && abs(variance - 1) < 0.05)
  }

  @Test func countsJourneysCustomersAndRows() {
    let t = shop.table
    let offsets = t.journeyOffsets!
    #expect(offsets.count == 8001)
    #expect(offsets.first == 0 && Int(offsets.last!) == t.rowCount)
    #expect(zip(offsets, offsets.dropFirst()).allSatisfy { $0 < $1 })
    let journeys = strings(t, "journey_id")
    #expect(journeys.dictionary.count == 8000)
    for j in 0..<8000 {
      for r in Int(offsets[j])..<Int(offsets[j + 1]) where journeys.codes[r] != j {
        Issue.record("row \(r) is not in journey \(j)")
        return
      }
    }
    #expect(shop.truth.journeys == 8000)
    let customers = strings(t, "customer_id").dictionary.count
    let ratio = Double(customers) / 8000
    #expect(ratio > 0.65 && ratio < 0.8, "customers per journey: \(ratio)")
    let rowsPerJourney = Double(t.rowCount) / 8000
    #expect(rowsPerJourney > 3.5 && rowsPerJourney < 6, "rows per journey: \(rowsPerJourney)")
  }

  @Test func journeyOffsetsMatchArrangeJourneys() {
    var t = shop.table
    let given = t.journeyOffsets
    t.arrangeJourneys()
    #expect(t.journeyOffsets == given)
    #expect(timestamps(t) == timestamps(shop.table))
  }

  @Test func timestampsStrictlyIncreaseWithinAJourneyAndFallIn2024ish() {
    let ts = timestamps(shop.table)
    let offsets = shop.table.journeyOffsets!
    var bad = 0
    for j in 0..<(offsets.count - 1) {
      for r in Int(offsets[j]) + 1 ..< Int(offsets[j + 1]) where ts[r] <= ts[r - 1] { bad += 1 }
    }
    #expect(bad == 0)
    #expect(ts.allSatisfy { $0 % 1_000_000 == 0 })
    let start2024: Int64 = 1_704_067_200 * 1_000_000
    #expect(ts.min()! >= start2024)
    let in2024 = ts.filter { $0 < start2024 + 366 * 86_400 * 1_000_000 }.count
    #expect(Double(in2024) / Double(ts.count) > 0.99)
  }

  @Test func conversionRowsCarryTheEventAndTheRevenue() {
    let t = shop.table
    let converted = flags(t), revenue = floats(t, "revenue"), cost = floats(t, "cost")
    let event = strings(t, "event"), stage = strings(t, "stage")
    let bad = (0..<t.rowCount).filter { r in
      converted[r]
        ? !(event[r] == "conversion" && revenue[r] > 0 && stage[r] == "purchase")
        : (event[r] == "conversion" || revenue[r] != 0)
    }
    #expect(bad.isEmpty, "rows \(bad.prefix(5))")
    let cents = { (x: Double) in (x * 100).rounded() / 100 == x }
    #expect(revenue.allSatisfy(cents) && cost.allSatisfy(cents))
    #expect(cost.allSatisfy { $0 >= 0 } && cost.contains { $0 > 0 })
  }

  @Test func aPlausibleShareOfJourneysConverts() {
    let converted = flags(shop.table), offsets = shop.table.journeyOffsets!
    var converting = 0, repeatBuyers = 0
    for j in 0..<(offsets.count - 1) {
      let n = (Int(offsets[j])..<Int(offsets[j + 1])).filter { converted[$0] }.count
      if n > 0 { converting += 1 }
      if n > 1 { repeatBuyers += 1 }
    }
    let share = Double(converting) / 8000
    #expect(share > 0.05 && share < 0.40, "converting share \(share)")
    #expect(converting == shop.truth.convertingJourneys)
    #expect(abs(Double(converting) - shop.truth.expectedConvertingJourneys) < 0.15 * Double(converting))
    let repeatShare = Double(repeatBuyers) / Double(converting)
    #expect(repeatShare > 0.04 && repeatShare < 0.13, "repeat buyers: \(repeatShare)")
  }

  @Test func pathsBeforeAPurchaseAverageAFewTouches() {
    let converted = flags(shop.table), offsets = shop.table.journeyOffsets!
    var touches = 0, conversions = 0
    for j in 0..<(offsets.count - 1) {
      var since = 0
      for r in Int(offsets[j])..<Int(offsets[j + 1]) {
        if converted[r] {
          touches += since
          conversions += 1
          since = 0
        } else {
          since += 1
        }
      }
    }
    let mean = Double(touches) / Double(conversions)
    #expect(mean > 2.5 && mean < 6, "touches before a conversion: \(mean)")
  }

  @Test func postPurchaseTouchesAreRetentionOrAdvocacy() {
    let t = shop.table
    let converted = flags(t), stage = strings(t, "stage"), offsets = t.journeyOffsets!
    var post = 0, bad = 0
    for j in 0..<(offsets.count - 1) {
      let rows = Int(offsets[j])..<Int(offsets[j + 1])
      guard let last = rows.last(where: { converted[$0] }) else {
        bad += rows.filter { !["awareness", "consideration", "purchase"].contains(stage[$0]) }.count
        continue
      }
      for r in (last + 1)..<rows.upperBound {
        post += 1
        if stage[r] != "retention" && stage[r] != "advocacy" { bad += 1 }
      }
    }
    #expect(bad == 0)
    #expect(post > 0)
  }

  @Test func categoriesFollowTheirChannel() {
    let t = shop.table
    let channel = strings(t, "channel"), group = strings(t, "source_group"), kind = strings(t, "touch_kind")
    let campaign = strings(t, "campaign"), device = strings(t, "device"), medium = strings(t, "medium")
    let bad = (0..<t.rowCount).filter { r in
      switch channel[r] {
      case "store": return !(device[r] == "in_store" && kind[r] == "physical" && group[r] == "offline")
      case "google_organic": return !(campaign[r] == "(organic)" && medium[r] == "organic" && group[r] == "search")
      case "direct": return !(campaign[r] == "(direct)" && medium[r] == "none" && kind[r] == "digital")
      case "google_ads": return !(campaign[r].hasPrefix("gads_") && medium[r] == "cpc")
      default: return device[r] == "in_store"
      }
    }
    #expect(bad.isEmpty, "rows \(bad.prefix(5))")
  }

  @Test func groundTruthHasAnEntryPerChannel() {
    let channels = Set(strings(shop.table, "channel").dictionary)
    let truth = shop.truth
    #expect(Set(truth.effects.keys) == channels)
    #expect(Set(truth.expectedIncrementalConversions.keys) == channels)
    #expect(truth.effects == JourneyGenerator.Effects.standard.perChannel)
    #expect(truth.expectedIncrementalConversions.values.allSatisfy { $0 > 0 })
    #expect(Set(truth.personaBase.keys) == Set(strings(shop.table, "persona").dictionary))
    // Stronger, common channels add more conversions than weak, rare ones.
    #expect(truth.expectedIncrementalConversions["google_ads"]! > truth.expectedIncrementalConversions["tiktok"]!)
  }

  @Test func customEffectsChangeTheTruth() throws {
    var effects = JourneyGenerator.Effects.standard
    effects.perChannel["tiktok"] = 0.3
    let g = try JourneyGenerator(journeys: 2000, seed: 42, effects: effects).generate()
    #expect(g.truth.effects["tiktok"] == 0.3)
    let standard = try JourneyGenerator(journeys: 2000, seed: 42).generate()
    #expect(g.truth.expectedIncrementalConversions["tiktok"]! > 5 * standard.truth.expectedIncrementalConversions["tiktok"]!)
  }

  @Test func cancellationThrowsAndBuildsNothing() {
    var asked = 0
    #expect(throws: Interrupted.self) {
      try JourneyGenerator(journeys: 40_000, seed: 1).generate {
        asked += 1
        return asked >= 2
      }
    }
    // Asked before each wave of chunks and once more before the table is built: it stopped
    // at the second look instead of drawing the remaining waves.
    #expect(asked == 2)
    #expect(throws: Interrupted.self) { try JourneyGenerator(journeys: 10, seed: 1).generate { true } }
  }

  @Test func reportsJourneysDoneToTheMeter() throws {
    var advanced = 0
    let g = try JourneyGenerator(journeys: 20_000, seed: 3).generate(advance: { advanced += $0 })
    #expect(advanced == 20_000 && g.truth.journeys == 20_000)
    let meter = WorkMeter(isCancelled: { true })
    #expect(throws: Interrupted.self) { try JourneyGenerator(journeys: 20_000, seed: 3).generate(meter: meter) }
    #expect(meter.reading == nil)  // the piece ended
  }

  @Test func emptyAndTinyTables() throws {
    let none = try JourneyGenerator(journeys: 0, seed: 42).generate()
    #expect(none.table.rowCount == 0 && none.table.journeyOffsets == [0] && none.truth.journeys == 0)
    let one = try JourneyGenerator(journeys: 1, seed: 42).generate()
    #expect(one.table.rowCount >= 1 && one.table.journeyOffsets?.count == 2)
  }

  @Test(.enabled(if: ProcessInfo.processInfo.environment["TQ_GEN_BENCH"] != nil))
  func generatesAMillionJourneysQuickly() throws {
    let clock = ContinuousClock()
    var rows = 0
    let elapsed = clock.measure { rows = try! JourneyGenerator(journeys: 1_000_000, seed: 42).generate().table.rowCount }
    print("1M journeys: \(rows) rows in \(elapsed)")
  }
}
