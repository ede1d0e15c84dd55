import TQStorage

extension CodeAggregate {
  /// Partial results of code-grouped aggregates over a range of rows.
  ///
  /// Arrays have one slot per group number plus one (`drop`) that absorbs filtered-out
  /// rows, so the loops need no branch.
  struct Accumulator {
    /// How one aggregate is computed.
    enum Kind {
      /// `count()` or `count(x)` of a column without nulls.
      case count
      /// `sum` of an integer column.
      case sumInt([Int64])
      /// `sum` of a decimal column.
      case sumFloat([Double])
      /// `avg` of a number column (as decimals).
      case avg([Double])
      /// `distinct(journey)` on journey-ordered rows: the journey codes.
      case journeys(Codes)
    }

    /// Rows per group number (the last slot: filtered out).
    var rows: [Int64]
    /// Per aggregate: integer sums.
    var ints: [[Int64]]
    /// Per aggregate: decimal sums.
    var floats: [[Double]]
    /// Per aggregate: journeys counted, and the first and last journey code met per group.
    var journeys: [(count: [Int64], first: [Int32], last: [Int32])]
    /// Whether an integer sum overflowed.
    var overflow = false

    /// Computes the partial results over `range` (of the selection `rows`, when given).
    static func run(_ plans: [Kind], groups: CodeGroups, range: Range<Int>, rows: [UInt32]?, relation: Relation) -> Accumulator {
      let slots = groups.count + 1
      var acc = Accumulator(
        rows: [], ints: plans.map { _ in [] }, floats: plans.map { _ in [] },
        journeys: plans.map { _ in ([], [], []) })
      let onlyCounts = plans.allSatisfy { if case .count = $0 { return true } else { return false } }
      if onlyCounts, rows == nil, let counts = groups.countsFromHistogram(range) {
        acc.rows = counts + [0]
        return acc
      }
      let g = groups.groupNumbers(range, rows: rows)
      acc.rows = [Int64](repeating: 0, count: slots)
      acc.rows.withUnsafeMutableBufferPointer { r in
        for x in g { r[Int(x)] &+= 1 }
      }
      for (j, plan) in plans.enumerated() {
        switch plan {
        case .count: break
        case .sumInt(let v): acc.ints[j] = acc.sumInts(v, g, range, rows, drop: groups.count)
        case .sumFloat(let v), .avg(let v): acc.floats[j] = sumFloats(v, g, range, rows, slots: slots)
        case .journeys(let codes): acc.journeys[j] = countJourneys(codes, g, range, rows, slots: slots)
        }
      }
      return acc
    }

    /// Integer sums per group, noting overflow (outside the drop slot).
    mutating func sumInts(_ v: [Int64], _ g: [Int32], _ range: Range<Int>, _ rows: [UInt32]?, drop: Int) -> [Int64] {
      var s = [Int64](repeating: 0, count: drop + 1)
      var o = false
      v.withUnsafeBufferPointer { v in
        s.withUnsafeMutableBufferPointer { s in
          for (k, x) in g.enumerated() {
            let i = k + range.lowerBound
            let (t, over) = s[Int(x)].addingReportingOverflow(v[rows.map { Int($0[i]) } ?? i])
            s[Int(x)] = t
            o = o || (over && Int(x) != drop)
          }
        }
      }
      overflow = overflow || o
      return s
    }

    /// Decimal sums per group, in four interleaved sets of sums (row k adds to set k % 4) so
    /// that neighbouring rows of one group do not wait for each other's additions.
    static func sumFloats(_ v: [Double], _ g: [Int32], _ range: Range<Int>, _ rows: [UInt32]?, slots: Int) -> [Double] {
      let lanes = 4
      var s = [Double](repeating: 0, count: slots * lanes)
      v.withUnsafeBufferPointer { v in
        s.withUnsafeMutableBufferPointer { s in
          if let rows {
            for (k, x) in g.enumerated() { s[(k & 3) * slots + Int(x)] += v[Int(rows[k + range.lowerBound])] }
          } else {
            for (k, x) in g.enumerated() { s[(k & 3) * slots + Int(x)] += v[k + range.lowerBound] }
          }
        }
      }
      return (0..<slots).map { i in ((s[i] + s[slots + i]) + s[2 * slots + i]) + s[3 * slots + i] }
    }

    /// Journeys met per group, with the first and last journey code of each group.
    static func countJourneys(_ codes: Codes, _ g: [Int32], _ range: Range<Int>, _ rows: [UInt32]?, slots: Int)
      -> (count: [Int64], first: [Int32], last: [Int32])
    {
      var count = [Int64](repeating: 0, count: slots)
      var first = [Int32](repeating: -1, count: slots), last = [Int32](repeating: -1, count: slots)
      count.withUnsafeMutableBufferPointer { count in
        first.withUnsafeMutableBufferPointer { first in
          last.withUnsafeMutableBufferPointer { last in
            g.withUnsafeBufferPointer { g in
              /// Row `k` of the range, of journey `j`: a group meets a journey when its last one differs.
              @inline(__always) func meet(_ k: Int, _ j: Int32) {
                let gx = Int(g[k])
                let new = last[gx] != j
                first[gx] = first[gx] < 0 ? j : first[gx]
                last[gx] = j
                count[gx] &+= new ? 1 : 0
              }
              if case .runs(let runs) = codes, rows == nil {
                // Journey by journey: the code is the run number.
                runs.starts.withUnsafeBufferPointer { starts in
                  var j = runs[range.lowerBound]
                  var k = 0
                  while k < range.count {
                    let end = min(Int(starts[j + 1]), range.upperBound) - range.lowerBound
                    while k < end {
                      meet(k, Int32(truncatingIfNeeded: j))
                      k += 1
                    }
                    j += 1
                  }
                }
              } else {
                var run = RunCodes.Cursor(codes)
                for k in 0..<g.count {
                  let i = k + range.lowerBound
                  let row = rows.map { Int($0[i]) } ?? i
                  meet(k, Int32(truncatingIfNeeded: run?.code(of: row) ?? codes[row]))
                }
              }
            }
          }
        }
      }
      return (count, first, last)
    }

    /// Adds the partial results of the rows that follow.
    mutating func merge(_ b: Accumulator) throws {
      for i in rows.indices { rows[i] += b.rows[i] }
      for j in ints.indices where !ints[j].isEmpty {
        for i in ints[j].indices.dropLast() {
          let (t, o) = ints[j][i].addingReportingOverflow(b.ints[j][i])
          ints[j][i] = t
          overflow = overflow || o
        }
      }
      overflow = overflow || b.overflow
      for j in floats.indices where !floats[j].isEmpty {
        for i in floats[j].indices { floats[j][i] += b.floats[j][i] }
      }
      for j in journeys.indices where !journeys[j].count.isEmpty {
        for i in journeys[j].count.indices {
          let (a, c) = (journeys[j], b.journeys[j])
          // A journey cut by the split is met by both halves: count it once.
          let cut = a.last[i] >= 0 && a.last[i] == c.first[i]
          journeys[j].count[i] = a.count[i] + c.count[i] - (cut ? 1 : 0)
          if a.first[i] < 0 { journeys[j].first[i] = c.first[i] }
          if c.last[i] >= 0 { journeys[j].last[i] = c.last[i] }
        }
      }
    }

    /// Aggregate `j`'s column for the groups `present` (a group without rows gives null sums).
    func column(_ j: Int, _ kind: Kind, groups present: [Int]) -> Column {
      let validity = AggregateKernels.validity(present.map { rows[$0] > 0 })
      switch kind {
      case .count: return Column(name: "", data: .int(present.map { rows[$0] }))
      case .sumInt: return Column(name: "", data: .int(present.map { ints[j][$0] }), validity: validity)
      case .sumFloat: return Column(name: "", data: .float(present.map { floats[j][$0] }), validity: validity)
      case .avg:
        return Column(name: "", data: .float(present.map { rows[$0] > 0 ? floats[j][$0] / Double(rows[$0]) : 0 }), validity: validity)
      case .journeys: return Column(name: "", data: .int(present.map { journeys[j].count[$0] }))
      }
    }
  }
}
