import TQStorage

/// A stable least-significant-digit radix sort of row numbers by 64-bit keys.
///
/// Keys are sorted one after another from the last to the first, each by 16-bit digits of
/// the key minus its minimum (so a column whose values span 2^20 takes two passes), and
/// rows whose key is null are then moved to the end, keeping their order: nulls come last
/// in both directions. Each pass is a counting sort over contiguous key and row arrays, and
/// the cancel check is asked between passes, so a 10M-row sort stops within one pass.
struct RadixSort {
  /// One key: its values per row (of the underlying rows), its nulls, its direction.
  struct Key {
    /// The value of each row (`Table.sortKey` order).
    var values: [Int64]
    /// Which rows are not null, or nil when none is null.
    var validity: Bitmap?
    /// Largest first.
    var descending: Bool
  }

  /// The rows `0..<count` in the order the keys give; ties keep their order. Asks
  /// `isCancelled` every million rows while gathering a key and between passes.
  static func order(_ keys: [Key], count n: Int, isCancelled: () -> Bool = { false }) throws -> [UInt32] {
    var rows = (0..<UInt32(n)).map { $0 }
    var scratchRows = [UInt32](repeating: 0, count: n)
    var digits = [UInt64](repeating: 0, count: n)
    var scratchDigits = [UInt64](repeating: 0, count: n)
    for key in keys.reversed() {
      if isCancelled() { throw Interrupted() }
      // Gather this key in the current order, flipped so that ascending u64 order is wanted.
      var lo = UInt64.max, hi = UInt64.min
      try key.values.withUnsafeBufferPointer { v in
        for i in 0..<n {
          if i & 0xFFFFF == 0xFFFFF, isCancelled() { throw Interrupted() }
          let r = Int(rows[i])
          var u = UInt64(bitPattern: v[r]) ^ (1 << 63)
          if key.descending { u = ~u }
          if let valid = key.validity, !valid[r] { u = 0 } else {
            lo = min(lo, u)
            hi = max(hi, u)
          }
          digits[i] = u
        }
      }
      if lo <= hi {
        var shift: UInt64 = 0
        let range = hi - lo
        for i in 0..<n { digits[i] = digits[i] &- lo }
        while shift < 64 && (range >> shift) != 0 {
          if isCancelled() { throw Interrupted() }
          pass(&rows, &digits, &scratchRows, &scratchDigits, shift: shift)
          shift += 16
        }
      }
      if let valid = key.validity { nullsLast(&rows, valid) }
    }
    return rows
  }

  /// One counting-sort pass on the 16-bit digit at `shift`.
  static func pass(_ rows: inout [UInt32], _ digits: inout [UInt64], _ rows2: inout [UInt32], _ digits2: inout [UInt64],
                   shift: UInt64)
  {
    let n = rows.count
    var counts = [Int](repeating: 0, count: 1 << 16)
    digits.withUnsafeBufferPointer { d in
      counts.withUnsafeMutableBufferPointer { c in
        for i in 0..<n { c[Int((d[i] >> shift) & 0xFFFF)] += 1 }
        var sum = 0
        for b in 0..<(1 << 16) {
          let k = c[b]
          c[b] = sum
          sum += k
        }
      }
    }
    rows.withUnsafeBufferPointer { r in
      digits.withUnsafeBufferPointer { d in
        rows2.withUnsafeMutableBufferPointer { r2 in
          digits2.withUnsafeMutableBufferPointer { d2 in
            counts.withUnsafeMutableBufferPointer { c in
              for i in 0..<n {
                let b = Int((d[i] >> shift) & 0xFFFF)
                let at = c[b]
                c[b] = at + 1
                r2[at] = r[i]
                d2[at] = d[i]
              }
            }
          }
        }
      }
    }
    swap(&rows, &rows2)
    swap(&digits, &digits2)
  }

  /// Moves the rows whose key is null to the end, keeping the order on both sides.
  static func nullsLast(_ rows: inout [UInt32], _ validity: Bitmap) {
    var valid: [UInt32] = [], null: [UInt32] = []
    valid.reserveCapacity(rows.count)
    for r in rows {
      if validity[Int(r)] { valid.append(r) } else { null.append(r) }
    }
    rows = valid + null
  }
}
