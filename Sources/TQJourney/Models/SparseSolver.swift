import TQStorage
/// Sparse LU of I − Q: ordered once for the whole chain, factored again for each mask.
///
/// The analysis eliminates states greedily by fewest (predecessors × successors), the
/// Markowitz count, on the transition graph, and records the fill this creates; a mask only
/// removes states, so its fill is a subset and every mask reuses the order and pattern.
/// Pivots are diagonal, which is stable for I − Q (a nonsingular M-matrix). The numeric
/// phase eliminates row by row in magnitudes: every update adds nonnegative numbers, and a
/// pivot is the row's absorbed mass plus its remaining off-diagonal mass rather than
/// 1 − (self-loop) (the Grassmann–Taksar–Heyman rule), so nothing cancels and solutions keep
/// full relative accuracy. The right-hand sides are carried through the elimination, so L is
/// never stored.
///
/// Some chains have no sparse factors (uniformly random paths make a de Bruijn-like graph
/// whose fill is nearly dense); the analysis gives up when the work it predicts per solve, or
/// its own work, passes `workLimit`, and the caller falls back to `IterativeSolver`.
struct SparseSolver: AbsorbingSolver {
  /// The number of states.
  private let n: Int
  /// State at each elimination position.
  private let stateAt: [Int32]
  /// Q's rows in position order, columns as positions.
  private let aStart: [Int], aColumn: [Int32], aValue: [Double]
  /// Columns (positions) left of the diagonal in each row of L, ascending.
  private let lStart: [Int], lColumn: [Int32]
  /// Columns (positions) right of the diagonal in each row of U.
  private let uStart: [Int], uColumn: [Int32]
  /// P(absorbed) of each row, by position.
  private let leak: [Double]

  /// Orders the states of `matrix` and computes the fill pattern; nil when the factors are too dense.
  ///
  /// - Parameters:
  ///   - matrix: The chain.
  ///   - denseTail: When the sparsest remaining state is linked to this fraction of the pairs
  ///     of remaining states, the rest is ordered as one dense block.
  ///   - workLimit: The most multiply-adds a solve, or entries the analysis, may take.
  ///   - isCancelled: Polled during the analysis.
  /// - Throws: `Interrupted`.
  init?(_ matrix: TransientMatrix, denseTail: Double = 0.25, workLimit: Int = 20_000_000, isCancelled: () -> Bool)
    throws
  {
    n = matrix.count
    var succ = (0..<n).map { s in Array(matrix.columns[matrix.rowStart[s]..<matrix.rowStart[s + 1]]) }
    var pred = [[Int32]](repeating: [], count: n)
    for s in 0..<n { for t in succ[s] { pred[Int(t)].append(Int32(s)) } }
    var heap = MinHeap()
    for s in 0..<n { heap.push(cost: pred[s].count * succ[s].count, s) }
    var done = [Bool](repeating: false, count: n)
    var order: [Int32] = [], lRows = [[Int32]](repeating: [], count: n), uRows = [[Int32]](repeating: [], count: n)
    var solveWork = 0, analysisWork = 0
    while let (cost, s) = heap.pop() {
      if done[s] || cost != pred[s].count * succ[s].count { continue }
      if order.count & 0xFF == 0, isCancelled() { throw Interrupted() }
      if solveWork > workLimit || analysisWork > workLimit { return nil }
      let left = n - order.count
      if left >= 64, Double(cost) >= denseTail * Double((left - 1) * (left - 1)) {
        // What is left is nearly dense: order it as it stands and treat it as a full block.
        guard left * left / 3 * left < workLimit - solveWork else { return nil }
        let block = (0..<n).filter { !done[$0] }
        for (k, b) in block.enumerated() {
          let position = Int32(order.count)
          order.append(Int32(b))
          for later in block[(k + 1)...] { lRows[later].append(position) }
          uRows[b] = block[(k + 1)...].map { Int32($0) }
        }
        break
      }
      done[s] = true
      let position = Int32(order.count)
      order.append(Int32(s))
      let me = Int32(s)
      solveWork += cost
      for p in pred[s] {
        lRows[Int(p)].append(position)
        analysisWork += succ[Int(p)].count + succ[s].count
        succ[Int(p)] = union(succ[Int(p)], without: me, succ[s], without: p)
      }
      for t in succ[s] {
        analysisWork += pred[Int(t)].count + pred[s].count
        pred[Int(t)] = union(pred[Int(t)], without: me, pred[s], without: t)
      }
      for x in pred[s] { heap.push(cost: pred[Int(x)].count * succ[Int(x)].count, Int(x)) }
      for x in succ[s] { heap.push(cost: pred[Int(x)].count * succ[Int(x)].count, Int(x)) }
      uRows[s] = succ[s]
      succ[s] = []
      pred[s] = []
    }
    stateAt = order
    var positionOf = [Int32](repeating: 0, count: n)
    for (i, s) in order.enumerated() { positionOf[Int(s)] = Int32(i) }
    var aStart = [0], aColumn: [Int32] = [], aValue: [Double] = []
    var lStart = [0], lColumn: [Int32] = [], uStart = [0], uColumn: [Int32] = []
    for s in order.map(Int.init) {
      for e in matrix.rowStart[s]..<matrix.rowStart[s + 1] {
        aColumn.append(positionOf[Int(matrix.columns[e])])
        aValue.append(matrix.probabilities[e])
      }
      aStart.append(aColumn.count)
      lColumn += lRows[s]
      lStart.append(lColumn.count)
      uColumn += uRows[s].map { positionOf[Int($0)] }
      uStart.append(uColumn.count)
    }
    (self.aStart, self.aColumn, self.aValue) = (aStart, aColumn, aValue)
    (self.lStart, self.lColumn, self.uStart, self.uColumn) = (lStart, lColumn, uStart, uColumn)
    leak = order.map { matrix.leak[Int($0)] }
  }

  /// Factors the kept rows in the analysed order, carrying the right-hand sides, and back-substitutes.
  func solve(keep: [Bool], rhs: [[Double]], isCancelled: () -> Bool) throws -> [[Double]] {
    let r = rhs.count
    let kept = stateAt.map { keep[Int($0)] }
    var w = [Double](repeating: 0, count: n), uValue = [Double](repeating: 0, count: uColumn.count)
    var pivot = [Double](repeating: 0, count: n), reducedLeak = [Double](repeating: 0, count: n)
    var b = [Double](repeating: 0, count: n * r)  // b[i * r + k], forward-reduced
    var row = [Double](repeating: 0, count: r)
    for i in 0..<n where kept[i] {
      if i & 0xFF == 0, isCancelled() { throw Interrupted() }
      var absorbed = leak[i]
      for k in 0..<r { row[k] = rhs[k][Int(stateAt[i])] }
      for e in aStart[i]..<aStart[i + 1] {
        let j = Int(aColumn[e])
        if kept[j] { w[j] = aValue[e] } else { absorbed += aValue[e] }
      }
      for e in lStart[i]..<lStart[i + 1] {
        let k = Int(lColumn[e])
        let v = w[k]
        guard v != 0 else { continue }
        w[k] = 0
        let l = v / pivot[k]
        absorbed += l * reducedLeak[k]
        for c in 0..<r { row[c] += l * b[k * r + c] }
        for f in uStart[k]..<uStart[k + 1] { w[Int(uColumn[f])] += l * uValue[f] }
      }
      var offDiagonal = 0.0
      for f in uStart[i]..<uStart[i + 1] {
        let j = Int(uColumn[f])
        uValue[f] = w[j]
        offDiagonal += w[j]
        w[j] = 0
      }
      w[i] = 0
      pivot[i] = absorbed + offDiagonal
      reducedLeak[i] = absorbed
      for c in 0..<r { b[i * r + c] = row[c] }
    }
    var out = [[Double]](repeating: [Double](repeating: 0, count: n), count: r)
    var x = [Double](repeating: 0, count: n * r)
    for i in stride(from: n - 1, through: 0, by: -1) where kept[i] {
      for c in 0..<r { row[c] = b[i * r + c] }
      for f in uStart[i]..<uStart[i + 1] where uValue[f] != 0 {
        let j = Int(uColumn[f])
        for c in 0..<r { row[c] += uValue[f] * x[j * r + c] }
      }
      for c in 0..<r {
        x[i * r + c] = row[c] / pivot[i]
        out[c][Int(stateAt[i])] = x[i * r + c]
      }
    }
    return out
  }
}

/// The sorted union of `a` without `x` and `b` without `y`.
private func union(_ a: [Int32], without x: Int32, _ b: [Int32], without y: Int32) -> [Int32] {
  var out: [Int32] = []
  out.reserveCapacity(a.count + b.count)
  var i = 0, j = 0
  while i < a.count || j < b.count {
    let v: Int32
    if j == b.count || (i < a.count && a[i] < b[j]) {
      v = a[i]
      i += 1
    } else {
      if i < a.count && a[i] == b[j] { i += 1 }
      v = b[j]
      j += 1
    }
    if v != x && v != y && out.last != v { out.append(v) }
  }
  return out
}

/// A binary min-heap of (cost, state), smaller state first on equal cost.
private struct MinHeap {
  private var items: [UInt64] = []

  /// Adds `state` with `cost`.
  mutating func push(cost: Int, _ state: Int) {
    items.append(UInt64(min(cost, Int(UInt32.max))) << 32 | UInt64(state))
    var i = items.count - 1
    while i > 0, items[(i - 1) / 2] > items[i] {
      items.swapAt(i, (i - 1) / 2)
      i = (i - 1) / 2
    }
  }

  /// Removes and returns the smallest entry.
  mutating func pop() -> (cost: Int, state: Int)? {
    guard let top = items.first else { return nil }
    let last = items.removeLast()
    if !items.isEmpty {
      items[0] = last
      var i = 0
      while true {
        let l = 2 * i + 1, r = l + 1
        var m = i
        if l < items.count, items[l] < items[m] { m = l }
        if r < items.count, items[r] < items[m] { m = r }
        if m == i { break }
        items.swapAt(i, m)
        i = m
      }
    }
    return (Int(top >> 32), Int(top & 0xFFFF_FFFF))
  }
}
