import TQStorage

/// Dense ids for the distinct values of one or more key columns.
///
/// A text column's codes are already dense; numbers go through a hash map. Several keys
/// combine in mixed radix when the product of their cardinalities is small, else through
/// a hash map on the combined ids.
struct GroupIds {
  /// The group of each row.
  var ids: [Int32]
  /// The number of groups.
  var count: Int
  /// The first row of each group.
  var firstRow: [Int]

  /// Groups the rows of `columns` (all of equal length `n`), asking `isCancelled` between
  /// passes and every 64K rows of a hashing pass.
  init(_ columns: [Column], rows n: Int, isCancelled: () -> Bool = { false }) throws {
    if columns.isEmpty {
      ids = Array(repeating: 0, count: n)
      count = 1
      firstRow = [0]
      return
    }
    var combined = [Int](repeating: 0, count: n)
    var radix = 1
    var overflow = false
    for c in columns {
      if isCancelled() { throw Interrupted() }
      let (dense, card) = try GroupIds.dense(c, isCancelled: isCancelled)
      let (r, o) = radix.multipliedReportingOverflow(by: card)
      if o || r > 1 << 40 {
        // Re-densify the combination so far, then continue.
        let (d2, c2) = try GroupIds.compact(combined, isCancelled: isCancelled)
        combined = d2
        radix = c2
        overflow = radix.multipliedReportingOverflow(by: card).overflow
        if overflow { break }
      }
      for i in 0..<n { combined[i] = combined[i] &+ dense[i] &* radix }
      radix *= card
    }
    if isCancelled() { throw Interrupted() }
    let (d, k) = try GroupIds.compact(combined, range: overflow ? nil : radix, isCancelled: isCancelled)
    ids = d.map { Int32($0) }
    count = k
    var first = [Int](repeating: -1, count: k)
    for i in 0..<n where first[d[i]] < 0 { first[d[i]] = i }
    firstRow = first
  }

  /// Dense ids (first-appearance order) of `values`; `range` enables a direct table.
  static func compact(_ values: [Int], range: Int? = nil, isCancelled: () -> Bool) throws -> ([Int], Int) {
    var out = [Int](repeating: 0, count: values.count)
    if let range, range <= 1 << 22 {
      var table = [Int](repeating: -1, count: max(range, 1))
      var k = 0
      for (i, v) in values.enumerated() {
        if table[v] < 0 {
          table[v] = k
          k += 1
        }
        out[i] = table[v]
      }
      return (out, k)
    }
    var map: [Int: Int] = [:]
    for (i, v) in values.enumerated() {
      if i & 0xFFFF == 0, isCancelled() { throw Interrupted() }
      if let g = map[v] { out[i] = g } else {
        out[i] = map.count
        map[v] = map.count
      }
    }
    return (out, map.count)
  }

  /// Dense ids of one column and their number (nulls get their own id).
  static func dense(_ c: Column, isCancelled: () -> Bool) throws -> ([Int], Int) {
    let n = c.count
    var out: [Int]
    var card: Int
    switch c.data {
    case .string(let d):
      out = d.codes.lookup(Array(0..<d.dictionary.count))
      card = d.dictionary.count
    case .bool(let a):
      out = a.map { $0 ? 1 : 0 }
      card = 2
    default:
      let keys: [Int64] = c.type == .float ? c.doubles.map { Int64(bitPattern: ($0 == 0 ? 0 : $0).bitPattern) } : c.int64s
      var map: [Int64: Int] = [:]
      out = [Int](repeating: 0, count: n)
      for i in 0..<n {
        if i & 0xFFFF == 0, isCancelled() { throw Interrupted() }
        if let g = map[keys[i]] { out[i] = g } else {
          out[i] = map.count
          map[keys[i]] = map.count
        }
      }
      card = max(map.count, 1)
    }
    if let v = c.validity {
      for i in 0..<n where !v[i] { out[i] = card }
      card += 1
    }
    return (out, max(card, 1))
  }
}
