import Foundation
import TQEngine
import TQIO
import TQStorage
import TQSyntax
import Testing

/// The repository root, found from this file.
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
private let datasets = Datasets(directory: root.appendingPathComponent("datasets").path)

/// Regenerating the bundled `shop` dataset gives the committed file byte for byte.
@Test func bundledShopIsReproducible() throws {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tq-regen-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: dir) }
  let s = Session(datasets: datasets)
  try s.run(SourceFile(name: "test", text: "generate journeys 8000 seed 42 as regen\nsave regen to \"shop.csv\""), directory: dir.path) { _ in }
  let made = try Data(contentsOf: dir.appendingPathComponent("shop.csv"))
  let bundled = try Data(contentsOf: root.appendingPathComponent("datasets/shop.csv"))
  #expect(made.count == bundled.count)
  #expect(made == bundled)
}

/// A failing statement leaves every table and the table in use as they were.
@Test func errorsKeepTheSession() throws {
  let s = Session(datasets: datasets)
  _ = try s.collect("let small = shop | take 3")
  #expect(throws: (any Error).self) { try s.collect("small | where nosuch > 1") }
  #expect(throws: (any Error).self) { try s.collect("load \"/nonexistent.csv\" as small") }
  #expect(s.tables["small"]?.rowCount == 3)
  #expect(s.current == "shop")
}

/// `let` results keep journey roles and journey order for the rows that survive.
@Test func letKeepsRolesAndJourneyOrder() throws {
  let s = Session(datasets: datasets)
  _ = try s.collect("let social = shop | where source_group == \"social\"")
  let t = try #require(s.tables["social"])
  #expect(t.roles[.journey] == "journey_id" && t.roles[.time] == "ts" && t.roles[.channel] == "channel")
  #expect(t.journeyOffsets != nil)
}

/// The bundled dataset is loaded with its roles in journey order.
@Test func shopHasRolesAndJourneyOffsets() throws {
  let s = Session(datasets: datasets)
  let out = try s.collect("describe shop")
  guard case .table(let d)? = out.first else {
    Issue.record("describe printed no table")
    return
  }
  #expect(d.rowCount == 16)
  let shop = try #require(s.tables["shop"])
  #expect(shop.journeyOffsets?.count == 8001)
  #expect(shop.rowCount == 35_342)
}
