/// The records one thread parsed: a column accumulator per column, filled from one or more
/// byte ranges of the input (`pieces`, in row order).
///
/// The owner must call `release()` (or hand the columns to `CSVAssembly`, which does).
struct CSVChunk {
  /// The columns, `columnCount` of them.
  let columns: UnsafeMutablePointer<ColumnAccumulator>
  /// The number of columns.
  let columnCount: Int
  /// The number of records read.
  let rows: Int
  /// The byte ranges read, in the order their rows were appended.
  let pieces: [CSVPiece]

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

/// One byte range of the input and the rows of a chunk it gave.
struct CSVPiece {
  /// The range's place among the input's ranges (file order).
  let segment: Int
  /// The range's bytes.
  let start: UnsafePointer<UInt8>
  let end: UnsafePointer<UInt8>
  /// The chunk rows its records became.
  let rows: Range<Int>
}

/// A range of rows of one chunk, as a step of the file's order (`CSVAssembly`).
struct CSVRowRun {
  /// The chunk holding the rows.
  let chunk: Int
  /// The rows.
  let rows: Range<Int>

  /// The runs of `chunks` in file order.
  static func fileOrder(_ chunks: [CSVChunk]) -> [CSVRowRun] {
    chunks.indices.flatMap { i in chunks[i].pieces.map { (segment: $0.segment, run: CSVRowRun(chunk: i, rows: $0.rows)) } }
      .sorted { $0.segment < $1.segment }.map(\.run)
  }
}
