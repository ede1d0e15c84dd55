import TQStorage

/// The conversion paths of a journey-ordered touch table, read in place as runs of rows.
///
/// In journey order a path's touches are consecutive rows: those after the journey's
/// previous conversion, up to the row that closes the path (that row too when it is a
/// flagged touch rather than a purchase event). A journey without a conversion is one
/// non-converting path of all its rows. These are `PathExtractor`'s rules; a pass over runs
/// visits each path as a row range and copies no touch, so the verbs that need only counts,
/// the first or last touch, or a hash of the path are single sequential passes.
struct PathRuns {
  /// The table, in journey order.
  let table: Table
  /// Journey starts plus the end.
  let offsets: [UInt32]
  /// The touch column (text without nulls).
  let touch: DictColumn
  /// Purchase and close marks.
  let kinds: RowKinds

  /// Runs over `t`'s paths by `touchColumn`; nil when runs cannot stand for the paths: a
  /// path table, a touch column that is not text or has nulls, a table without journeys,
  /// or a real touch named `(none)` (the name of an empty path).
  init?(_ t: Table, touchColumn: String) {
    guard t.kind == .touches, let c = t.column(touchColumn), case .string(let d) = c.data, c.validity == nil,
      !d.dictionary.contains(PathExtractor.none)
    else { return nil }
    var arranged = t
    if arranged.journeyOffsets == nil { arranged.arrangeJourneys() }
    guard let offsets = arranged.journeyOffsets, let c = arranged.column(touchColumn), case .string(let d) = c.data else {
      return nil
    }
    table = arranged
    self.offsets = offsets
    touch = d
    kinds = RowKinds(arranged)
  }

  /// The touch names by code; code `touch.dictionary.count` is `(none)`, the empty path.
  var names: [String] { touch.dictionary + [PathExtractor.none] }

  /// Visits every path with a visitor per thread (the journeys split in two halves by
  /// rows); returns the visitors in journey order. Throws `Interrupted` when cancelled.
  func visit<V: PathRunVisitor>(isCancelled: () -> Bool, _ make: () -> V) throws -> [V] {
    let parts = PathExtractor.journeySplits(offsets)
    let visitors: [V]
    switch touch.codes {
    case .u8(let c): visitors = c.withUnsafeBufferPointer { codes in visit(parts, codes, isCancelled, make) }
    case .u16(let c): visitors = c.withUnsafeBufferPointer { codes in visit(parts, codes, isCancelled, make) }
    case .u32(let c): visitors = c.withUnsafeBufferPointer { codes in visit(parts, codes, isCancelled, make) }
    case .runs(let r): visitors = r.widened.withUnsafeBufferPointer { codes in visit(parts, codes, isCancelled, make) }
    }
    if isCancelled() { throw Interrupted() }
    return visitors
  }

  /// `visit` for one code width.
  private func visit<V: PathRunVisitor, C: FixedWidthInteger>(
    _ parts: [Range<Int>], _ codes: UnsafeBufferPointer<C>, _ isCancelled: () -> Bool, _ make: () -> V
  ) -> [V] {
    Parallel.map(parts.count) { k in
      var v = make()
      if let base = codes.baseAddress { scan(parts[k], &v, base, isCancelled) }
      return v
    }
  }

  /// Rows whose kinds are computed at a time (they stay in the L2 cache).
  static let blockRows = 1 << 15

  /// Visits the paths of `journeys`, computing row kinds a block of whole journeys at a time;
  /// asks `isCancelled` between blocks and stops when it turns true.
  private func scan<V: PathRunVisitor, C: FixedWidthInteger>(
    _ journeys: Range<Int>, _ v: inout V, _ codes: UnsafePointer<C>, _ isCancelled: () -> Bool
  ) {
    offsets.withUnsafeBufferPointer { off in
      var room = Self.blockRows
      var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: room + 8)
      defer { buffer.deallocate() }
      var j = journeys.lowerBound
      while j < journeys.upperBound {
        if isCancelled() { return }
        let lo = Int(off[j])
        var next = j + 1
        while next < journeys.upperBound, Int(off[next + 1]) - lo <= Self.blockRows { next += 1 }
        let hi = Int(off[next])
        if hi - lo > room {
          buffer.deallocate()
          room = hi - lo
          buffer = .allocate(capacity: room + 8)
        }
        kinds.fill(buffer, lo..<hi)
        (buffer + (hi - lo)).initialize(repeating: 0, count: 8)
        walk(j..<next, buffer - lo, off, &v, codes)
        j = next
      }
    }
  }

  /// Visits the paths of whole journeys whose row kinds are `kind[row]` (zero-padded after
  /// the last row), jumping from one closing row to the next eight rows at a time.
  @inline(__always)
  private func walk<V: PathRunVisitor, C: FixedWidthInteger>(
    _ journeys: Range<Int>, _ kind: UnsafeMutablePointer<UInt8>, _ off: UnsafeBufferPointer<UInt32>, _ v: inout V,
    _ codes: UnsafePointer<C>
  ) {
    let closes = 0x0101_0101_0101_0101 &* UInt64(RowKinds.close)
    let hi = Int(off[journeys.upperBound])
    var journey = journeys.lowerBound
    var start = Int(off[journey]), end = Int(off[journey + 1])
    var open = start
    var r = start
    while true {
      while r < hi {
        let word = UnsafeRawPointer(kind + r).loadUnaligned(as: UInt64.self) & closes
        if word != 0 {
          r += word.trailingZeroBitCount >> 3
          break
        }
        r += 8
      }
      if r > hi { r = hi }
      while end <= r {
        if open == start { v.nonConverting(start..<end, codes: codes) }
        journey += 1
        if journey == journeys.upperBound { return }
        start = end
        end = Int(off[journey + 1])
        open = start
      }
      v.converting(open..<(kind[r] & RowKinds.purchase != 0 ? r : r + 1), close: r, codes: codes)
      open = r + 1
      r += 1
    }
  }
}

/// What a pass over path runs does with each path.
protocol PathRunVisitor {
  /// A converting path: its touches are rows `touches` (none: the empty path `(none)`), and
  /// row `close` ends it (the purchase, or the flagged last touch). `codes` are the touch codes by row.
  mutating func converting<C: FixedWidthInteger>(_ touches: Range<Int>, close: Int, codes: UnsafePointer<C>)
  /// A journey that did not convert: all its rows are touches.
  mutating func nonConverting<C: FixedWidthInteger>(_ touches: Range<Int>, codes: UnsafePointer<C>)
}

/// A path's value, read at its closing row (0 for null or without a value column).
struct RowValues {
  /// The values as Doubles (a float column's own array, no copy).
  let values: [Double]?
  /// The column, when it has nulls.
  let nullable: Column?

  /// Reads `column` (nil: every row is worth 0).
  init(_ column: Column?) {
    values = column?.doubles
    nullable = column?.validity == nil ? nil : column
  }

  /// The value of row `r`.
  @inline(__always) subscript(r: Int) -> Double {
    guard let v = values else { return 0 }
    if let n = nullable, n.isNull(r) { return 0 }
    return v[r]
  }
}
