/// The delimiter and line terminator of a delimited file.
struct CSVDialect: Sendable, Equatable {
  /// The field delimiter: `,`, tab, `;` or `|`.
  var delimiter: UInt8
  /// The record terminator: `\n` (a `\r` before it is dropped) or `\r` for old Mac files.
  var newline: UInt8
}

/// How a field ended.
enum FieldEnd: UInt8 {
  /// A delimiter follows: more fields in this record.
  case delimiter
  /// The record ended (a newline or the end of the input).
  case record
  /// A quoted field has no closing quote before the end of the input.
  case unterminatedQuote
  /// Something other than a delimiter or newline follows a closing quote.
  case junkAfterQuote
}

/// Splits delimited text into fields, 8 bytes at a time (SWAR), per RFC 4180.
///
/// Unquoted fields are found by testing a whole word for the delimiter and the newline at
/// once (PERFORMANCE.md, recipe 2). A field that starts with `"` takes the slower quoted
/// path: doubled quotes, embedded delimiters and newlines. `field`/`count` point into the
/// input, or into a scratch arena when quotes had to be undoubled (valid until
/// `resetScratch()`). The owner must call `release()`.
struct CSVTokenizer {
  private static let quote = UInt8(ascii: "\"")
  private static let cr = UInt8(ascii: "\r")
  private static let lf = UInt8(ascii: "\n")
  private static let quoteLanes = broadcast(UInt8(ascii: "\""))

  /// The end of the input.
  let end: UnsafePointer<UInt8>
  /// The next byte to read.
  private(set) var p: UnsafePointer<UInt8>
  private let delimiter: UInt8
  private let newline: UInt8
  private let delimiterLanes: UInt64
  private let newlineLanes: UInt64
  /// The 1-based line number at `p`.
  private(set) var line: Int
  /// The first byte of the last field's value.
  private(set) var field: UnsafePointer<UInt8>
  /// The length of the last field's value.
  private(set) var count = 0
  /// Whether the last field was quoted (a quoted empty field is an empty string, not null).
  private(set) var quoted = false
  private var scratch = ScratchArena()
  private let scan: SeparatorScan
  /// Where `fastRecords` stopped after a full run, with its block and the masks of the
  /// block's bytes from there on.
  private var scanAt: UnsafePointer<UInt8>?
  private var scanBase: UnsafePointer<UInt8>
  private var scanSeparators: UInt64 = 0
  private var scanNewlines: UInt64 = 0

  /// Creates a tokenizer over `start..<end` whose first line is `line`.
  init(start: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>, dialect: CSVDialect, line: Int) {
    self.end = end
    p = start
    field = start
    delimiter = dialect.delimiter
    newline = dialect.newline
    delimiterLanes = broadcast(dialect.delimiter)
    newlineLanes = broadcast(dialect.newline)
    self.line = line
    scan = SeparatorScan(dialect: dialect)
    scanBase = start
  }

  /// Frees the scratch arena.
  mutating func release() { scratch.release() }

  /// Whether all input has been read.
  @inline(__always) var atEnd: Bool { p >= end }

  /// Skips empty lines at a record start (for files with more than one column, where an
  /// empty line cannot be a record).
  @inline(__always) mutating func skipBlankLines() {
    while p < end {
      let b = p[0]
      if b == newline {
        p += 1
      } else if newline == Self.lf && b == Self.cr && (p + 1 == end || p[1] == Self.lf) {
        p += p + 1 == end ? 1 : 2
      } else {
        return
      }
      line += 1
    }
  }

  /// The first delimiter or newline at or after `from`, or `end`.
  @inline(__always) private func findStop(_ from: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
    var q = from
    while end - q >= 8 {
      let w = load64(q)
      let hit = zeroLanes(w ^ delimiterLanes) | zeroLanes(w ^ newlineLanes)
      if hit != 0 { return q + (hit.trailingZeroBitCount >> 3) }
      q += 8
    }
    while q < end && q[0] != delimiter && q[0] != newline { q += 1 }
    return q
  }

  /// The first quote or newline at or after `from`, or `end`.
  @inline(__always) private func findQuoteOrNewline(_ from: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
    var q = from
    while end - q >= 8 {
      let w = load64(q)
      let hit = zeroLanes(w ^ Self.quoteLanes) | zeroLanes(w ^ newlineLanes)
      if hit != 0 { return q + (hit.trailingZeroBitCount >> 3) }
      q += 8
    }
    while q < end && q[0] != Self.quote && q[0] != newline { q += 1 }
    return q
  }

  /// Reads records of `last + 1` unquoted fields through the separator masks into rows
  /// `rows` of the spans: field `c` of row `r` goes to `fields[c * stride + r]` and
  /// `lengths[c * stride + r]`. Stops before the first record that is not that simple (a
  /// quote nearby, a blank line, the wrong number of fields, the last 64 bytes of the
  /// input) or that ends at or after `limit`, which `next()` then reads; returns the
  /// number of records read.
  @inline(__always) mutating func fastRecords(
    fields: UnsafeMutablePointer<UnsafePointer<UInt8>>, lengths: UnsafeMutablePointer<Int>, stride: Int, last: Int,
    rows: Range<Int>, before limit: UnsafePointer<UInt8>
  ) -> Int {
    let blockSize = SeparatorScan.blockSize
    var base = p
    var seps: UInt64
    var lines: UInt64
    if scanAt == p {
      base = scanBase
      seps = scanSeparators
      lines = scanNewlines
    } else {
      guard end - p >= blockSize, let m = scan.masks(p) else { return 0 }
      (seps, lines) = m
    }
    let crAware = newline == Self.lf
    var row = rows.lowerBound
    var record = p
    var s = p
    var c = 0
    var o = row
    var n = 0
    read: while row < rows.upperBound {
      while seps == 0 {
        base += blockSize
        guard end - base >= blockSize, let m = scan.masks(base) else { break read }
        (seps, lines) = m
      }
      let i = seps.trailingZeroBitCount
      seps &= seps &- 1
      let q = base + i
      fields[o] = s
      if lines &>> UInt64(truncatingIfNeeded: i) & 1 != 0 {
        guard c == last && q < limit else { break }
        let cr = crAware && q > s && q[-1] == Self.cr
        lengths[o] = q - s - (cr ? 1 : 0)
        s = q + 1
        record = s
        n += 1
        row += 1
        c = 0
        o = row
      } else {
        guard c != last else { break }
        lengths[o] = q - s
        c += 1
        o += stride
        s = q + 1
      }
    }
    p = record
    line += n
    if row == rows.upperBound {
      scanAt = p
      scanBase = base
      scanSeparators = seps
      scanNewlines = lines
    } else {
      scanAt = nil
    }
    return n
  }

  /// Reads the next field and says how it ended.
  @inline(__always) mutating func next() -> FieldEnd {
    let s = p
    if s < end && s[0] == Self.quote { return quotedField() }
    let q = findStop(s)
    field = s
    quoted = false
    if q < end && q[0] == delimiter {
      count = q - s
      p = q + 1
      return .delimiter
    }
    var e = q
    if newline == Self.lf && e > s && e[-1] == Self.cr { e -= 1 }
    count = e - s
    if q < end {
      p = q + 1
      line += 1
    } else {
      p = end
    }
    return .record
  }

  /// Reads a field that starts with a quote.
  @inline(never) private mutating func quotedField() -> FieldEnd {
    let s = p + 1
    var q = s
    var doubled = false
    while true {
      q = findQuoteOrNewline(q)
      if q >= end { return .unterminatedQuote }
      if q[0] == newline {
        line += 1
        q += 1
        continue
      }
      if q + 1 < end && q[1] == Self.quote {
        doubled = true
        q += 2
        continue
      }
      break
    }
    quoted = true
    if doubled {
      undouble(s, q)
    } else {
      field = s
      count = q - s
    }
    let a = q + 1
    if a == end {
      p = end
      return .record
    }
    let c = a[0]
    if c == delimiter {
      p = a + 1
      return .delimiter
    }
    if c == newline {
      p = a + 1
      line += 1
      return .record
    }
    if newline == Self.lf && c == Self.cr {
      if a + 1 == end {
        p = end
        return .record
      }
      if a[1] == Self.lf {
        p = a + 2
        line += 1
        return .record
      }
    }
    p = a
    return .junkAfterQuote
  }

  /// Copies `s..<e` into the scratch arena with each `""` turned into `"`, leaving 8 bytes
  /// of room after the value so that readers may load a whole word from its start.
  private mutating func undouble(_ s: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>) {
    let out = scratch.reserve(e - s + 8)
    var i = s
    var k = 0
    while i < e {
      out[k] = i[0]
      k += 1
      i += i[0] == Self.quote ? 2 : 1
    }
    scratch.commit(k)
    field = UnsafePointer(out)
    count = k
  }

  /// Frees undoubled field values; earlier `field` pointers into scratch become invalid.
  mutating func resetScratch() { scratch.reset() }
}
