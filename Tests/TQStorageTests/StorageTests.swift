import Testing

@testable import TQStorage

/// Codes take the narrowest width their cardinality allows.
@Test func codeWidthFollowsCardinality() {
  #expect(Codes([0, 1, 255], cardinality: 256).bytes == 3)
  #expect(Codes([0, 256], cardinality: 257).bytes == 4)
  #expect(Codes([0, 70_000], cardinality: 70_001).bytes == 8)
  #expect(Codes([3, 1, 2], cardinality: 4)[0] == 3)
}

/// The dictionary builder assigns codes by first appearance and records nulls.
@Test func dictionaryBuilder() {
  var b = StringDictionaryBuilder()
  for s in ["b", "a", nil, "b"] { b.append(s) }
  let (col, validity) = b.finish()
  #expect(col.dictionary == ["b", "a"])
  #expect((0..<4).map { col.codes[$0] } == [0, 1, 0, 0])
  #expect(validity?[2] == false)
  #expect(validity?[3] == true)
  #expect(col.sortRanks() == [1, 0])
}

/// A bitmap counts, sets and clears bits across word boundaries.
@Test func bitmap() {
  var b = Bitmap(count: 130, value: true)
  #expect(b.setCount == 130)
  b[64] = false
  b[129] = false
  #expect(b.setCount == 128)
  #expect(!b[64] && b[63] && b[65])
  var e = Bitmap(count: 0, value: false)
  for i in 0..<70 { e.append(i % 2 == 0) }
  #expect(e.count == 70 && e.setCount == 35)
}

/// Columns report values, nulls and gathered rows.
@Test func columnValuesAndGather() {
  let c = Column.from(name: "x", type: .int, values: [.int(5), .null, .int(7)])
  #expect(c.nullCount == 1)
  #expect(c.value(at: 1) == .null)
  let g = c.gather([2, 1, 0])
  #expect(g.value(at: 0) == .int(7))
  #expect(g.isNull(1))
  let s = Column.from(name: "s", type: .string, values: [.string("a"), .string("b")])
  #expect(s.gather([1, 1]).value(at: 1) == .string("b"))
  #expect(Column.from(name: "n", type: .int, values: [.int(1)]).validity == nil)
}

/// Roles come from column names, with customer standing in for a missing journey column.
@Test func roleDetection() {
  let r = Role.detect(in: ["journey_id", "customer_id", "ts", "channel", "converted", "revenue", "cost", "stage", "event"])
  #expect(r[.journey] == "journey_id" && r[.customer] == "customer_id" && r[.time] == "ts")
  #expect(r[.channel] == "channel" && r[.conversion] == "converted" && r[.value] == "revenue" && r[.cost] == "cost")
  let fallback = Role.detect(in: ["User_ID", "Timestamp", "Source"])
  #expect(fallback[.journey] == "User_ID" && fallback[.customer] == nil && fallback[.time] == "Timestamp")
  let paths = Role.detectPaths(in: ["path", "total_conversions", "total_conversion_value", "total_null"])
  #expect(paths[.path] == "path" && paths[.nulls] == "total_null" && paths[.value] == "total_conversion_value")
}

/// Rows are put in (journey, time) order and journey offsets mark each journey.
@Test func journeyOrder() {
  let j = Column.from(name: "journey_id", type: .string, values: ["b", "a", "b", "a"].map { .string($0) })
  let t = Column.from(name: "ts", type: .timestamp, values: [3, 2, 1, 1].map { .timestamp($0) })
  let ch = Column.from(name: "channel", type: .string, values: ["x", "y", "z", "w"].map { .string($0) })
  var table = Table(columns: [j, t, ch], roles: Role.detect(in: ["journey_id", "ts", "channel"]))
  table.arrangeJourneys()
  #expect(table.journeyOffsets == [0, 2, 4])
  #expect((0..<4).map { table.columns[2].value(at: $0) } == ["w", "y", "z", "x"].map { .string($0) })
  table.arrangeJourneys()
  #expect(table.journeyOffsets == [0, 2, 4])
}

/// Sort keys order floats (negative, zero, positive) and strings as their values do.
@Test func sortKeys() {
  let f = Column.from(name: "f", type: .float, values: [2.5, -1, -3, 0, 1e300].map { .float($0) })
  let k = Table.sortKey(f)
  #expect(k[2] < k[1] && k[1] < k[3] && k[3] < k[0] && k[0] < k[4])
  let s = Column.from(name: "s", type: .string, values: ["pear", "apple", "fig"].map { .string($0) })
  let sk = Table.sortKey(s)
  #expect(sk[1] < sk[2] && sk[2] < sk[0])
}

/// Calendar arithmetic round-trips and knows ISO weeks.
@Test func civilTime() {
  #expect(CivilTime.days(year: 1970, month: 1, day: 1) == 0)
  #expect(CivilTime.days(year: 2024, month: 3, day: 1) == 19783)
  for d: Int64 in [-800_000, -1, 0, 59, 19783, 2_932_896] {
    let c = CivilTime.civil(days: d)
    #expect(CivilTime.days(year: c.year, month: c.month, day: c.day) == d)
  }
  #expect(!CivilTime.isValid(year: 2024, month: 2, day: 30))
  #expect(CivilTime.isValid(year: 2024, month: 2, day: 29))
  #expect(!CivilTime.isValid(year: 2023, month: 2, day: 29))
  #expect(CivilTime.weekday(days: 0) == 4)
  #expect(CivilTime.isoWeek(days: CivilTime.days(year: 2021, month: 1, day: 3)) == 53)
  #expect(CivilTime.isoWeek(days: CivilTime.days(year: 2024, month: 12, day: 30)) == 1)
  #expect(CivilTime.formatTimestamp(CivilTime.days(year: 2024, month: 3, day: 5) * CivilTime.microsPerDay + 45_296_000_001) == "2024-03-05T12:34:56.000001Z")
  #expect(CivilTime.formatTimestamp(-1) == "1969-12-31T23:59:59.999999Z")
}

/// A meter reports the piece under way with its label; a nested piece suspends the outer
/// one, whose count comes back when it ends.
@Test func workMeterPiecesNest() {
  let meter = WorkMeter()
  #expect(meter.reading == nil)
  meter.begin(total: 0, unit: .rows, label: "running")
  meter.advance(by: 5)
  meter.begin(total: 100, unit: .bytes, label: "loading")
  meter.advance(by: 40)
  let inner = meter.reading
  #expect(inner?.label == "loading" && inner?.done == 40 && inner?.total == 100 && inner?.unit == .bytes)
  meter.end()
  let outer = meter.reading
  #expect(outer?.label == "running" && outer?.done == 5 && outer?.total == 0 && outer?.unit == .rows)
  #expect((outer?.seconds ?? -1) >= 0)
  meter.end()
  #expect(meter.reading == nil)
}

@Test func integersTakeTheNarrowestWidth() {
  #expect(IntValues(narrowing: [0, 1, 1, 0]) == .i8([0, 1, 1, 0]))
  #expect(IntValues(narrowing: [-128, 127]) == .i8([-128, 127]))
  #expect(IntValues(narrowing: [-129, 0]) == .i16([-129, 0]))
  #expect(IntValues(narrowing: [40_000]) == .i32([40_000]))
  #expect(IntValues(narrowing: [Int64(Int32.min) - 1]) == .i64([Int64(Int32.min) - 1]))
  #expect(IntValues(narrowing: []) == .i8([]))
  let v = IntValues(narrowing: [5, -3, 300, 7])
  #expect(v.width == 2 && v.count == 4 && v[1] == -3 && v[2] == 300)
  #expect(v.widened == [5, -3, 300, 7])
  #expect(v.gathered([3, 0]) == .i16([7, 5]))
  #expect(IntValues.i64([1, 2]).narrowed == .i8([1, 2]))
  let c = Column(name: "flag", data: .int(IntValues(narrowing: [0, 1, 0])))
  #expect(c.memoryBytes == 3 && c.type == .int && c.value(at: 1) == .int(1) && c.int64s == [0, 1, 0])
}

@Test func runCodesReadLikeTheCodesTheyReplace() {
  let codes: [UInt32] = [0, 0, 0, 1, 2, 2, 3, 3, 3, 3]
  let runs = RunCodes(starts: [0, 3, 4, 6, 10])
  #expect(Codes.u8(codes.map(UInt8.init)).runCodes(runs.starts, cardinality: 4) == [0, 1, 2, 3])
  #expect(Codes.u8([2, 2, 2, 0, 3, 3, 1, 1, 1, 1]).runCodes(runs.starts, cardinality: 4) == [2, 0, 3, 1])
  #expect(Codes.u8([0, 0, 1, 1, 2, 2, 3, 3, 3, 3]).runCodes(runs.starts, cardinality: 4) == nil)  // a run of two codes
  #expect(Codes.u8([0, 0, 0, 1, 2, 2, 0, 0, 0, 0]).runCodes(runs.starts, cardinality: 4) == nil)  // two runs of one code
  let c = Codes.runs(runs)
  #expect(c.count == 10 && c.bytes == 20 && c.widened == codes)
  #expect((0..<10).map { c[$0] } == codes.map { Int($0) })
  #expect(c.lookup(["a", "b", "c", "d"]) == codes.map { ["a", "b", "c", "d"][Int($0)] })
  #expect(c.gather([9, 0, 4, 5, 3]) == .u8([3, 0, 2, 2, 1]))  // descending rows too
}

@Test func aJourneyOrderedTableKeepsItsJourneyColumnAsRuns() {
  let ids = Column.from(name: "journey_id", type: .string, values: ["a", "a", "b", "c", "c"].map { .string($0) })
  let ts = Column.from(name: "ts", type: .timestamp, values: [1, 2, 1, 1, 5].map { .timestamp($0) })
  var t = Table(columns: [ids, ts], roles: [.journey: "journey_id", .time: "ts"])
  t.arrangeJourneys()
  guard case .string(let d) = t.columns[0].data else { Issue.record("not text"); return }
  #expect(d.codes == .runs(RunCodes(starts: [0, 2, 3, 5])))
  #expect((0..<5).map { t.value(row: $0, column: 0) } == ["a", "a", "b", "c", "c"].map { .string($0) })
  var shuffled = Table(columns: [ids.gather([3, 0, 2, 4, 1]), ts.gather([3, 0, 2, 4, 1])], roles: t.roles)
  shuffled.arrangeJourneys()  // ids first seen c, a, b: the dictionary is put in journey order
  guard case .string(let e) = shuffled.columns[0].data else { Issue.record("not text"); return }
  #expect(e.codes == .runs(RunCodes(starts: [0, 2, 3, 5])) && e.dictionary == ["a", "b", "c"])
  #expect((0..<5).map { shuffled.value(row: $0, column: 0) } == ["a", "a", "b", "c", "c"].map { .string($0) })
}

@Test func journeyOrderIsReadFromTheCodesWhenIdsAreInByteOrder() {
  func table(_ ids: [String], _ times: [Int64]) -> Table {
    Table(columns: [Column.from(name: "journey_id", type: .string, values: ids.map { .string($0) }),
                    Column.from(name: "ts", type: .timestamp, values: times.map { .timestamp($0) })],
          roles: [.journey: "journey_id", .time: "ts"])
  }
  #expect(table(["a", "a", "b", "c", "c"], [1, 2, 1, 1, 5]).codeOrderedOffsets() == [0, 2, 3, 5])
  #expect(table(["a", "a", "b"], [2, 1, 1]).codeOrderedOffsets() == nil)  // time goes back inside a journey
  #expect(table(["a", "b", "a"], [1, 1, 2]).codeOrderedOffsets() == nil)  // a journey in two pieces
  #expect(table(["b", "a"], [1, 1]).codeOrderedOffsets() == nil)  // dictionary not in byte order
  var t = table(["b", "b", "a"], [3, 4, 1])
  t.arrangeJourneys()  // the general path sorts
  #expect(t.journeyOffsets == [0, 1, 3] && t.value(row: 0, column: 0) == .string("a"))
  t.markJourneysIfOrdered()  // runs now: times checked inside each run
  #expect(t.journeyOffsets == [0, 1, 3])
}
