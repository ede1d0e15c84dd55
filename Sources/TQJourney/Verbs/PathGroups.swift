import TQStorage

/// Paths grouped by their touches, with each group's totals (the rows of `paths`).
struct PathGroups {
  /// The groups by hash.
  var index: PathIndex
  /// Where a path of each group is (a path number or a first row: the caller's choice) and its touch count.
  var keys: [Int] = [], counts: [Int] = []
  /// Conversions, value and non-conversions of each group.
  var conversions: [Double] = [], value: [Double] = [], nulls: [Double] = []
  /// Σ touches × weight and Σ weight of each group (for the average length).
  var lengthSum: [Double] = [], weight: [Double] = []

  /// Empty groups, sized for about `expected`.
  init(expected: Int) { index = PathIndex(expected: expected) }

  /// The group of a path with hash `h` found at `key` with `count` touches (a new group when
  /// none matches); `isEqual(key, count)` says whether the path has the touches of the group
  /// whose path is at `key` with `count` touches.
  @inline(__always) mutating func group(hash h: UInt64, key: Int, count: Int, isEqual: (Int, Int) -> Bool) -> Int {
    let (found, slot) = index.find(hash: h) { isEqual(keys[$0], counts[$0]) }
    if let g = found { return g }
    let g = index.insert(hash: h, slot: slot)
    keys.append(key)
    counts.append(count)
    conversions.append(0)
    value.append(0)
    nulls.append(0)
    lengthSum.append(0)
    weight.append(0)
    return g
  }

  /// Adds a path's totals to group `g`: `length` touches (0 for `(none)`) counted `w` times.
  @inline(__always) mutating func add(_ g: Int, conversions c: Double, value v: Double, nulls n: Double, length: Double, weight w: Double) {
    conversions[g] += c
    value[g] += v
    nulls[g] += n
    lengthSum[g] += length
    weight[g] += w
  }

  /// Adds group `g` of `other` to group `mine`.
  mutating func absorb(_ other: PathGroups, _ g: Int, into mine: Int) {
    add(mine, conversions: other.conversions[g], value: other.value[g], nulls: other.nulls[g], length: other.lengthSum[g],
        weight: other.weight[g])
  }
}

/// `paths` over path runs: each path is hashed from its rows' touch codes in place.
struct PathGroupTally: PathRunVisitor {
  /// The groups so far (keys are first rows).
  var groups = PathGroups(expected: 1 << 14)
  /// Path values by closing row.
  let values: RowValues
  /// Whether non-converting journeys are grouped too (`paths all`).
  let includeNonConverting: Bool
  /// Converting paths seen.
  var paths = 0.0

  mutating func converting<C: FixedWidthInteger>(_ touches: Range<Int>, close: Int, codes: UnsafePointer<C>) {
    paths += 1
    let g = group(touches, codes)
    groups.add(g, conversions: 1, value: values[close], nulls: 0, length: Double(touches.count), weight: 1)
  }

  mutating func nonConverting<C: FixedWidthInteger>(_ touches: Range<Int>, codes: UnsafePointer<C>) {
    guard includeNonConverting else { return }
    let g = group(touches, codes)
    groups.add(g, conversions: 0, value: 0, nulls: 1, length: Double(touches.count), weight: 1)
  }

  /// The group of the path of rows `touches`.
  @inline(__always) private mutating func group<C: FixedWidthInteger>(_ touches: Range<Int>, _ codes: UnsafePointer<C>) -> Int {
    let start = touches.lowerBound, n = touches.count
    let h = PathIndex.hash(count: n) { UInt64(codes[start + $0]) }
    return groups.group(hash: h, key: start, count: n) { key, count in
      guard count == n else { return false }
      let other = codes + key, mine = codes + start
      for i in 0..<n where other[i] != mine[i] { return false }
      return true
    }
  }

  /// The groups of several tallies, joined into the first (keys stay rows of `codes`).
  static func merged(_ parts: [PathGroupTally], codes: Codes) -> PathGroups {
    var total = parts[0].groups
    for part in parts.dropFirst() {
      let p = part.groups
      for g in 0..<p.keys.count {
        let start = p.keys[g], n = p.counts[g]
        let mine = total.group(hash: p.index.hashes[g], key: start, count: n) { key, count in
          count == n && (0..<n).allSatisfy { codes[key + $0] == codes[start + $0] }
        }
        total.absorb(p, g, into: mine)
      }
    }
    return total
  }
}
