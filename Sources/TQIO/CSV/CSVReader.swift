#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import TQStorage

/// Reads delimited text (CSV, TSV, `;` or `|` separated) into a table.
///
/// The header gives the names; every data record must have as many fields. Inputs over
/// 8 MB are split at a newline near the middle and the halves are parsed on two threads,
/// then merged (PERFORMANCE.md, recipe 6).
enum CSVReader {
  /// Inputs at least this large are parsed on two threads.
  static let parallelThreshold = 8 << 20

  /// Reads `count` bytes at `base`; `delimiter` forces the delimiter (else it is sniffed).
  /// `fileBacked` lets the parsers drop the pages of a file mapping behind them.
  static func read(
    _ base: UnsafePointer<UInt8>, count: Int, path: String, delimiter: UInt8?, meter: WorkMeter? = nil,
    fileBacked: Bool = false
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
      fileBacked: fileBacked)
    let rows = chunks.reduce(0) { $0 + $1.rows }
    let columns = CSVAssembly.assemble(names: header.names, chunks: chunks, dialect: dialect)
    return Table(columns: columns, rowCount: rows)
  }

  /// Parses the records, on two threads when the input is large.
  ///
  /// The split is a newline near the middle. It is a record boundary exactly when the first
  /// half parses cleanly up to it (a newline inside a quoted field leaves the first half
  /// with an unterminated quote); otherwise the whole range is parsed again on one thread.
  private static func parseRecords(
    _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, dialect: CSVDialect, header: CSVHeader,
    estimatedRows: Int, path: String, meter: WorkMeter?, fileBacked: Bool
  ) throws(FileError) -> [CSVChunk] {
    let n = header.names.count
    func parser(_ s: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>, firstLine: Int) -> CSVChunkParser {
      CSVChunkParser(
        start: s, end: e, dialect: dialect, columnCount: n, firstLine: firstLine, path: path, meter: meter,
        releasesBehind: fileBacked)
    }
    guard let split = splitPoint(start, end, dialect: dialect) else {
      return [try parser(start, end, firstLine: header.nextLine).parse(estimatedRows: estimatedRows)]
    }
    let halves = [parser(start, split, firstLine: header.nextLine), parser(split, end, firstLine: 1)]
    let results = Parallel.map(2) { i in
      Result { () throws(FileError) -> CSVChunk in try halves[i].parse(estimatedRows: estimatedRows / 2) }
    }
    switch (results[0], results[1]) {
    case (.success(let a), .success(let b)):
      return [a, b]
    case (.success(let a), .failure(var e)):
      if !e.isInterrupted { e.line += a.endLine - 1 }
      a.release()
      throw e
    case (.failure(let e), let second):
      if case .success(let b) = second { b.release() }
      if e.isInterrupted { throw e }
      return [try parser(start, end, firstLine: header.nextLine).parse(estimatedRows: estimatedRows)]
    }
  }

  /// Where to split a large input for two threads: just after a newline near the middle,
  /// or `nil` when the input is small.
  private static func splitPoint(
    _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, dialect: CSVDialect
  ) -> UnsafePointer<UInt8>? {
    let size = end - start
    if size < parallelThreshold { return nil }
    let mid = start + size / 2
    guard let nl = memchr(mid, Int32(dialect.newline), end - mid) else { return nil }
    let split = UnsafePointer<UInt8>(nl.assumingMemoryBound(to: UInt8.self)) + 1
    return split < end ? split : nil
  }
}
