import TQStorage

/// The totals of `compare`'s groups over a run of journeys.
struct GroupTally {
  /// Per group: matching touches, journeys reached, converting journeys among them.
  var touches: [Int64], journeys: [Int64], converting: [Int64]
  /// Per group: value of the reached journeys, cost of the matching touches, Σ touches and Σ days to the first conversion.
  var money: [Double], spend: [Double], toConvert: [Double], days: [Double]

  /// Zero totals for `groups` groups.
  init(groups g: Int) {
    touches = [Int64](repeating: 0, count: g)
    journeys = touches
    converting = touches
    money = [Double](repeating: 0, count: g)
    spend = money
    toConvert = money
    days = money
  }

  /// The most groups counted in one pass: one bit each in a row's kind byte, above the purchase and close bits.
  static let maxGroups = 6

  /// Adds the journeys `span`; `bits[r]` holds row r's `RowKinds` and, from bit 2 up, the
  /// groups it matches, and eight zero bytes follow the last row.
  mutating func add(_ span: Range<Int>, _ off: [UInt32], _ bits: [UInt8], _ value: RowValues, _ cost: RowValues,
                    _ time: [Int64]?, _ isCancelled: () -> Bool)
  {
    guard !span.isEmpty else { return }
    // Totals by kind byte (touches) and by the set of groups reached (journeys), spread
    // over the groups at the end: nothing per row or per journey loops over the groups.
    var rowBins = Bins(count: 256), journeyBins = Bins(count: 64)
    off.withUnsafeBufferPointer { off in
      bits.withUnsafeBufferPointer { bits in
        let rows = Int(off[span.lowerBound])..<Int(off[span.upperBound])
        cost.withDense { cost in Self.touches(rows, bits.baseAddress!, cost, &rowBins) }
        value.withDense { value in
          DenseValues.of(time) { time in
            Self.journeys(span, off, bits.baseAddress!, value, time, &journeyBins, isCancelled)
          }
        }
      }
    }
    for k in touches.indices {
      let bit = 1 << (k + 2)
      for b in 0..<256 where b & bit != 0 && b & Int(RowKinds.purchase) == 0 {
        touches[k] += rowBins.counts[b]
        spend[k] += rowBins.sums[b]
      }
      for m in 0..<64 where m & (1 << k) != 0 {
        journeys[k] += journeyBins.counts[m]
        money[k] += journeyBins.sums[m]
        converting[k] += journeyBins.converting[m]
        toConvert[k] += journeyBins.toConvert[m]
        days[k] += journeyBins.days[m]
      }
    }
  }

  /// Counts and sums by a byte: a row's kind byte, or the groups a journey reached.
  private struct Bins {
    /// Rows or journeys.
    var counts: [Int64]
    /// Their cost (rows) or value (journeys).
    var sums: [Double]
    /// Converting journeys, their touches and days to convert.
    var converting: [Int64], toConvert: [Double], days: [Double]

    /// `count` empty bins.
    init(count: Int) {
      counts = [Int64](repeating: 0, count: count)
      sums = [Double](repeating: 0, count: count)
      converting = counts
      toConvert = sums
      days = sums
    }
  }

  /// Counts the rows `rows` and sums their cost by kind byte, in four interleaved sets of
  /// bins so that neighbouring rows of one kind do not wait for each other's sums.
  private static func touches(_ rows: Range<Int>, _ bits: UnsafePointer<UInt8>, _ cost: DenseValues<Double>, _ bins: inout Bins) {
    let lanes = 4
    let counts = UnsafeMutablePointer<Int64>.allocate(capacity: 256 * lanes)
    let sums = UnsafeMutablePointer<Double>.allocate(capacity: 256 * lanes)
    counts.initialize(repeating: 0, count: 256 * lanes)
    sums.initialize(repeating: 0, count: 256 * lanes)
    defer {
      counts.deallocate()
      sums.deallocate()
    }
    var r = rows.lowerBound
    while r + lanes <= rows.upperBound {
      for lane in 0..<lanes {
        let b = lane << 8 | Int(bits[r + lane])
        counts[b] &+= 1
        sums[b] += cost[r + lane]
      }
      r += lanes
    }
    while r < rows.upperBound {
      counts[Int(bits[r])] &+= 1
      sums[Int(bits[r])] += cost[r]
      r += 1
    }
    for b in 0..<256 {
      for lane in 0..<lanes {
        bins.counts[b] += counts[lane << 8 | b]
        bins.sums[b] += sums[lane << 8 | b]
      }
    }
  }

  /// Tallies the journeys `span` by the groups each reached, reading the kind bytes eight at
  /// a time: a journey's touches' group bits are OR-ed word by word (purchase rows masked
  /// off), and only its closing rows are visited one by one.
  private static func journeys(
    _ span: Range<Int>, _ off: UnsafeBufferPointer<UInt32>, _ bits: UnsafePointer<UInt8>, _ value: DenseValues<Double>,
    _ time: DenseValues<Int64>, _ bins: inout Bins, _ isCancelled: () -> Bool
  ) {
    let low: UInt64 = 0x0101_0101_0101_0101
    let closeBits = low &* UInt64(RowKinds.close), purchaseBits = low &* UInt64(RowKinds.purchase)
    bins.counts.withUnsafeMutableBufferPointer { counts in
      bins.sums.withUnsafeMutableBufferPointer { sums in
        bins.converting.withUnsafeMutableBufferPointer { converting in
          bins.toConvert.withUnsafeMutableBufferPointer { toConvert in
            bins.days.withUnsafeMutableBufferPointer { days in
              for j in span {
                if j & 0xFFFF == 0, isCancelled() { return }
                let lo = Int(off[j]), hi = Int(off[j + 1])
                var groups: UInt64 = 0, jValue = 0.0, firstClose = hi
                var p = lo
                while p < hi {
                  let left = hi - p
                  var w = UnsafeRawPointer(bits + p).loadUnaligned(as: UInt64.self)
                  w &= left >= 8 ? ~0 : (1 << (UInt64(left) &* 8)) &- 1
                  groups |= w & ~((w & purchaseBits) &* 0xFF)
                  var closes = w & closeBits
                  while closes != 0 {
                    let r = p + closes.trailingZeroBitCount >> 3
                    jValue += value[r]
                    firstClose = min(firstClose, r)
                    closes &= closes &- 1
                  }
                  p += 8
                }
                groups |= groups >> 32
                groups |= groups >> 16
                groups |= groups >> 8
                let reached = Int(groups & 0xFF) >> 2
                let converted: Int64 = firstClose < hi ? 1 : 0
                let at = min(firstClose, hi - 1)
                counts[reached] &+= 1
                sums[reached] += jValue
                converting[reached] &+= converted
                toConvert[reached] += converted != 0 ? Double(at - lo + Int(~bits[at] & RowKinds.purchase)) : 0
                days[reached] += converted != 0 ? Double(time[at] - time[lo]) / 86_400_000_000 : 0
              }
            }
          }
        }
      }
    }
  }

  /// The totals of group batches side by side.
  static func joined(_ batches: [GroupTally]) -> GroupTally {
    var t = GroupTally(groups: 0)
    for b in batches {
      t.touches += b.touches
      t.journeys += b.journeys
      t.converting += b.converting
      t.money += b.money
      t.spend += b.spend
      t.toConvert += b.toConvert
      t.days += b.days
    }
    return t
  }

  /// The totals of several runs added up, in order.
  static func merged(_ parts: [GroupTally]) -> GroupTally {
    var t = parts[0]
    for p in parts.dropFirst() {
      for k in t.touches.indices {
        t.touches[k] += p.touches[k]
        t.journeys[k] += p.journeys[k]
        t.converting[k] += p.converting[k]
        t.money[k] += p.money[k]
        t.spend[k] += p.spend[k]
        t.toConvert[k] += p.toConvert[k]
        t.days[k] += p.days[k]
      }
    }
    return t
  }
}
