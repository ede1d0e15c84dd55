#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Synchronization
import TQStorage
import Testing

@testable import TQIO

@Suite("Snapshot round trip")
struct SnapshotTests {
  @Test func everyTypeWithNullsRolesAndJourneyOrder() throws {
    let t = snapshotSample()
    let back = try roundTrip(t)
    expectIdentical(t, back)
    #expect(back.roles == t.roles && back.kind == .touches && back.barColumns == ["revenue"])
    #expect(back.journeyOffsets == [0, 2, 4, 5])
    #expect(back.column("revenue")?.validity != nil && back.column("journey_id")?.validity == nil)
  }

  @Test func reportsEveryByteToTheMeterAndStopsWhenAsked() throws {
    let bytes = SnapshotWriter.bytes(snapshotSample())
    nonisolated(unsafe) var meter: WorkMeter!
    let most = Mutex(0)
    meter = WorkMeter(isCancelled: {
      if let r = meter.reading { most.withLock { $0 = max($0, r.done) } }
      return false
    })
    _ = try bytes.withUnsafeBytes { b throws(FileError) in try SnapshotReader.read(bytes: b, path: "t.tqc", meter: meter) }
    #expect(most.withLock { $0 } == bytes.count && meter.reading == nil)
    let stopping = WorkMeter(isCancelled: { true })
    do {
      _ = try bytes.withUnsafeBytes { b throws(FileError) in try SnapshotReader.read(bytes: b, path: "t.tqc", meter: stopping) }
      Issue.record("a cancelled read returned a table")
    } catch let error as FileError {
      #expect(error.isInterrupted && stopping.reading == nil)
    }
  }

  @Test func emptyTables() throws {
    let noRows = Table(columns: DataType.allCases.map { Column.from(name: $0.rawValue, type: $0, values: []) }, rowCount: 0)
    expectIdentical(noRows, try roundTrip(noRows))
    let noColumns = Table(columns: [], rowCount: 0)
    let back = try roundTrip(noColumns)
    #expect(back.columns.isEmpty && back.rowCount == 0)
  }

  @Test(arguments: [(10, 1), (1_000, 2), (70_000, 4)])
  func dictionaryWidths(_ distinct: Int, _ width: Int) throws {
    let values = (0..<distinct + 5).map { Value.string("s\($0 % distinct)·\($0 % 7 == 0 ? "ü" : "")") }
    let t = Table(columns: [Column.from(name: "s", type: .string, values: values)])
    guard case .string(let d) = t.columns[0].data else { throw Unexpected() }
    #expect(d.codes.bytes == width * d.codes.count)
    let back = try roundTrip(t)
    guard case .string(let b) = back.columns[0].data else { throw Unexpected() }
    #expect(b.codes == d.codes && b.dictionary == d.dictionary)
  }

  @Test func floatBitPatternsSurvive() throws {
    let xs: [Double] = [.nan, -0.0, .infinity, -.infinity, .leastNonzeroMagnitude, 1e308]
    let t = Table(columns: [Column(name: "x", data: .float(xs))])
    guard case .float(let ys) = try roundTrip(t).columns[0].data else { throw Unexpected() }
    #expect(ys.map(\.bitPattern) == xs.map(\.bitPattern))
  }

  @Test func pathTablesKeepTheirKind() throws {
    var t = Table(columns: [
      Column.from(name: "path", type: .string, values: [.string("a > b"), .string("b")]),
      Column.from(name: "total_conversions", type: .int, values: [.int(3), .int(1)]),
    ])
    t.kind = .paths
    t.roles = Role.detectPaths(in: t.columnNames)
    let back = try roundTrip(t)
    #expect(back.kind == .paths && back.roles == t.roles && back.journeyOffsets == nil)
  }

  @Test func sameTableGivesSameBytes() {
    #expect(SnapshotWriter.bytes(snapshotSample()) == SnapshotWriter.bytes(snapshotSample()))
  }

  @Test func sectionsAreAlignedAndTheFileIsWhole() throws {
    let bytes = SnapshotWriter.bytes(snapshotSample())
    let (header, catalog) = try decodeSnapshot(bytes)
    #expect(header.fileLength == bytes.count)
    #expect(catalog.sections.allSatisfy { $0.offset % 64 == 0 })
    #expect(Array(bytes.suffix(8)) == Array("TQC-END\n".utf8))
  }

  @Test func fileRoundTripThroughTheFileWriterAndReader() throws {
    let dir = makeTempDirectory()
    defer { removeTree(dir) }
    let t = snapshotSample()
    try FileWriter.write(t, to: "\(dir)/t.tqc", format: .tqc)
    expectIdentical(t, try TableReader.read(path: "\(dir)/t.tqc"))
    // Found by its signature whatever the name.
    try FileWriter.write(t, to: "\(dir)/t.bin", format: .tqc)
    expectIdentical(t, try TableReader.read(path: "\(dir)/t.bin"))
    #expect(SnapshotReader.isSnapshot(path: "\(dir)/t.bin"))
    #expect(FileWriter.format(forExtension: "x.TQC") == .tqc)
    #expect(listDirectory(dir) == ["t.bin", "t.tqc"])
  }

  @Test func replacesAnExistingSnapshot() throws {
    let dir = makeTempDirectory()
    defer { removeTree(dir) }
    let path = "\(dir)/t.tqc"
    try SnapshotWriter.write(snapshotSample(), to: path)
    let small = Table(columns: [Column(name: "n", data: .int([7]))])
    try SnapshotWriter.write(small, to: path)
    let back = try SnapshotReader.read(path: path)
    expectIdentical(small, back)
    guard case .int(let n) = back.columns[0].data else { throw Unexpected() }
    #expect(n == .i8([7]))  // integers come back narrow
    #expect(listDirectory(dir) == ["t.tqc"])
  }

  @Test(.enabled(if: geteuid() != 0, "root ignores directory permissions"))
  func failedWriteKeepsTheOldFile() throws {
    let dir = makeTempDirectory()
    defer {
      chmod(dir, 0o755)
      removeTree(dir)
    }
    let path = "\(dir)/t.tqc"
    try SnapshotWriter.write(snapshotSample(), to: path)
    let before = fileBytes(path)
    chmod(dir, 0o555)
    #expect(throws: FileError.self) { try SnapshotWriter.write(Table(columns: [Column(name: "n", data: .int([1]))]), to: path) }
    #expect(fileBytes(path) == before)
    #expect(listDirectory(dir) == ["t.tqc"])
  }

  @Test func missingDirectoryIsAnError() {
    let path = "/nonexistent-tq-dir/t.tqc"
    let error = FileError(path: path, line: 0, field: 0, message: "cannot write \(path): No such file or directory")
    #expect(throws: error) { try SnapshotWriter.write(snapshotSample(), to: path) }
  }
}

/// A thrown value for a case a test did not expect.
struct Unexpected: Error {}

/// A small touch table with every column type, nulls, roles, bars and journey order.
func snapshotSample() -> Table {
  let us: Int64 = 1_700_000_000_000_000
  var t = Table(columns: [
    Column.from(name: "journey_id", type: .string, values: ["j1", "j1", "j2", "j2", "j3"].map { .string($0) }),
    Column.from(name: "ts", type: .timestamp, values: [0, 5, 1, 9, 2].map { .timestamp(us + $0) }),
    Column.from(name: "channel", type: .string, values: [.string("email"), .null, .string("ünï"), .string(""), .string("email")]),
    Column.from(name: "n", type: .int, values: [.int(1), .int(-2), .null, .int(.max), .int(.min)]),
    Column.from(name: "revenue", type: .float, values: [.float(1.5), .null, .float(0), .float(-3.25), .null]),
    Column.from(name: "converted", type: .bool, values: [.bool(true), .bool(false), .null, .bool(true), .bool(false)]),
    Column.from(name: "day", type: .date, values: [.date(19_000), .date(-1), .null, .date(0), .date(20_000)]),
  ])
  t.roles = Role.detect(in: t.columnNames)
  t.barColumns = ["revenue"]
  t.arrangeJourneys()
  return t
}

/// `t` written as a snapshot and read back from memory.
func roundTrip(_ t: Table) throws(FileError) -> Table {
  try read(bytes: SnapshotWriter.bytes(t), path: "t.tqc")
}

/// The header and catalog of snapshot bytes.
func decodeSnapshot(_ bytes: [UInt8]) throws(FileError) -> (SnapshotHeader, SnapshotCatalog) {
  let header = try SnapshotHeader.decode(Array(bytes[0..<64]), fileSize: bytes.count, path: "t.tqc")
  let catalog = try SnapshotCatalog.decode(Array(bytes[64..<64 + header.catalogLength]), path: "t.tqc")
  return (header, catalog)
}

/// Checks that two tables have the same shape, metadata and values (codes and widths included).
func expectIdentical(_ a: Table, _ b: Table) {
  #expect(a.columnNames == b.columnNames)
  #expect(a.rowCount == b.rowCount)
  #expect(a.roles == b.roles && a.kind == b.kind && a.barColumns == b.barColumns && a.journeyOffsets == b.journeyOffsets)
  for (x, y) in zip(a.columns, b.columns) {
    #expect(x.type == y.type, "\(x.name)")
    #expect(x.validity == y.validity, "\(x.name)")
    #expect(a.values(x.name) == b.values(y.name), "\(x.name)")
    if case .string(let dx) = x.data, case .string(let dy) = y.data { #expect(dx == dy, "\(x.name)") }
  }
}
