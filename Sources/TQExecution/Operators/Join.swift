import TQStorage

/// `join` and `left join`: matches rows on equal key columns with a hash table on the right side.
///
/// Keys become 64-bit numbers (`JoinKeys`); the right side's rows are grouped by key into
/// one flat array (offsets per distinct key), so a probe is one hash lookup and a slice.
enum Join {
  /// Joins `left` with `right`; output rows follow the left rows' order, and the matches of
  /// one left row follow the right rows' order.
  static func run(_ left: Relation, _ right: Relation, leftKeys: [Int], rightKeys: [Int], keepLeftUnmatched: Bool,
                  isCancelled: () -> Bool = { false }) throws -> Relation
  {
    let l = left.materialized()
    if isCancelled() { throw Interrupted() }
    let keys = JoinKeys(left: leftKeys.map { l.columns[$0] }, right: rightKeys.map { right.columns[$0] })
    let index = try RightIndex(keys, rows: right.baseCount, isCancelled: isCancelled)
    var li: [UInt32] = [], ri: [Int] = []
    for row in 0..<l.count {
      if row & 0xFFFF == 0, isCancelled() { throw Interrupted() }
      if let g = keys.leftNull[row] ? nil : index.group(ofLeft: row, keys) {
        for m in index.rows(of: g) {
          li.append(UInt32(row))
          ri.append(Int(m))
        }
      } else if keepLeftUnmatched {
        li.append(UInt32(row))
        ri.append(-1)
      }
    }
    var cols: [Column] = []
    for c in l.columns {
      if isCancelled() { throw Interrupted() }
      cols.append(c.gather(li))
    }
    let matched = ri.map { UInt32(max($0, 0)) }
    for (i, c) in right.columns.enumerated() where !rightKeys.contains(i) {
      if isCancelled() { throw Interrupted() }
      var g = c.gather(matched)
      if keepLeftUnmatched, ri.contains(-1) {
        var v = g.validity ?? Bitmap(count: ri.count, value: true)
        for (k, r) in ri.enumerated() where r < 0 { v[k] = false }
        g = Column(name: c.name, data: g.data, validity: v)
      }
      cols.append(g)
    }
    return Relation(columns: cols, count: li.count, roles: left.roles, kind: left.kind)
  }

  /// The right side's rows grouped by key.
  struct RightIndex {
    /// Key (one number per key column) → group.
    var groups: [[Int64]: Int32] = [:]
    /// Single-column keys → group (the common case, without array keys).
    var single: [Int64: Int32] = [:]
    /// Where each group's rows start in `sorted`; one more entry than groups.
    var offsets: [Int] = []
    /// The right rows, grouped, in row order within a group.
    var sorted: [UInt32] = []
    /// Whether keys have one column.
    let isSingle: Bool

    /// Groups the `rows` right rows by their keys.
    init(_ keys: JoinKeys, rows n: Int, isCancelled: () -> Bool) throws {
      isSingle = keys.right.count == 1
      var groupOf = [Int32](repeating: -1, count: n)
      var counts: [Int] = []
      for r in 0..<n where !keys.rightNull[r] {
        if r & 0xFFFF == 0, isCancelled() { throw Interrupted() }
        let g: Int32
        if isSingle {
          let k = keys.right[0][r]
          if let e = single[k] { g = e } else { g = Int32(counts.count); single[k] = g; counts.append(0) }
        } else {
          let k = keys.right.map { $0[r] }
          if let e = groups[k] { g = e } else { g = Int32(counts.count); groups[k] = g; counts.append(0) }
        }
        groupOf[r] = g
        counts[Int(g)] += 1
      }
      offsets = [0]
      offsets.reserveCapacity(counts.count + 1)
      for c in counts { offsets.append(offsets.last! + c) }
      var next = offsets
      sorted = [UInt32](repeating: 0, count: offsets.last!)
      for r in 0..<n where groupOf[r] >= 0 {
        let g = Int(groupOf[r])
        sorted[next[g]] = UInt32(r)
        next[g] += 1
      }
    }

    /// The group of a left row's key, if the right side has it.
    func group(ofLeft row: Int, _ keys: JoinKeys) -> Int? {
      if isSingle { return single[keys.left[0][row]].map(Int.init) }
      return groups[keys.left.map { $0[row] }].map(Int.init)
    }

    /// The right rows of a group.
    func rows(of g: Int) -> ArraySlice<UInt32> { sorted[offsets[g]..<offsets[g + 1]] }
  }
}
