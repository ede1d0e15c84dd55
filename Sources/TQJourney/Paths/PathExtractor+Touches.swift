import TQStorage

extension PathExtractor {
  /// Paths of a touch-level table with journey and conversion roles, in one pass over journeys.
  static func fromTouches(_ table: Table, _ o: Options, isCancelled: () -> Bool) throws -> PathSet {
    var t = table
    if t.journeyOffsets == nil { t.arrangeJourneys() }
    guard let offsets = t.journeyOffsets else {
      throw JourneyError("this table has no journeys: it needs journey and time columns",
                         hint: "load it with: with journey = <column>, time = <column>")
    }
    guard let tc = t.column(o.touchColumn) else { throw JourneyError("unknown column \"\(o.touchColumn)\"") }
    var names = ChannelNames()
    let fast = o.lookback == nil ? touchLookup(tc, &names) : nil
    let (codes, dictionary) = fast == nil ? touchCodes(tc) : ([], [])
    let remap = dictionary.map { names.code($0) }
    let noneCode = names.code(none)
    let value = numbers(t.column(for: .value), t.rowCount)
    let time: [Int64]? = o.needTimes ? t.column(for: .time)?.micros : nil
    let consideration: [Bool]? = o.needStages ? t.column(for: .stage).map(considerationMask) : nil
    let missingCode = names.code(missing)
    if isCancelled() { throw Interrupted() }
    if let (column, lut) = fast {
      let direct = o.needDirect ? directRows(t, o.touchColumn, column.codes.lookup(lut), names.names) : nil
      let inputs = ChunkInputs(offsets: offsets, kinds: RowKinds(t).all(rows: t.rowCount), value: value, time: time, consideration: consideration,
                               direct: direct, noneCode: noneCode)
      if isCancelled() { throw Interrupted() }
      let parts = journeySplits(offsets)
      let chunks = Parallel.map(parts.count) { k in
        lut.withUnsafeBufferPointer { l in
          switch column.codes {
          case .u8(let c): c.withUnsafeBufferPointer { chunk(parts[k], inputs, codes: $0, lut: l, isCancelled: isCancelled) }
          case .u16(let c): c.withUnsafeBufferPointer { chunk(parts[k], inputs, codes: $0, lut: l, isCancelled: isCancelled) }
          case .u32(let c): c.withUnsafeBufferPointer { chunk(parts[k], inputs, codes: $0, lut: l, isCancelled: isCancelled) }
          case .runs(let r): r.widened.withUnsafeBufferPointer { chunk(parts[k], inputs, codes: $0, lut: l, isCancelled: isCancelled) }
          }
        }
      }
      if isCancelled() {
        for c in chunks { c.release() }
        throw Interrupted()
      }
      return join(chunks, channelNames: names.names)
    }
    let kinds = RowKinds(t).all(rows: t.rowCount)
    let touchCode: [UInt32] = codes.map { $0 < 0 ? missingCode : remap[$0] }
    let direct = o.needDirect ? directRows(t, o.touchColumn, touchCode, names.names) : nil
    var b = PathBuilder(lookback: o.lookback, noneCode: noneCode, times: time != nil, stages: consideration != nil)
    if direct != nil { b.paths.directTouches = [] }
    b.paths.touches.reserveCapacity(t.rowCount)
    b.paths.offsets.reserveCapacity(offsets.count + offsets.count / 8)
    for j in 0..<(offsets.count - 1) {
      if j & 0xFFFF == 0, isCancelled() { throw Interrupted() }
      let start = Int(offsets[j]), end = Int(offsets[j + 1])
      var converted = false
      var lastRow = start
      for r in start..<end {
        let purchase = kinds[r] & RowKinds.purchase != 0
        if !purchase {
          b.touch(touchCode[r], time: time?[r] ?? 0, consideration: consideration?[r] ?? false, direct: direct?[r] ?? false)
          lastRow = r
        }
        if kinds[r] & RowKinds.close != 0 {
          b.close(conversions: 1, value: value[r], nulls: 0, end: time?[r] ?? 0)
          converted = true
        }
      }
      if converted { b.dropOpenPath() } else { b.close(conversions: 0, value: 0, nulls: 1, end: time?[lastRow] ?? 0) }
    }
    b.paths.channelNames = names.names
    return b.paths
  }

  /// For a text touch column without nulls, the column and its code → channel code table
  /// (channel codes are given in dictionary order, as `touchCodes` would); nil otherwise.
  static func touchLookup(_ c: Column, _ names: inout ChannelNames) -> (column: DictColumn, lut: [UInt32])? {
    guard case .string(let d) = c.data, c.validity == nil else { return nil }
    return (d, d.dictionary.map { names.code($0) })
  }

  /// Whether each row's stage is `consideration`.
  static func considerationMask(_ c: Column) -> [Bool] {
    guard case .string(let d) = c.data else { return Array(repeating: false, count: c.count) }
    return masked(d, d.dictionary.map { $0.lowercased() == "consideration" }, c)
  }

  /// Rows whose channel or `source_group` is direct while their touch's name is not (nil when
  /// there are none), so that `last_non_direct` sees them as direct whatever `by` names.
  static func directRows(_ t: Table, _ touchColumn: String, _ touchCode: [UInt32], _ names: [String]) -> [Bool]? {
    let columns = [t.roles[.channel] == touchColumn ? nil : t.column(for: .channel), t.column("source_group")]
    let named = names.map(isDirect)
    var rows: [Bool]?
    for case let c? in columns {
      guard case .string(let d) = c.data, d.dictionary.contains(where: isDirect) else { continue }
      let mask = masked(d, d.dictionary.map(isDirect), c)
      for r in mask.indices where mask[r] && !named[Int(touchCode[r])] {
        if rows == nil { rows = [Bool](repeating: false, count: mask.count) }
        rows![r] = true
      }
    }
    return rows
  }

  /// Whether a channel or source group name means direct traffic (`direct`, `(direct)`).
  static func isDirect(_ name: String) -> Bool { ["direct", "(direct)"].contains(name.lowercased()) }

  /// `mask[code]` for every row of a text column (false where null).
  static func masked(_ d: DictColumn, _ mask: [Bool], _ c: Column) -> [Bool] {
    var out = d.codes.widened.map { mask[Int($0)] }
    if c.validity != nil { for i in 0..<out.count where c.isNull(i) { out[i] = false } }
    return out
  }

  /// The touch column as codes into a list of names (−1 for null).
  static func touchCodes(_ c: Column) -> ([Int], [String]) {
    if case .string(let d) = c.data {
      var codes = d.codes.widened.map { Int($0) }
      if c.validity != nil { for i in 0..<codes.count where c.isNull(i) { codes[i] = -1 } }
      return (codes, d.dictionary)
    }
    var b = StringDictionaryBuilder()
    let codes = (0..<c.count).map { i -> Int in c.isNull(i) ? -1 : Int(b.code(of: text(c, i))) }
    return (codes, b.dictionary)
  }

  /// A cell as text (for touch columns that are not text).
  static func text(_ c: Column, _ i: Int) -> String {
    switch c.value(at: i) {
    case .string(let s): return s
    case .int(let v): return String(v)
    case .float(let v): return String(v)
    case .bool(let v): return String(v)
    case .timestamp(let v): return CivilTime.formatTimestamp(v)
    case .date(let v): return CivilTime.formatDate(Int64(v))
    case .null: return PathExtractor.missing
    }
  }




}

/// Appends touches and closes paths into a `PathSet` (a value type, so the hot loop needs no boxing).
struct PathBuilder {
  /// The paths so far.
  var paths: PathSet
  /// `lookback` in µs.
  let lookback: Int64?
  /// The code of `(none)`.
  let noneCode: UInt32

  /// Starts an empty set, keeping times and stages when asked.
  init(lookback: Int64?, noneCode: UInt32, times: Bool, stages: Bool) {
    paths = PathSet(channelNames: [], touches: [], offsets: [0], conversions: [], values: [], nulls: [],
                  touchTimes: times ? [] : nil, endTimes: times ? [] : nil, touchInConsideration: stages ? [] : nil)
    self.lookback = lookback
    self.noneCode = noneCode
  }

  /// Where the open path starts.
  var openStart: Int { paths.offsets[paths.offsets.count - 1] }

  /// Adds a touch to the open path.
  @inline(__always) mutating func touch(_ code: UInt32, time: Int64, consideration: Bool, direct: Bool = false) {
    paths.touches.append(code)
    paths.touchTimes?.append(time)
    paths.touchInConsideration?.append(consideration)
    paths.directTouches?.append(direct)
  }

  /// Ends the open path (a conversion, or a journey that did not convert).
  mutating func close(conversions: Double, value: Double, nulls: Double, end: Int64) {
    let start = openStart
    if let lb = lookback, let times = paths.touchTimes {
      var cut = start
      while cut < paths.touches.count, times[cut] < end - lb { cut += 1 }
      if cut > start { removeTouches(start..<cut) }
    }
    if conversions > 0, paths.touches.count == start { touch(noneCode, time: end, consideration: false) }
    paths.offsets.append(paths.touches.count)
    paths.conversions.append(conversions)
    paths.values.append(value)
    paths.nulls.append(nulls)
    paths.endTimes?.append(end)
  }

  /// Forgets the touches after a journey's last conversion (post-purchase touches).
  mutating func dropOpenPath() {
    if paths.touches.count > openStart { removeTouches(openStart..<paths.touches.count) }
  }

  /// Removes touches from the open path.
  mutating func removeTouches(_ range: Range<Int>) {
    paths.touches.removeSubrange(range)
    paths.touchTimes?.removeSubrange(range)
    paths.touchInConsideration?.removeSubrange(range)
    paths.directTouches?.removeSubrange(range)
  }
}
