import TQStorage
import Testing

@testable import TQIO

@Suite("Snapshot format 2")
struct SnapshotFormat2Tests {
  @Test(arguments: [
    (SectionData.Element.i8, [Int64(Int8.min), -1, 0, 1, Int64(Int8.max)]),
    (.i16, [Int64(Int16.min), Int64(Int8.min) - 1, 0, Int64(Int8.max) + 1, Int64(Int16.max)]),
    (.i32, [Int64(Int32.min), Int64(Int16.min) - 1, 0, Int64(Int16.max) + 1, Int64(Int32.max)]),
    (.i64, [Int64.min, Int64(Int32.min) - 1, 0, Int64(Int32.max) + 1, Int64.max]),
  ])
  func integersKeepTheirWidth(_ element: SectionData.Element, _ values: [Int64]) throws {
    let t = Table(columns: [Column.from(name: "n", type: .int, values: values.map { .int($0) } + [.null])])
    let bytes = SnapshotWriter.bytes(t)
    let (header, catalog) = try decodeSnapshot(bytes)
    #expect(header.version == 2 && catalog.sections[catalog.columns[0].values].element == element)
    let back = try read(bytes: bytes, path: "t.tqc")
    expectIdentical(t, back)
    guard case .int(let a) = t.columns[0].data, case .int(let b) = back.columns[0].data else { throw Unexpected() }
    #expect(b == a.narrowed && b.width == element.size)
  }

  @Test func wideIntegersThatFitAreWrittenNarrow() throws {
    let t = Table(columns: [Column(name: "n", data: .int(.i64([-3, 0, 300])))])
    guard case .int(let back) = try roundTrip(t).columns[0].data else { throw Unexpected() }
    #expect(back == .i16([-3, 0, 300]))
  }

  @Test func theJourneyColumnIsWrittenAsRunStarts() throws {
    let t = snapshotSample()
    let bytes = SnapshotWriter.bytes(t)
    let (_, catalog) = try decodeSnapshot(bytes)
    let runs = catalog.sections[catalog.columns[0].values]
    #expect(runs.element == .runs && runs.count == 4)
    let back = try read(bytes: bytes, path: "t.tqc")
    expectIdentical(t, back)
    guard case .string(let d) = back.column("journey_id")?.data, case .runs(let r) = d.codes else { throw Unexpected() }
    #expect(r.starts == [0, 2, 4, 5] && d.dictionary == ["j1", "j2", "j3"])
    // One buffer for the run starts and the journey offsets, as in a table arranged in memory.
    let starts = r.starts.withUnsafeBufferPointer { $0.baseAddress }
    #expect(back.journeyOffsets!.withUnsafeBufferPointer { $0.baseAddress } == starts)
  }

  @Test func runsOutsideJourneyOrderRoundTrip() throws {
    let d = DictColumn(codes: .runs(RunCodes(starts: [0, 3, 4])), dictionary: ["a", "b", "c"])
    let t = Table(columns: [Column(name: "s", data: .string(d))])
    let back = try roundTrip(t)
    expectIdentical(t, back)
    #expect(back.values("s") == ["a", "a", "a", "b"].map { .string($0) } && back.journeyOffsets == nil)
  }

  @Test func badRunStartsAreRefused() throws {
    let bytes = SnapshotWriter.bytes(snapshotSample())
    let (_, catalog) = try decodeSnapshot(bytes)
    let runs = catalog.sections[catalog.columns[0].values]
    /// The error after setting run start `k` (of 0, 2, 4, 5) to `v`, checksums fixed.
    func error(start k: Int, _ v: UInt8) -> String? {
      readError(bytes: resign(bytes) { _, b in b[runs.offset + 4 * k] = v }, path: "t.tqc")?.message
    }
    let refusal = "corrupt snapshot: column \"journey_id\" has run starts that do not split the rows"
    #expect(error(start: 0, 1) == refusal)  // not from row 0
    #expect(error(start: 1, 4) == refusal)  // an empty run
    #expect(error(start: 2, 1) == refusal)  // descending
    #expect(error(start: 3, 4) == refusal)  // not to the row count
    #expect(error(start: 3, 6) == refusal)  // past the rows
    let tooMany = resign(bytes) { c, _ in c.rowCount = 2 }
    #expect(readError(bytes: tooMany, path: "t.tqc")?.message == "corrupt snapshot: the journey offsets hold 4 values for 2 rows")
  }

  @Test func moreRunsThanStringsAreRefused() {
    let d = DictColumn(codes: .runs(RunCodes(starts: [0, 1, 2, 3])), dictionary: ["a", "b"])
    let bytes = SnapshotWriter.bytes(Table(columns: [Column(name: "s", data: .string(d))]))
    #expect(readError(bytes: bytes, path: "t.tqc")?.message == "corrupt snapshot: column \"s\" has codes past its 2 dictionary strings")
    let d1 = DictColumn(codes: .runs(RunCodes(starts: [0, 1, 2, 3])), dictionary: ["a", "b", "c"])
    let shorter = resign(SnapshotWriter.bytes(Table(columns: [Column(name: "s", data: .string(d1))]))) { c, _ in c.rowCount = 1 }
    #expect(readError(bytes: shorter, path: "t.tqc")?.message == "corrupt snapshot: column \"s\" (values) holds 4 run starts for 1 rows")
  }
}
