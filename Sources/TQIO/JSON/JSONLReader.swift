import TQStorage

/// Reads JSON Lines (one object per line) or a JSON array of objects into a table.
///
/// Keys become columns in order of first appearance; a key missing from a line is null.
/// Scalars keep their JSON type (strings holding ISO dates or timestamps become dates or
/// timestamps); nested arrays and objects become their JSON text.
enum JSONLReader {
  /// Reads `count` bytes at `base`.
  static func read(_ base: UnsafePointer<UInt8>, count: Int, path: String, meter: WorkMeter? = nil) throws(FileError) -> Table {
    var s = JSONScanner(base: base, count: count, start: ByteOrderMark.length(base, count), path: path)
    if let (offset, _) = UTF8Validation.firstProblem(base, count, rejectNUL: false) {
      throw badUTF8(base: base, offset: offset, path: path)
    }
    s.skipWhitespace()
    if s.atEnd { throw FileError(path: path, line: 0, field: 0, message: "file is empty: expected a JSON object") }
    var builder = Builder()
    defer { builder.keys.release() }
    if s.peek == UInt8(ascii: "[") {
      try readArray(&s, into: &builder)
    } else {
      var lastReport = s.i
      while !s.atEnd {
        if let meter, s.i - lastReport > 1 << 20 {
          meter.advance(by: s.i - lastReport)
          lastReport = s.i
          if meter.isCancelled() { throw FileError.interrupted(path) }
        }
        try readObject(&s, into: &builder)
        s.skipWhitespace(newlines: false)
        if !s.atEnd && s.peek != UInt8(ascii: "\n") {
          throw s.failure("invalid JSON: unexpected text after the object (one object per line)")
        }
        s.skipWhitespace()
      }
    }
    let arena = s.arena
    let rows = builder.rows
    for c in builder.columns.indices { builder.columns[c].pad(to: rows) }
    let cells = builder.columns
    let columns = arena.withUnsafeBufferPointer { a in
      Parallel.mapInterleaved(cells.count, workers: rows >= 100_000 ? 2 : 1) { c in
        cells[c].column(rows: rows, source: base, arena: a)
      }
    }
    return Table(columns: columns, rowCount: builder.rows)
  }

  /// The columns being filled and the key → column index table.
  private struct Builder {
    var keys = ByteDictionary()
    var columns: [JSONColumnCells] = []
    var rows = 0
  }

  /// Reads `[ {…}, {…} ]`.
  private static func readArray(_ s: inout JSONScanner, into b: inout Builder) throws(FileError) {
    s.i += 1
    s.skipWhitespace()
    if s.peek == UInt8(ascii: "]") && !s.atEnd {
      s.i += 1
    } else {
      while true {
        s.skipWhitespace()
        try readObject(&s, into: &b)
        s.skipWhitespace()
        if s.peek == UInt8(ascii: ","), !s.atEnd {
          s.i += 1
          continue
        }
        try s.expect(UInt8(ascii: "]"), "',' or ']'")
        break
      }
    }
    s.skipWhitespace()
    if !s.atEnd { throw s.failure("invalid JSON: unexpected text after the array") }
  }

  /// Reads one object as row `b.rows`.
  private static func readObject(_ s: inout JSONScanner, into b: inout Builder) throws(FileError) {
    guard s.peek == UInt8(ascii: "{"), !s.atEnd else {
      throw s.atEnd ? s.invalid("") : s.failure("expected a JSON object")
    }
    let row = b.rows
    s.i += 1
    s.skipWhitespace()
    if s.peek == UInt8(ascii: "}") && !s.atEnd {
      s.i += 1
      b.rows += 1
      return
    }
    while true {
      s.skipWhitespace()
      guard s.peek == UInt8(ascii: "\""), !s.atEnd else { throw s.invalid("expected a string key") }
      let key = try s.string()
      let column = columnIndex(key: key, scanner: s, builder: &b)
      s.skipWhitespace()
      try s.expect(UInt8(ascii: ":"), "':' after a key")
      s.skipWhitespace()
      try readValue(&s, row: row, into: &b.columns[column])
      s.skipWhitespace()
      if s.peek == UInt8(ascii: ","), !s.atEnd {
        s.i += 1
        continue
      }
      try s.expect(UInt8(ascii: "}"), "',' or '}'")
      break
    }
    b.rows += 1
  }

  /// The column of a key, created on first sight.
  private static func columnIndex(key: (offset: Int, length: Int), scanner s: JSONScanner, builder b: inout Builder) -> Int {
    func lookup(_ p: UnsafePointer<UInt8>) -> Int {
      let code = Int(b.keys.insert(p, key.length))
      if code == b.columns.count {
        let name = String(decoding: UnsafeBufferPointer(start: p, count: key.length), as: UTF8.self)
        b.columns.append(JSONColumnCells(name: name.isEmpty ? "column_\(code + 1)" : name))
      }
      return code
    }
    if key.offset >= 0 { return lookup(s.base + key.offset) }
    return s.arena.withUnsafeBufferPointer { lookup($0.baseAddress! + ~key.offset) }
  }

  /// Reads one value into the cell of `row`.
  private static func readValue(_ s: inout JSONScanner, row: Int, into cells: inout JSONColumnCells) throws(FileError) {
    let start = s.i
    switch s.peek {
    case UInt8(ascii: "\""):
      let text = try s.string()
      let (kind, bits) = classifyString(text, scanner: s)
      cells.set(row: row, kind: kind, bits: bits, text: text)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      let n = try s.number()
      let p = s.base + n.start
      var kind = InferredType.string
      var bits: UInt64 = 0
      if n.isInteger, let v = NumberParsing.int(p, n.length) {
        kind = .int
        bits = UInt64(bitPattern: v)
      } else if let v = NumberParsing.double(p, n.length) {
        kind = .float
        bits = v.bitPattern
      }
      cells.set(row: row, kind: kind, bits: bits, text: (n.start, n.length))
    case UInt8(ascii: "t"), UInt8(ascii: "f"):
      let isTrue = s.peek == UInt8(ascii: "t")
      try s.literal(isTrue ? "true" : "false")
      cells.set(row: row, kind: .bool, bits: isTrue ? 1 : 0, text: (start, s.i - start))
    case UInt8(ascii: "n"):
      try s.literal("null")
      cells.set(row: row, kind: .empty, bits: 0, text: (0, 0))
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      try s.skipContainer()
      cells.set(row: row, kind: .string, bits: 0, text: (start, s.i - start))
    default:
      throw s.invalid("expected a value")
    }
  }

  /// A JSON string's type: date or timestamp when it reads as one, else string.
  private static func classifyString(_ text: (offset: Int, length: Int), scanner s: JSONScanner) -> (InferredType, UInt64) {
    guard text.offset >= 0, text.length >= 10 else { return (.string, 0) }
    let p = s.base + text.offset
    if let d = TimeParsing.date(p, text.length) { return (.date, UInt64(bitPattern: Int64(d))) }
    if let t = TimeParsing.timestamp(p, text.length) { return (.timestamp, UInt64(bitPattern: t)) }
    return (.string, 0)
  }

  /// The error for invalid UTF-8 at `offset`, with its line and byte column.
  private static func badUTF8(base: UnsafePointer<UInt8>, offset: Int, path: String) -> FileError {
    var line = 1
    var lineStart = 0
    for k in 0..<offset where base[k] == UInt8(ascii: "\n") {
      line += 1
      lineStart = k + 1
    }
    return FileError(
      path: path, line: line, field: offset - lineStart + 1, message: "invalid UTF-8",
      hint: "tq reads UTF-8 text; convert the file first, e.g. iconv -f latin1 -t utf-8")
  }
}
