extension Table {
  /// Records journey offsets when the rows already are in journey order; never moves rows.
  ///
  /// For results whose row order the user chose (`let top = t | sort -revenue`): journey
  /// verbs put a copy in journey order when they need it.
  public mutating func markJourneysIfOrdered() {
    if let off = codeOrderedOffsets() { return setJourneyOffsets(off) }
    guard let (jKey, tKey) = journeyKeys() else { return }
    setJourneyOffsets(Self.inOrder(jKey, tKey) ? Self.offsets(of: jKey) : nil)
  }

  /// The journey and time sort keys, or `nil` (offsets cleared) when the table has no journeys.
  mutating func journeyKeys() -> ([Int64], [Int64])? {
    guard kind == .touches, let jc = column(for: .journey), let tc = column(for: .time) else {
      setJourneyOffsets(nil)
      return nil
    }
    return (Self.sortKey(jc), Self.sortKey(tc))
  }

  /// Whether rows are sorted by journey, then time.
  static func inOrder(_ jKey: [Int64], _ tKey: [Int64]) -> Bool {
    for i in 1..<max(jKey.count, 1) where jKey[i - 1] > jKey[i] || (jKey[i - 1] == jKey[i] && tKey[i - 1] > tKey[i]) {
      return false
    }
    return true
  }

  /// Puts rows in journey order (journey, then time, stable) and records journey offsets.
  ///
  /// Does nothing unless the table has journey and time roles. A table that is already
  /// in order (the common case for exports) costs one pass to check.
  public mutating func arrangeJourneys() {
    if let off = codeOrderedOffsets() { return setJourneyOffsets(off) }
    guard let (jKey, tKey) = journeyKeys() else { return }
    if !Self.inOrder(jKey, tKey) {
      // Journeys group by first appearance is not enough: sort by key so equal ids meet.
      let rows: [UInt32] = (0..<UInt32(rowCount)).sorted { (a: UInt32, b: UInt32) -> Bool in
        let ja = jKey[Int(a)], jb = jKey[Int(b)]
        if ja != jb { return ja < jb }
        let ta = tKey[Int(a)], tb = tKey[Int(b)]
        if ta != tb { return ta < tb }
        return a < b
      }
      columns = columns.map { $0.gather(rows) }
      let jk = rows.map { jKey[Int($0)] }
      setJourneyOffsets(Self.offsets(of: jk))
    } else {
      setJourneyOffsets(Self.offsets(of: jKey))
    }
  }

  /// The journey offsets, read straight from the codes, when the journey column is text
  /// without nulls whose dictionary is in byte order (ids coded in order of appearance from
  /// an export sorted by journey), the time column is a timestamp without nulls, and the
  /// rows are in journey order; nil otherwise (the general check decides). One pass, no sort keys.
  func codeOrderedOffsets() -> [UInt32]? {
    guard kind == .touches, let jc = column(for: .journey), jc.validity == nil, case .string(let d) = jc.data,
      let tc = column(for: .time), tc.validity == nil, case .timestamp(let time) = tc.data, time.count == rowCount,
      UTF8Order.isAscending(d.dictionary)
    else { return nil }
    switch d.codes {
    case .u8(let c): return Self.codeOrderedOffsets(c, time)
    case .u16(let c): return Self.codeOrderedOffsets(c, time)
    case .u32(let c): return Self.codeOrderedOffsets(c, time)
    case .runs(let r): return Self.timesAscend(within: r.starts, time) ? r.starts : nil
    }
  }

  /// `codeOrderedOffsets` for one code width: codes never decrease, and times never
  /// decrease while the code stays.
  static func codeOrderedOffsets<C: FixedWidthInteger>(_ codes: [C], _ time: [Int64]) -> [UInt32]? {
    var off: [UInt32] = [0]
    off.reserveCapacity(codes.count / 4 + 2)
    let ordered = codes.withUnsafeBufferPointer { c in
      time.withUnsafeBufferPointer { t in
        for i in 1..<max(c.count, 1) {
          if c[i] != c[i - 1] {
            if c[i] < c[i - 1] { return false }
            off.append(UInt32(i))
          } else if t[i] < t[i - 1] {
            return false
          }
        }
        return true
      }
    }
    guard ordered else { return nil }
    if codes.isEmpty { off.removeAll() }
    off.append(UInt32(codes.count))
    return off
  }

  /// Whether times never decrease inside each run `starts[j] ..< starts[j + 1]`.
  static func timesAscend(within starts: [UInt32], _ time: [Int64]) -> Bool {
    time.withUnsafeBufferPointer { t in
      for j in 0..<max(0, starts.count - 1) {
        for i in (Int(starts[j]) + 1)..<max(Int(starts[j]) + 1, Int(starts[j + 1])) where t[i] < t[i - 1] { return false }
      }
      return true
    }
  }

  /// Start of each run of equal keys, plus a final sentinel.
  static func offsets(of keys: [Int64]) -> [UInt32] {
    var off: [UInt32] = []
    off.reserveCapacity(keys.count / 4 + 2)
    for i in 0..<keys.count where i == 0 || keys[i] != keys[i - 1] { off.append(UInt32(i)) }
    off.append(UInt32(keys.count))
    return off
  }

  /// An Int64 per row that orders rows as the column's values order (nulls first).
  public static func sortKey(_ c: Column) -> [Int64] {
    var key: [Int64]
    switch c.data {
    case .int(let a): key = a.widened
    case .timestamp(let a): key = a
    case .date(let a): key = a.map { Int64($0) }
    case .bool(let a): key = a.map { $0 ? 1 : 0 }
    case .float(let a): key = a.map { Self.orderedBits($0) }
    case .string(let d):
      key = d.codes.lookup(d.sortRanks().map { Int64($0) })
    }
    if c.validity != nil { for i in 0..<key.count where c.isNull(i) { key[i] = Int64.min } }
    return key
  }

  /// Maps a Double to an Int64 with the same order.
  @inline(__always) static func orderedBits(_ x: Double) -> Int64 {
    let b = Int64(bitPattern: x.bitPattern)
    return b < 0 ? ~b | Int64.min : b
  }
}
