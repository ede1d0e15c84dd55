import TQStorage

extension PathExtractor {
  /// The inputs of the chunk builder shared by both threads.
  struct ChunkInputs {
    /// Journey starts (plus the end).
    let offsets: [UInt32]
    /// `RowKinds` of every row.
    let kinds: [UInt8]
    /// Conversion value per row.
    let value: [Double]
    /// Time per row in µs, when kept.
    let time: [Int64]?
    /// Stage consideration / direct per row, when kept.
    let consideration: [Bool]?, direct: [Bool]?
    /// The code of `(none)`.
    let noneCode: UInt32
  }

  /// The paths of the journeys `journeys`; row r's channel code is `lut[codes[r]]`.
  /// Stops early (leaving the chunk partial) when `isCancelled` turns true; it is asked every
  /// 64K journeys, and the caller then throws.
  static func chunk<C: FixedWidthInteger>(_ journeys: Range<Int>, _ inputs: ChunkInputs, codes: UnsafeBufferPointer<C>,
                                          lut: UnsafeBufferPointer<UInt32>, isCancelled: () -> Bool) -> PathChunk
  {
    let off = inputs.offsets
    let rowRange = Int(off[journeys.lowerBound])..<Int(off[journeys.upperBound])
    var c = PathChunk(rows: rowRange.count, journeys: journeys.count, times: inputs.time != nil,
                      stages: inputs.consideration != nil, direct: inputs.direct != nil)
    if inputs.time == nil && inputs.consideration == nil && inputs.direct == nil {
      plainChunk(journeys, inputs, codes: codes, lut: lut, into: &c, isCancelled: isCancelled)
      return c
    }
    inputs.kinds.withUnsafeBufferPointer { kinds in
      for j in journeys {
        if j & 0xFFFF == 0, isCancelled() { break }
        let start = Int(off[j]), end = Int(off[j + 1])
        var converted = false
        var lastTouchRow = start
        for r in start..<end {
          let k = kinds[r]
          if k & RowKinds.purchase == 0 {
            c.touches.append(lut[Int(codes[r])])
            if let t = inputs.time { c.touchTimes!.append(t[r]) }
            if let s = inputs.consideration { c.consideration!.append(s[r]) }
            if let d = inputs.direct { c.direct!.append(d[r]) }
            lastTouchRow = r
          }
          if k & RowKinds.close != 0 {
            if c.touches.count == c.openStart {
              c.touches.append(inputs.noneCode)
              if let t = inputs.time { c.touchTimes!.append(t[r]) }
              if inputs.consideration != nil { c.consideration!.append(false) }
              if inputs.direct != nil { c.direct!.append(false) }
            }
            c.close(conversions: 1, value: inputs.value[r], nulls: 0, end: inputs.time?[r] ?? 0)
            converted = true
          }
        }
        if converted {
          c.dropOpenPath()
        } else {
          c.close(conversions: 0, value: 0, nulls: 1, end: inputs.time?[lastTouchRow] ?? 0)
        }
      }
    }
    return c
  }

  /// `chunk` without times, stages or direct flags: the common case, in a tight loop over
  /// raw pointers (touches never outnumber rows, so their buffer never grows).
  static func plainChunk<C: FixedWidthInteger>(_ journeys: Range<Int>, _ inputs: ChunkInputs, codes: UnsafeBufferPointer<C>,
                                               lut: UnsafeBufferPointer<UInt32>, into c: inout PathChunk,
                                               isCancelled: () -> Bool)
  {
    inputs.kinds.withUnsafeBufferPointer { kinds in
      inputs.value.withUnsafeBufferPointer { value in
        inputs.offsets.withUnsafeBufferPointer { off in
          let touches = c.touches.base
          var n = c.touches.count
          var open = n
          let none = inputs.noneCode
          for j in journeys {
            if j & 0xFFFF == 0, isCancelled() { break }
            let start = Int(off[j]), end = Int(off[j + 1])
            var converted = false
            for r in start..<end {
              let k = kinds[r]
              touches[n] = lut[Int(codes[r])]
              n &+= Int(~k & RowKinds.purchase)
              if k & RowKinds.close != 0 {
                if n == open {
                  touches[n] = none
                  n += 1
                }
                c.touches.count = n
                c.close(conversions: 1, value: value[r], nulls: 0, end: 0)
                open = n
                converted = true
              }
            }
            if converted {
              n = open
            } else {
              c.touches.count = n
              c.close(conversions: 0, value: 0, nulls: 1, end: 0)
              open = n
            }
          }
          c.touches.count = n
        }
      }
    }
  }

  /// Joins the chunks of consecutive journey runs into one path set.
  static func join(_ chunks: [PathChunk], channelNames: [String]) -> PathSet {
    var offsets = [Int](repeating: 0, count: 1)
    offsets.reserveCapacity(chunks.reduce(1) { $0 + $1.ends.count })
    var base = 0
    for c in chunks {
      for i in 0..<c.ends.count { offsets.append(base + c.ends[i]) }
      base += c.touches.count
    }
    var set = PathSet(
      channelNames: channelNames, touches: GrowBuffer.concatenate(chunks.map(\.touches)), offsets: offsets,
      conversions: GrowBuffer.concatenate(chunks.map(\.conversions)), values: GrowBuffer.concatenate(chunks.map(\.values)),
      nulls: GrowBuffer.concatenate(chunks.map(\.nulls)),
      touchTimes: chunks[0].touchTimes == nil ? nil : GrowBuffer.concatenate(chunks.map { $0.touchTimes! }),
      endTimes: chunks[0].endTimes == nil ? nil : GrowBuffer.concatenate(chunks.map { $0.endTimes! }),
      touchInConsideration: chunks[0].consideration == nil ? nil : GrowBuffer.concatenate(chunks.map { $0.consideration! }))
    if chunks[0].direct != nil { set.directTouches = GrowBuffer.concatenate(chunks.map { $0.direct! }) }
    for c in chunks { c.release() }
    return set
  }

  /// Journey ranges for the threads: halves by rows, cut at a journey start.
  static func journeySplits(_ offsets: [UInt32]) -> [Range<Int>] {
    let journeys = offsets.count - 1
    let rows = Int(offsets.last ?? 0)
    guard rows >= 1 << 16, journeys >= 2 else { return [0..<journeys] }
    var lo = 0, hi = journeys
    while lo < hi {
      let mid = (lo + hi) / 2
      if Int(offsets[mid]) < rows / 2 { lo = mid + 1 } else { hi = mid }
    }
    let cut = min(max(lo, 1), journeys - 1)
    return [0..<cut, cut..<journeys]
  }
}
