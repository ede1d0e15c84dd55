import TQStorage

/// One parsed range of records: a column accumulator per column, plus where it ended.
///
/// The owner must call `release()` (or hand the columns to `CSVAssembly`, which does).
struct CSVChunk {
  /// The first byte of the range.
  let start: UnsafePointer<UInt8>
  /// One past the last byte of the range.
  let end: UnsafePointer<UInt8>
  /// The columns, `columnCount` of them.
  let columns: UnsafeMutablePointer<ColumnAccumulator>
  /// The number of columns.
  let columnCount: Int
  /// The number of records read.
  let rows: Int
  /// The line number after the last record (relative to the line the range started on).
  let endLine: Int

  /// Frees every column.
  func release() {
    for c in 0..<columnCount { columns[c].release() }
    deallocateColumnList()
  }

  /// Frees the list of columns (each column must have been released).
  func deallocateColumnList() {
    columns.deinitialize(count: columnCount)
    columns.deallocate()
  }
}

/// Parses a range of records (no header) into typed columns.
///
/// The range is checked for invalid UTF-8 and NUL bytes a window ahead of the tokeniser;
/// each field is parsed as its column's current type (PERFORMANCE.md).
/// Errors carry lines counted from `firstLine`.
struct CSVChunkParser {
  /// The input range.
  let start: UnsafePointer<UInt8>
  let end: UnsafePointer<UInt8>
  /// The file's dialect.
  let dialect: CSVDialect
  /// Fields per record.
  let columnCount: Int
  /// The line number of the range's first byte.
  let firstLine: Int
  /// The path, for errors.
  let path: String
  /// Told the bytes done after each batch and asked whether to stop.
  let meter: WorkMeter?
  /// Whether the input is a file mapping whose parsed pages may be dropped.
  let releasesBehind: Bool

  /// Fields tokenised per batch before the columns convert them.
  private static let batchFields = 16_384
  /// Records read by `CSVTokenizer.next()` after one that the separator masks could not
  /// read, before the masks are tried again (quoted files would otherwise try every record).
  private static let slowRecordsAfterMiss = 16
  /// Parsed bytes dropped at a time from a file mapping (`releasesBehind`).
  private static let releaseStep = 16 << 20
  /// Batches between polls of the meter's cancel check (the first batch polls too).
  private static let batchesPerCancelCheck = 16

  /// Parses the range; `estimatedRows` sizes the first buffers.
  ///
  /// Records are tokenised a batch at a time, through the separator masks when they are
  /// unquoted (`CSVTokenizer.fastRecord`), into (pointer, length) spans, stored column by
  /// column; each column then converts its spans in one sequential loop, so the type switch
  /// is predictable and one column's dictionary stays in cache. A batch's input and spans
  /// fit in the core's L2 cache.
  func parse(estimatedRows: Int) throws(FileError) -> CSVChunk {
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
    let batchRows = max(1, Self.batchFields / n)
    // Column `c`'s spans start at `c * stride`. A stride of a power of two would put every
    // column's next slot in the same L1 cache set (the tokeniser writes all of them per
    // record); one more cache line per column spreads them over the sets.
    let stride = batchRows + 8
    let fields = UnsafeMutablePointer<UnsafePointer<UInt8>>.allocate(capacity: stride * n)
    let lengths = UnsafeMutablePointer<Int>.allocate(capacity: stride * n)  // quoted: ~length
    defer {
      fields.deallocate()
      lengths.deallocate()
    }
    var capacity = max(16, estimatedRows)
    let cols = UnsafeMutablePointer<ColumnAccumulator>.allocate(capacity: n)
    for c in 0..<n { (cols + c).initialize(to: ColumnAccumulator(capacity: capacity)) }
    var tok = CSVTokenizer(start: start, end: end, dialect: dialect, line: firstLine)
    defer { tok.release() }
    var row = 0
    var batches = 0
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
            _ = try check(&frontier, past: tok.p, columns: cols, rows: row)
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
            let problem = try check(&frontier, past: tok.p, columns: cols, rows: row)
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
          CSVChunk(start: start, end: end, columns: cols, columnCount: n, rows: row, endLine: 0).release()
          throw error
        }
        batch += 1
      }
      if batch == 0 { break }
      batches &+= 1
      if let meter {
        meter.advance(by: tok.p - batchStart)
        if batches % Self.batchesPerCancelCheck == 1 && meter.isCancelled() {
          CSVChunk(start: start, end: end, columns: cols, columnCount: n, rows: row, endLine: 0).release()
          throw FileError.interrupted(path)
        }
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
    return CSVChunk(
      start: start, end: end, columns: cols, columnCount: n, rows: row, endLine: tok.line)
  }

  /// The problem of a bad byte before `p`, checking further when needed; frees the columns
  /// when the meter asks to stop.
  private func check(
    _ frontier: inout ValidationFrontier, past p: UnsafePointer<UInt8>,
    columns cols: UnsafeMutablePointer<ColumnAccumulator>, rows: Int
  ) throws(FileError) -> UTF8Validation.Problem? {
    do {
      try frontier.advance(past: p, meter: meter, path: path)
    } catch {
      CSVChunk(start: start, end: end, columns: cols, columnCount: columnCount, rows: rows, endLine: 0).release()
      throw error
    }
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
