import Foundation
import TQEngine
import TQIO
import TQStorage
import TQSyntax
import Testing

/// A fresh directory for one test's files.
private func scratchDirectory() throws -> URL {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tq-snap-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  return dir
}

/// The cells of every table a statement printed.
private func cells(_ out: [Output]) -> [[Value]] {
  out.compactMap { o -> Table? in if case .table(let t) = o { return t } else { return nil } }.flatMap { t in
    (0..<t.rowCount).map { r in (0..<t.columns.count).map { t.value(row: r, column: $0) } }
  }
}

/// A saved snapshot reopens with its roles and journey order: journey verbs give the same answers.
@Test func snapshotKeepsJourneyVerbsWorking() throws {
  let dir = try scratchDirectory()
  defer { try? FileManager.default.removeItem(at: dir) }
  let s = Session(datasets: Datasets(directory: dir.path))
  let script = """
    generate journeys 3000 seed 1 as big
    save big to "big.tqc"
    load "big.tqc" as b2
    """
  try s.run(SourceFile(name: "test", text: script), directory: dir.path) { _ in }
  let big = try #require(s.tables["big"]), b2 = try #require(s.tables["b2"])
  #expect(b2.roles == big.roles && b2.journeyOffsets == big.journeyOffsets && b2.rowCount == big.rowCount)
  for q in ["paths top 10", "attribute compare first, last, linear", "funnel stage [awareness, consideration, purchase] within 30d"] {
    #expect(cells(try s.collect("b2 | \(q)")) == cells(try s.collect("big | \(q)")), "\(q)")
  }
}

/// A query result saved as a snapshot keeps its columns, and `load` reports it.
@Test func snapshotOfAPipelineResult() throws {
  let dir = try scratchDirectory()
  defer { try? FileManager.default.removeItem(at: dir) }
  let s = Session(datasets: Datasets(directory: dir.path))
  var statuses: [String] = []
  let script = """
    generate journeys 500 seed 3 as g
    save g | paths top 5 to "top.tqc"
    load "top.tqc"
    """
  try s.run(SourceFile(name: "test", text: script), directory: dir.path) { if case .status(let m) = $0 { statuses.append(m) } }
  #expect(statuses.last == "loaded top: 5 rows, 5 columns")
  #expect(cells(try s.collect("top")) == cells(try s.collect("g | paths top 5")))
}

/// A damaged snapshot is refused with a diagnostic and no table appears.
@Test func damagedSnapshotIsRefusedAndNothingLoads() throws {
  let dir = try scratchDirectory()
  defer { try? FileManager.default.removeItem(at: dir) }
  let s = Session(datasets: Datasets(directory: dir.path))
  try s.run(SourceFile(name: "test", text: "generate journeys 100 seed 1 as g\nsave g to \"g.tqc\""), directory: dir.path) { _ in }
  let file = dir.appendingPathComponent("g.tqc")
  var bytes = try Data(contentsOf: file)
  try bytes.prefix(bytes.count / 2).write(to: file)
  #expect(throws: (any Error).self) {
    try s.run(SourceFile(name: "test", text: "load \"g.tqc\" as broken"), directory: dir.path) { _ in }
  }
  #expect(s.tables["broken"] == nil)
  bytes[bytes.count / 2] ^= 1
  try bytes.write(to: file)
  do {
    try s.run(SourceFile(name: "test", text: "load \"g.tqc\" as broken"), directory: dir.path) { _ in }
    Issue.record("a corrupt snapshot loaded")
  } catch {
    #expect("\(error)".contains("corrupt snapshot: checksum mismatch in column"))
  }
  #expect(s.tables["broken"] == nil)
}

/// `with role = column` overrides a snapshot's roles and rearranges its journeys.
@Test func snapshotRolesCanBeOverridden() throws {
  let dir = try scratchDirectory()
  defer { try? FileManager.default.removeItem(at: dir) }
  let s = Session(datasets: Datasets(directory: dir.path))
  let script = """
    generate journeys 200 seed 5 as g
    save g to "g.tqc"
    load "g.tqc" as by_customer with journey = customer_id
    """
  try s.run(SourceFile(name: "test", text: script), directory: dir.path) { _ in }
  let g = try #require(s.tables["g"]), t = try #require(s.tables["by_customer"])
  #expect(t.roles[.journey] == "customer_id")
  let customers = Set(g.values(of: "customer_id")).count
  #expect(t.journeyOffsets?.count == customers + 1)
  #expect(throws: (any Error).self) { try s.collect("load \"\(dir.path)/g.tqc\" as x format csv") }
}

extension Table {
  /// The values of a column by name (empty when there is no such column).
  fileprivate func values(of name: String) -> [Value] {
    guard let c = column(name) else { return [] }
    return (0..<rowCount).map { c.value(at: $0) }
  }
}
