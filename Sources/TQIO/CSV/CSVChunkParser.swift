import TQStorage

/// Parses ranges of records (no header) into one set of typed columns, appending each
/// range's records after the previous range's.
///
/// The ranges are checked for invalid UTF-8 and NUL bytes a window ahead of the tokeniser;
/// each field is parsed as its column's current type (PERFORMANCE.md). After an error the
/// parser must be discarded; otherwise `finish()` hands over its columns.
struct CSVChunkParser {
  /// The file's dialect.
  let dialect: CSVDialect
  /// Fields per record.
  let columnCount: Int
  /// The path, for errors.
  let path: String
  /// Told the bytes done after each batch and asked whether to stop.
  let meter: WorkMeter?
  /// Whether the input is a file mapping whose parsed pages may be dropped.
  let releasesBehind: Bool
  /// Set when another thread's parse failed: this one stops at its next batch.
  let stop: CSVStopFlag?
  /// The columns being filled.
  private let cols: UnsafeMutablePointer<ColumnAccumulator>
  /// Rows per batch, and the distance between two columns' spans in `fields`/`lengths`.
  private let batchRows: Int
  private let stride: Int
  /// A batch's spans, column by column: start and length (quoted: `~length`).
  private let fields: UnsafeMutablePointer<UnsafePointer<UInt8>>
  private let lengths: UnsafeMutablePointer<Int>
  /// Rows the columns hold room for, and rows filled.
  private var capacity: Int
  private var row = 0
  /// Batches parsed (for the meter's cancel polls).
  private var batches = 0
  /// The ranges read so far.
  private var pieces: [CSVPiece] = []

  /// A parser for records of `columnCount` fields whose columns start with room for
  /// `estimatedRows` rows.
  init(
    dialect: CSVDialect, columnCount: Int, path: String, meter: WorkMeter?, releasesBehind: Bool, estimatedRows: Int,
    stop: CSVStopFlag? = nil
  ) {
    self.stop = stop
    self.dialect = dialect
    self.columnCount = columnCount
    self.path = path
    self.meter = meter
    self.releasesBehind = releasesBehind
    batchRows = max(1, Self.batchFields / columnCount)
    // Column `c`'s spans start at `c * stride`. A stride of a power of two would put every
    // column's next slot in the same L1 cache set (the tokeniser writes all of them per
    // record); one more cache line per column spreads them over the sets.
    stride = batchRows + 8
    fields = UnsafeMutablePointer<UnsafePointer<UInt8>>.allocate(capacity: stride * columnCount)
    lengths = UnsafeMutablePointer<Int>.allocate(capacity: stride * columnCount)
    capacity = max(16, estimatedRows)
    cols = UnsafeMutablePointer<ColumnAccumulator>.allocate(capacity: columnCount)
    for c in 0..<columnCount { (cols + c).initialize(to: ColumnAccumulator(capacity: capacity)) }
  }

  /// The columns and the ranges they came from; the parser is done.
  func finish() -> CSVChunk {
    fields.deallocate()
    lengths.deallocate()
    return CSVChunk(columns: cols, columnCount: columnCount, rows: row, pieces: pieces)
  }

  /// Frees everything (after an error).
  func discard() { finish().release() }

  /// Fields tokenised per batch before the columns convert them.
  private static let batchFields = 16_384
  /// Records read by `CSVTokenizer.next()` after one that the separator masks could not
  /// read, before the masks are tried again (quoted files would otherwise try every record).
  private static let slowRecordsAfterMiss = 16
  /// Parsed bytes dropped at a time from a file mapping (`releasesBehind`).
  private static let releaseStep = 16 << 20
  /// Batches between polls of the meter's cancel check (the first batch polls too).
  private static let batchesPerCancelCheck = 16

  /// Appends the records of `start..<end`, range `segment` of the input, whose first line
  /// is `firstLine` (errors count lines from there).
  ///
  /// Records are tokenised a batch at a time, through the separator masks when they are
  /// unquoted (`CSVTokenizer.fastRecords`), into (pointer, length) spans, stored column by
  /// column; each column then converts its spans in one sequential loop, so the type switch
  /// is predictable and one column's dictionary stays in cache. A batch's input and spans
  /// fit in the core's L2 cache.
  mutating func read(
    segment: Int, _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, firstLine: Int
  ) throws(FileError) {
    // A bad byte is reported when the tokeniser reaches its field, so that an earlier
    // structural error wins, as it would in a file read front to back. The frontier also
    // maps the input's pages ahead of the tokeniser.
    var released = start
    var frontier = ValidationFrontier(start: start, end: end)
    // Fields are read 8 bytes past their start when those bytes lie in the range (or in
    // the tokeniser's padded scratch space).
    let overreadLimit = end - start > 8 ? end - 8 : start
    let n = columnCount
    let last = n - 1
    let (fields, lengths, stride, batchRows, cols) = (self.fields, self.lengths, self.stride, self.batchRows, self.cols)
    let firstRow = row
    var tok = CSVTokenizer(start: start, end: end, dialect: dialect, line: firstLine)
    defer { tok.release() }
    var slowRecords = 0
    let skipBlank = n > 1
    while true {
      // Tokenise up to `batchRows` records.
      tok.resetScratch()
      let batchStart = tok.p
      var batch = 0
      while batch < batchRows {
        if slowRecords == 0 {
          // Validate ahead so that whole batches fit before the frontier.
          if frontier.limit - tok.p < ValidationFrontier.window / 2 {
            _ = try check(&frontier, past: tok.p)
          }
          batch += tok.fastRecords(
            fields: fields, lengths: lengths, stride: stride, last: last, rows: batch..<batchRows,
            before: frontier.limit)
          if batch == batchRows { break }
          slowRecords = Self.slowRecordsAfterMiss
        } else {
          slowRecords -= 1
        }
        if skipBlank { tok.skipBlankLines() }
        if tok.atEnd { break }
        let recordLine = tok.line
        var c = 0
        while true {
          let e = tok.next()
          fields[c * stride + batch] = tok.field
          lengths[c * stride + batch] = tok.quoted ? ~tok.count : tok.count
          let error: FileError
          if frontier.limit < tok.p && e != .unterminatedQuote,
            let problem = try check(&frontier, past: tok.p)
          {
            error = CSVErrors.badByte(path, problem, line: recordLine, field: c + 1)
          } else if e == .delimiter && c < last {
            c += 1
            continue
          } else if e == .record && c == last {
            break
          } else {
            error = recordError(e, field: c, tokenizer: &tok, line: recordLine)
          }
          throw error
        }
        batch += 1
      }
      if batch == 0 { break }
      batches &+= 1
      if let stop, stop.isSet { throw FileError.interrupted(path) }
      if let meter {
        meter.advance(by: tok.p - batchStart)
        if batches % Self.batchesPerCancelCheck == 1 && meter.isCancelled() { throw FileError.interrupted(path) }
      }
      if row + batch > capacity {
        let grown = max(row + batch, capacity + capacity / 2 + 1024)
        for c in 0..<n { cols[c].grow(to: grown) }
        capacity = grown
      }
      // Convert column by column.
      for c in 0..<n {
        cols[c].appendBatch(
          fields: fields + c * stride, lengths: lengths + c * stride, rows: row..<(row + batch),
          overreadLimit: overreadLimit)
      }
      row += batch
      if releasesBehind && tok.p - released >= Self.releaseStep {
        MappedInput.release(released, tok.p - released)
        released = tok.p
      }
    }
    if releasesBehind { MappedInput.release(released, end - released) }
    pieces.append(CSVPiece(segment: segment, start: start, end: end, rows: firstRow..<row))
  }

  /// The problem of a bad byte before `p`, checking further when needed.
  private func check(_ frontier: inout ValidationFrontier, past p: UnsafePointer<UInt8>) throws(FileError)
    -> UTF8Validation.Problem?
  {
    try frontier.advance(past: p, meter: meter, path: path)
    return frontier.limit < p ? frontier.problem : nil
  }

  /// The error for a record that ended badly at field index `c`.
  private func recordError(_ e: FieldEnd, field c: Int, tokenizer tok: inout CSVTokenizer, line: Int) -> FileError {
    switch e {
    case .unterminatedQuote:
      return CSVErrors.unterminatedQuote(path, line: line)
    case .junkAfterQuote:
      return CSVErrors.junkAfterQuote(path, line: line, field: c + 1)
    case .record:
      return CSVErrors.ragged(path, line: line, expected: columnCount, found: c + 1)
    case .delimiter:
      var found = c + 2
      while tok.next() == .delimiter { found += 1 }
      return CSVErrors.ragged(path, line: line, expected: columnCount, found: found)
    }
  }
}
