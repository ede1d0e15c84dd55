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
    let (codes, dictionary) = touchCodes(tc)
    let remap = dictionary.map { names.code($0) }
    let noneCode = names.code(none)
    let isPurchaseEvent = eventMask(t)
    let flag = conversionFlags(t)
    let value = numbers(t.column(for: .value), t.rowCount)
    let time: [Int64]? = t.column(for: .time)?.micros
    let stageCol = t.column(for: .stage)
    var set = PathSet(channelNames: [], touches: [], offsets: [0], conversions: [], values: [], nulls: [],
                      touchTimes: time == nil ? nil : [], endTimes: time == nil ? nil : [], touchStages: stageCol == nil ? nil : [])
    set.touches.reserveCapacity(t.rowCount)
    var lastRow = 0
    func close(conv: Double, value v: Double, nulls: Double, end: Int64) {
      if let lb = o.lookback, let times = set.touchTimes {
        let start = set.offsets[set.offsets.count - 1]
        var cut = start
        while cut < set.touches.count, times[cut] < end - lb { cut += 1 }
        if cut > start {
          set.touches.removeSubrange(start..<cut)
          set.touchTimes!.removeSubrange(start..<cut)
          set.touchStages?.removeSubrange(start..<cut)
        }
      }
      if conv > 0, set.touches.count == set.offsets[set.offsets.count - 1] {
        set.touches.append(noneCode)
        set.touchTimes?.append(end)
        set.touchStages?.append(nil)
      }
      set.offsets.append(set.touches.count)
      set.conversions.append(conv)
      set.values.append(v)
      set.nulls.append(nulls)
      set.endTimes?.append(end)
    }
    for j in 0..<(offsets.count - 1) {
      if j & 0xFFFF == 0, isCancelled() { throw JourneyCancelled() }
      let start = Int(offsets[j]), end = Int(offsets[j + 1])
      var converted = false
      var pathStart = set.touches.count
      for r in start..<end {
        let purchase = isPurchaseEvent[r]
        if !purchase {
          set.touches.append(codes[r] < 0 ? names.code(missing) : remap[codes[r]])
          set.touchTimes?.append(time![r])
          set.touchStages?.append(stageCol.map { $0.isNull(r) ? nil : Self.text($0, r) } ?? nil)
          lastRow = r
        }
        if purchase || flag[r] {
          close(conv: 1, value: value[r], nulls: 0, end: time?[r] ?? 0)
          converted = true
          pathStart = set.touches.count
        }
      }
      if !converted {
        close(conv: 0, value: 0, nulls: 1, end: time?[lastRow] ?? 0)
      } else if set.touches.count > pathStart {
        set.touches.removeSubrange(pathStart...)
        set.touchTimes?.removeSubrange(pathStart...)
        set.touchStages?.removeSubrange(pathStart...)
      }
    }
    set.channelNames = names.names
    return set
  }

  /// The touch column as codes into a list of names (−1 for null).
  static func touchCodes(_ c: Column) -> ([Int], [String]) {
    if case .string(let d) = c.data {
      return ((0..<c.count).map { c.isNull($0) ? -1 : d.codes[$0] }, d.dictionary)
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

  /// Rows whose event is `conversion` or `purchase` (the purchase itself, not a touch).
  static func eventMask(_ t: Table) -> [Bool] {
    guard let e = t.column(for: .event), case .string(let d) = e.data else { return Array(repeating: false, count: t.rowCount) }
    let m = d.dictionary.map { ["conversion", "purchase"].contains($0.lowercased()) }
    return (0..<t.rowCount).map { !e.isNull($0) && m[d.codes[$0]] }
  }

  /// Rows with the conversion flag.
  static func conversionFlags(_ t: Table) -> [Bool] {
    guard let c = t.column(for: .conversion) else { return Array(repeating: false, count: t.rowCount) }
    switch c.data {
    case .bool(let a): return (0..<a.count).map { a[$0] && !c.isNull($0) }
    case .int(let a): return (0..<a.count).map { a[$0] != 0 && !c.isNull($0) }
    case .float(let a): return (0..<a.count).map { a[$0] != 0 && !c.isNull($0) }
    case .string(let d):
      let m = d.dictionary.map { ["true", "1", "yes", "y"].contains($0.lowercased()) }
      return (0..<c.count).map { !c.isNull($0) && m[d.codes[$0]] }
    default: return Array(repeating: false, count: t.rowCount)
    }
  }
}

/// Long journey work was interrupted.
public struct JourneyCancelled: Error, Sendable {
  /// Creates the error.
  public init() {}
}
