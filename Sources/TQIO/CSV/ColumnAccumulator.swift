/// One column being read: its inferred type so far, values or string codes, and null bits.
///
/// Every row of the chunk has a slot in the buffers (`capacity` rows, the same for all
/// columns of a chunk). A typed column that meets a value of another type widens in place
/// (int → float, date → timestamp) or becomes a string column whose earlier rows
/// (`pendingRows`) are filled from the text afterwards. The owner must call `release()`
/// exactly once.
struct ColumnAccumulator {
  /// The type inferred from the rows so far.
  private(set) var type: InferredType = .empty
  /// Typed values (Int64 / Double bits / 0-1 / days / µs) when the type is not string.
  private(set) var values: UnsafeMutablePointer<UInt64>?
  /// Dictionary codes when the type is string.
  private(set) var codes: CodeBuffer?
  /// The distinct strings when the type is string (when `numbered`, those of another shape).
  var dictionary: ByteDictionary?
  /// Set when the first string value is identifier-shaped: the codes of values of its shape
  /// are their numbers, those of others `NumberedKeys.hashedFlag` plus their dictionary code.
  private(set) var numbered: NumberedKeys?
  /// Whether a string value has been coded (and `numbered` decided).
  private var keyed = false
  /// The codes of a numbered column while its ids come in ascending runs (the codes
  /// buffer is then not written); `nil` once they do not, or before the first batch coded
  /// through `appendCodes` decides (`runsDecided`).
  private(set) var runs: NumberRuns?
  private var runsDecided = false
  /// One bit per row, set when the row is null.
  private(set) var nulls: UnsafeMutablePointer<UInt64>
  /// The number of null rows.
  private(set) var nullCount = 0
  /// Rows `0..<pendingRows` of a string column still need their codes from the text.
  var pendingRows = 0
  /// Rows the buffers hold.
  private(set) var capacity: Int
  /// The day numbers of dates seen, once the column reads timestamps.
  private var dates: UTCTimestampMemo?

  /// Creates an all-null column with room for `capacity` rows.
  init(capacity: Int) {
    self.capacity = capacity
    nulls = RawMemory.allocateZeroed(UInt64.self, Self.words(capacity))
  }

  /// Words of null bits for `rows` rows.
  @inline(__always) static func words(_ rows: Int) -> Int { (rows + 63) >> 6 }

  /// Frees the buffers.
  mutating func release() {
    RawMemory.release(values)
    RawMemory.release(nulls)
    codes?.release()
    dictionary?.release()
    dates?.release()
    dates = nil
    numbered?.release()
    numbered = nil
    runs = nil
    values = nil
    codes = nil
    dictionary = nil
  }

  /// Grows every buffer to `new` rows.
  mutating func grow(to new: Int) {
    if let v = values { values = RawMemory.reallocate(v, new) }
    codes?.grow(to: new)
    nulls = RawMemory.reallocateZeroingTail(nulls, from: Self.words(capacity), to: Self.words(new))
    capacity = new
  }

  /// Appends one field's text as row `row` (an unquoted empty field is null).
  @inline(__always) mutating func append(_ p: UnsafePointer<UInt8>, _ n: Int, quoted: Bool, row: Int) {
    if n == 0 && !quoted {
      appendNull(row)
      return
    }
    switch type {
    case .string:
      setCode(p, n, row: row)
    case .empty:
      start(p, n, row: row)
    default:
      if n > 0, let v = FieldClassifier.parse(p, n, as: type) {
        values.unsafelyUnwrapped[row] = v
      } else {
        widen(p, n, row: row)
      }
    }
  }

  /// Appends a batch of spans (`lengths` holds `~length` for quoted fields): field `k`
  /// becomes row `rows.lowerBound + k`. Fields starting before `overreadLimit` may be read
  /// 8 bytes past their start. The column's type is switched on once per batch; the first
  /// field that does not fit sends the rest through `append`.
  @inline(__always) mutating func appendBatch(
    fields: UnsafePointer<UnsafePointer<UInt8>>, lengths: UnsafePointer<Int>, rows: Range<Int>,
    overreadLimit: UnsafePointer<UInt8>
  ) {
    var k = 0
    var r = rows.lowerBound
    /// Parses the fields as the column's type into `values` until one does not parse. With
    /// `repeating`, a short field with the previous short field's bytes reuses its value
    /// (exports repeat amounts and flags: `0.00`, `0`) instead of parsing it again; the
    /// flag is a constant at each call, so each loop is compiled for its kind.
    @inline(__always) func typed(repeating: Bool, _ parse: (UnsafePointer<UInt8>, Int) -> UInt64?) {
      let v = values.unsafelyUnwrapped
      var lastWord = UInt64.max
      var lastLength = -1
      var lastValue: UInt64 = 0
      while r < rows.upperBound {
        let len = lengths[k]
        let p = fields[k]
        let n = len < 0 ? ~len : len
        if repeating && len > 0 && len <= 8 && p < overreadLimit {
          let word = load64(p) & (UInt64.max &>> UInt64(truncatingIfNeeded: 64 &- len &* 8))
          if word == lastWord && len == lastLength {
            v[r] = lastValue
          } else if let x = parse(p, len) {
            v[r] = x
            (lastWord, lastLength, lastValue) = (word, len, x)
          } else {
            return
          }
        } else if n > 0, let x = parse(p, n) {
          v[r] = x
        } else if len == 0 {
          appendNull(r)
        } else {
          return
        }
        k += 1
        r += 1
      }
    }
    switch type {
    case .string:
      appendCodes(fields: fields, lengths: lengths, rows: rows, overreadLimit: overreadLimit)
      return
    case .int: typed(repeating: true) { NumberParsing.int($0, $1).map { UInt64(bitPattern: $0) } }
    case .float: typed(repeating: true) { NumberParsing.double($0, $1).map { $0.bitPattern } }
    case .timestamp:
      if dates == nil { dates = UTCTimestampMemo() }
      let memo = dates.unsafelyUnwrapped
      typed(repeating: false) { memo.timestamp($0, $1).map { UInt64(bitPattern: $0) } }
    case .date: typed(repeating: false) { TimeParsing.date($0, $1).map { UInt64(bitPattern: Int64($0)) } }
    case .bool: typed(repeating: false) { NumberParsing.bool($0, $1).map { $0 ? 1 : 0 } }
    case .empty: break
    }
    while r < rows.upperBound {
      let len = lengths[k]
      append(fields[k], len < 0 ? ~len : len, quoted: len < 0, row: r)
      k += 1
      r += 1
    }
  }

  /// Sets the string codes of a batch (see `appendBatch`), with the dictionary and the
  /// codes in locals and one loop per code width and kind of coding
  /// (`ByteDictionary.code`, `NumberedKeys.code`).
  @inline(never) private mutating func appendCodes(
    fields: UnsafePointer<UnsafePointer<UInt8>>, lengths: UnsafePointer<Int>, rows: Range<Int>,
    overreadLimit: UnsafePointer<UInt8>
  ) {
    let batch = FieldBatch(fields: fields, lengths: lengths, count: rows.count, overreadLimit: overreadLimit)
    var nulls = NullBits(words: self.nulls, firstRow: rows.lowerBound)
    var k = 0
    // The first key decides how the column is coded.
    while !keyed && k < batch.count {
      let len = lengths[k]
      if len == 0 {
        nulls.mark(k)
        codes!.set(0, row: rows.lowerBound + k)
      } else {
        let p = fields[k]
        let code = stringCode(p, len < 0 ? ~len : len, overread: p < overreadLimit)
        codes!.set(code, row: rows.lowerBound + k)
      }
      k += 1
    }
    if let numbered {
      if !runsDecided {
        // The rows so far (a first batch read row by row, or the first key) may start runs.
        runsDecided = true
        if pendingRows == 0 && nullCount == 0 && nulls.count == 0 {
          runs = NumberRuns(codes: codes!.storage.assumingMemoryBound(to: UInt32.self), count: rows.lowerBound + k)
        }
      }
      if runs != nil {
        k = runs!.extend(batch, from: k, firstRow: rows.lowerBound, keys: numbered)
        if k < batch.count { writeRuns() }
      }
      if k < batch.count {
        var dict = dictionary.unsafelyUnwrapped
        numbered.code(batch, from: k, into: codes!.storage.assumingMemoryBound(to: UInt32.self) + rows.lowerBound,
                      dictionary: &dict, nulls: &nulls)
        dictionary = dict
      }
      codes!.wrote(upTo: rows.upperBound)
      nullCount += nulls.count
      return
    }
    var dict = dictionary.unsafelyUnwrapped
    var out = codes.unsafelyUnwrapped
    while k < batch.count {
      let base = out.storage
      let stopped: UInt32?
      switch out.width {
      case 1: stopped = dict.code(batch, from: &k, into: base.assumingMemoryBound(to: UInt8.self) + rows.lowerBound, nulls: &nulls)
      case 2: stopped = dict.code(batch, from: &k, into: base.assumingMemoryBound(to: UInt16.self) + rows.lowerBound, nulls: &nulls)
      default: stopped = dict.code(batch, from: &k, into: base.assumingMemoryBound(to: UInt32.self) + rows.lowerBound, nulls: &nulls)
      }
      if let code = stopped {  // field k's code needs a wider buffer
        out.wrote(upTo: rows.lowerBound + k)
        out.widen(toFit: code)
        out.set(code, row: rows.lowerBound + k)
        k += 1
      }
    }
    out.wrote(upTo: rows.upperBound)
    nullCount += nulls.count
    dictionary = dict
    codes = out
  }

  /// Writes the codes of the rows the runs cover and drops the runs: the column keeps a
  /// code per row from now on.
  mutating func writeRuns() {
    guard let r = runs else { return }
    r.write(to: codes!.storage.assumingMemoryBound(to: UInt32.self))
    runs = nil
  }

  /// Marks row `row` null.
  @inline(__always) mutating func appendNull(_ row: Int) {
    markNull(row)
    if runs != nil { writeRuns() }
    if let v = values {
      v[row] = 0
    } else if codes != nil {
      codes!.set(0, row: row)
    }
  }

  /// Sets row `row`'s null bit (its value slot is the caller's).
  @inline(__always) private mutating func markNull(_ row: Int) {
    nulls[row >> 6] |= 1 << UInt64(row & 63)
    nullCount &+= 1
  }

  /// Sets the string code of row `row` from its text.
  @inline(__always) mutating func setCode(_ p: UnsafePointer<UInt8>, _ n: Int, row: Int) {
    if runs != nil { writeRuns() }
    let code = stringCode(p, n, overread: false)
    codes!.set(code, row: row)
  }

  /// The code of a string value (see `numbered`); the first one decides whether the column
  /// is numbered, which takes 4-byte codes.
  @inline(__always) private mutating func stringCode(_ p: UnsafePointer<UInt8>, _ n: Int, overread: Bool) -> UInt32 {
    if !keyed {
      keyed = true
      numbered = NumberedKeys(shapedLike: p, n)
      if numbered != nil { codes!.widen(toFit: .max) }
    }
    if let numbered {
      let k = numbered.mark(p, n)
      if k >= 0 { return UInt32(truncatingIfNeeded: k) }
      return NumberedKeys.hashedFlag | dictionary!.insert(p, n, overread: overread)
    }
    return dictionary!.insert(p, n, overread: overread)
  }

  /// The first non-null value: its type becomes the column's.
  @inline(never) private mutating func start(_ p: UnsafePointer<UInt8>, _ n: Int, row: Int) {
    let (t, bits) = n > 0 ? FieldClassifier.classify(p, n) : (.string, 0)
    if t == .string {
      becomeString(pendingRows: 0)
      setCode(p, n, row: row)
      return
    }
    type = t
    let v: UnsafeMutablePointer<UInt64> = RawMemory.allocateZeroed(UInt64.self, capacity)
    v[row] = bits
    values = v
  }

  /// A value the current type rejects: widen by value, or turn into a string column.
  @inline(never) private mutating func widen(_ p: UnsafePointer<UInt8>, _ n: Int, row: Int) {
    let (t, bits) = n > 0 ? FieldClassifier.classify(p, n) : (.string, 0)
    let target = type.joined(with: t)
    if target != .string {
      convert(to: target, rows: row)
      values.unsafelyUnwrapped[row] = bits
      return
    }
    becomeString(pendingRows: row)
    setCode(p, n, row: row)
  }

  /// Converts the first `rows` values to `target` when that needs no text (see
  /// `InferredType.convertsByValue`).
  mutating func convert(to target: InferredType, rows: Int) {
    precondition(type.convertsByValue(to: target) && target != .string)
    if type == target { return }
    if type == .empty {
      values = RawMemory.allocateZeroed(UInt64.self, capacity)
    } else if let v = values {
      for r in 0..<rows { v[r] = FieldClassifier.widen(v[r], from: type, to: target) }
    }
    type = target
  }

  /// Turns the column into a string column; rows `0..<pendingRows` get their codes later.
  mutating func becomeString(pendingRows: Int) {
    RawMemory.release(values)
    values = nil
    type = .string
    codes = CodeBuffer(capacity: capacity)
    if dictionary == nil { dictionary = ByteDictionary() }
    self.pendingRows = pendingRows
  }
}
