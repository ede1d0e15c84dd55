import TQStorage

/// Rows grouped by text columns through their dictionary codes, with text filters folded in.
///
/// Each text column involved (a group key, a filter, or both) gets a small table from code
/// to a part of the group number, or -1 when rows with that code are filtered out; a row's
/// group is the sum of its parts. No hashing and no per-row strings: with the usual handful
/// of personas or channels the whole table stays in L1 cache.
struct CodeGroups {
  /// One text column's codes and its code → part table (-1: drop the row).
  struct Part {
    /// The column's codes.
    var codes: Codes
    /// The part each code adds to the group number, or -1.
    var map: [Int32]
  }

  /// The columns that decide a row's group.
  var parts: [Part]
  /// The number of group numbers (the product of the keys' dictionary sizes).
  var count: Int
  /// Per key: its dictionary, and the multiplier of its code in the group number.
  var keys: [(dictionary: [String], radix: Int)]

  /// Group numbers beyond this many take the general path.
  static let maxGroups = 1 << 16

  /// The grouping for `keys` and text `filters` over `rel`, or nil when a key is not a plain
  /// text column without nulls, a filtered column has nulls, or there are too many groups.
  init?(keys: [NamedExpr], filters: [(column: Int, mask: [Bool])], in rel: Relation) {
    var maps: [Int: [Int32]] = [:]
    var order: [Int] = []
    var radix = 1
    var keyInfo: [(dictionary: [String], radix: Int)] = []
    for k in keys {
      guard case .column(let i, .string) = k.expr, case .string(let d) = rel.columns[i].data,
        rel.columns[i].validity == nil, maps[i] == nil
      else { return nil }
      let card = max(d.dictionary.count, 1)
      guard radix * card <= Self.maxGroups else { return nil }
      maps[i] = (0..<d.dictionary.count).map { Int32($0 * radix) }
      order.append(i)
      keyInfo.append((d.dictionary, radix))
      radix *= card
    }
    for f in filters {
      guard case .string(let d) = rel.columns[f.column].data, rel.columns[f.column].validity == nil else { return nil }
      var m = maps[f.column] ?? Array(repeating: 0, count: d.dictionary.count)
      if maps[f.column] == nil { order.append(f.column) }
      for c in m.indices where !f.mask[c] { m[c] = -1 }
      maps[f.column] = m
    }
    parts = order.map { i in
      guard case .string(let d) = rel.columns[i].data else { preconditionFailure("checked above") }
      return Part(codes: d.codes, map: maps[i]!)
    }
    count = radix
    self.keys = keyInfo
  }

  /// The group number of each of the rows `range` (of the selection, when there is one),
  /// with `count` for rows that are filtered out.
  func groupNumbers(_ range: Range<Int>, rows: [UInt32]?) -> [Int32] {
    var out = [Int32](repeating: 0, count: range.count)
    let drop = Int32(count)
    for (k, part) in parts.enumerated() {
      out.withUnsafeMutableBufferPointer { o in
        part.map.withUnsafeBufferPointer { m in
          switch part.codes {
          case .u8(let c): Self.add(c, m, range, rows, first: k == 0, drop: drop, into: o)
          case .u16(let c): Self.add(c, m, range, rows, first: k == 0, drop: drop, into: o)
          case .u32(let c): Self.add(c, m, range, rows, first: k == 0, drop: drop, into: o)
          case .runs(let r): Self.add(r.widened, m, range, rows, first: k == 0, drop: drop, into: o)
          }
        }
      }
    }
    return out
  }

  /// Adds one column's parts to the group numbers (the first column sets them).
  @inline(__always)
  static func add<C: FixedWidthInteger>(_ codes: [C], _ map: UnsafeBufferPointer<Int32>, _ range: Range<Int>, _ rows: [UInt32]?,
                                        first: Bool, drop: Int32, into out: UnsafeMutableBufferPointer<Int32>)
  {
    codes.withUnsafeBufferPointer { c in
      let base = range.lowerBound
      if first, rows == nil {
        for i in range {
          let p = map[Int(c[i])]
          out[i - base] = p < 0 ? drop : p
        }
        return
      }
      for i in range {
        let row = rows.map { Int($0[i]) } ?? i
        let p = map[Int(c[row])]
        let o = i - base
        if first {
          out[o] = p < 0 ? drop : p
        } else if out[o] != drop {
          out[o] = p < 0 ? drop : out[o] &+ p
        }
      }
    }
  }

  /// The rows per group number when the grouping has one column and no selection: a
  /// histogram of the codes folded through the code table (no group number per row).
  func countsFromHistogram(_ range: Range<Int>) -> [Int64]? {
    guard parts.count == 1 else { return nil }
    let part = parts[0]
    var hist = [Int64](repeating: 0, count: part.map.count)
    switch part.codes {
    case .u8(let c):
      if let k = singleCode(part) {
        hist[k] = Int64(c.withUnsafeBufferPointer { Self.countEqual($0, range, UInt8(k)) })
      } else {
        Self.histogram(c, range, &hist, only: nil)
      }
    case .u16(let c): Self.histogram(c, range, &hist, only: singleCode(part))
    case .u32(let c): Self.histogram(c, range, &hist, only: singleCode(part))
    case .runs(let r): Self.histogram(r.widened, range, &hist, only: singleCode(part))
    }
    var counts = [Int64](repeating: 0, count: count)
    for (code, p) in part.map.enumerated() where p >= 0 { counts[Int(p)] += hist[code] }
    return counts
  }

  /// The one code rows may have, when the filter keeps a single code and there is no key.
  private func singleCode(_ part: Part) -> Int? {
    guard keys.isEmpty else { return nil }
    let kept = part.map.indices.filter { part.map[$0] >= 0 }
    return kept.count == 1 ? kept[0] : nil
  }

  /// How many of the one-byte codes in `range` equal `k`: a plain pointer loop in blocks
  /// with a 32-bit sum, which the compiler turns into vector compares.
  static func countEqual(_ c: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ k: UInt8) -> Int {
    guard var p = c.baseAddress.map({ $0 + range.lowerBound }) else { return 0 }
    let end = p + range.count
    var total = 0
    while p < end {
      let blockEnd = min(end, p + (1 << 20))
      var s: UInt32 = 0
      while p < blockEnd {
        s &+= p.pointee == k ? 1 : 0
        p += 1
      }
      total += Int(s)
    }
    return total
  }

  /// Counts the codes of `range`; with `only`, counts just that code (a loop the compiler
  /// vectorises).
  static func histogram<C: FixedWidthInteger>(_ codes: [C], _ range: Range<Int>, _ hist: inout [Int64], only: Int?) {
    codes.withUnsafeBufferPointer { c in
      if let only {
        let k = C(truncatingIfNeeded: only)
        var n = 0
        for i in range { n &+= c[i] == k ? 1 : 0 }
        hist[only] = Int64(n)
        return
      }
      hist.withUnsafeMutableBufferPointer { h in
        for i in range { h[Int(c[i])] &+= 1 }
      }
    }
  }
}
