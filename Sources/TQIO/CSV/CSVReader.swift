#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Synchronization
import TQStorage

/// Reads delimited text (CSV, TSV, `;` or `|` separated) into a table.
///
/// The header gives the names; every data record must have as many fields. Inputs over
/// 8 MB are cut at newlines into segments that two threads parse in turn, each into its
/// own columns, which are then merged (PERFORMANCE.md, recipe 6).
enum CSVReader {
  /// Inputs at least this large are parsed on two threads.
  static let parallelThreshold = 8 << 20
  /// The size of the segments the threads take in turn (see `parseRecords`)...
  static let segmentBytes = 24 << 20
  /// ... and the most segments an input is cut into.
  static let maxSegments = 64

  /// Reads `count` bytes at `base`; `delimiter` forces the delimiter (else it is sniffed).
  /// `fileBacked` lets the parsers drop the pages of a file mapping behind them;
  /// `segmentBytes` sets the size of the segments of a large input.
  static func read(
    _ base: UnsafePointer<UInt8>, count: Int, path: String, delimiter: UInt8?, meter: WorkMeter? = nil,
    fileBacked: Bool = false, segmentBytes: Int = segmentBytes
  ) throws(FileError) -> Table {
    let end = base + count
    var s = base + ByteOrderMark.length(base, count)
    var line = 1
    while s < end && (s[0] == UInt8(ascii: "\n") || s[0] == UInt8(ascii: "\r")) {
      s += s[0] == UInt8(ascii: "\r") && s + 1 < end && s[1] == UInt8(ascii: "\n") ? 2 : 1
      line += 1
    }
    if s == end { throw CSVErrors.empty(path) }
    let dialect = CSVHeader.sniff(s, end, delimiter: delimiter)
    let header = try CSVHeader.parse(s, end, dialect: dialect, line: line, path: path)
    let dataStart = header.end
    // A record is usually about as long as the header; buffers grow when records are
    // shorter, and over-estimates cost only untouched address space.
    let headerBytes = max(8, dataStart - s)
    let estimatedRows = (end - dataStart) / headerBytes + 16
    let chunks = try parseRecords(
      dataStart, end, dialect: dialect, header: header, estimatedRows: estimatedRows, path: path, meter: meter,
      fileBacked: fileBacked, segmentBytes: segmentBytes)
    let rows = chunks.reduce(0) { $0 + $1.rows }
    let columns = CSVAssembly.assemble(names: header.names, chunks: chunks, dialect: dialect)
    return Table(columns: columns, rowCount: rows)
  }

  /// Parses the records, on two threads when the input is large.
  ///
  /// A large input is cut into segments at newlines, and two threads take segments in
  /// turn until none are left, so that neither waits long for the other at the end. A cut
  /// is a record boundary exactly when the segment before it parses cleanly up to it (a
  /// newline inside a quoted field leaves that segment with an unterminated quote); when
  /// any segment fails, the whole range is parsed again on one thread, which reports the
  /// first error with its line.
  private static func parseRecords(
    _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, dialect: CSVDialect, header: CSVHeader,
    estimatedRows: Int, path: String, meter: WorkMeter?, fileBacked: Bool, segmentBytes: Int
  ) throws(FileError) -> [CSVChunk] {
    let n = header.names.count
    func parser(estimatedRows: Int, stop: CSVStopFlag? = nil) -> CSVChunkParser {
      CSVChunkParser(
        dialect: dialect, columnCount: n, path: path, meter: meter, releasesBehind: fileBacked,
        estimatedRows: estimatedRows, stop: stop)
    }
    func serial() throws(FileError) -> [CSVChunk] {
      var p = parser(estimatedRows: estimatedRows)
      do {
        try p.read(segment: 0, start, end, firstLine: header.nextLine)
      } catch {
        p.discard()
        throw error
      }
      return [p.finish()]
    }
    let cuts = segmentCuts(start, end, dialect: dialect, segmentBytes: segmentBytes)
    if cuts.count <= 2 { return try serial() }
    let next = CSVStopFlag.Counter()
    let stop = CSVStopFlag()
    let results = Parallel.map(2) { _ in
      var p = parser(estimatedRows: estimatedRows / 2, stop: stop)
      do throws(FileError) {
        while let i = next.claim(below: cuts.count - 1) { try p.read(segment: i, cuts[i], cuts[i + 1], firstLine: 1) }
      } catch {
        p.discard()
        if !error.isInterrupted { stop.set() }
        return Result<CSVChunk, FileError>.failure(error)
      }
      return .success(p.finish())
    }
    let chunks = results.compactMap { try? $0.get() }
    if chunks.count == results.count {
      // A thread that found no segment left (one core, or a slow start) has an empty chunk,
      // whose columns never saw a value: leave it out, so it cannot change how they are coded.
      let filled = chunks.filter { $0.rows > 0 }
      for ch in chunks where ch.rows == 0 && !filled.isEmpty { ch.release() }
      return filled.isEmpty ? chunks : filled
    }
    for ch in chunks { ch.release() }
    if stop.isSet { return try serial() }
    throw FileError.interrupted(path)
  }

  /// The bounds of the segments of a large input: `start`, the byte after a newline near
  /// each step of `segmentBytes` (at least two segments, at most `maxSegments`), and `end`;
  /// just `start` and `end` when the input is small.
  private static func segmentCuts(
    _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, dialect: CSVDialect, segmentBytes: Int
  ) -> [UnsafePointer<UInt8>] {
    let size = end - start
    if size < parallelThreshold { return [start, end] }
    let count = min(maxSegments, max(2, size / segmentBytes))
    var cuts = [start]
    for k in 1..<count {
      let at = start + size / count * k
      guard at > cuts.last!, let nl = memchr(at, Int32(dialect.newline), end - at) else { break }
      let cut = UnsafePointer<UInt8>(nl.assumingMemoryBound(to: UInt8.self)) + 1
      if cut < end && cut > cuts.last! { cuts.append(cut) }
    }
    cuts.append(end)
    return cuts
  }
}

/// A flag one parsing thread sets to stop the others.
final class CSVStopFlag: Sendable {
  private let flag = Atomic<Bool>(false)

  /// Whether the flag is set.
  var isSet: Bool { flag.load(ordering: .relaxed) }

  /// Sets the flag.
  func set() { flag.store(true, ordering: .relaxed) }

  /// Hands out the numbers 0, 1, 2, … to the threads that ask.
  final class Counter: Sendable {
    private let next = Atomic<Int>(0)

    /// The next number, or `nil` once `limit` is reached.
    func claim(below limit: Int) -> Int? {
      let i = next.add(1, ordering: .relaxed).oldValue
      return i < limit ? i : nil
    }
  }
}
