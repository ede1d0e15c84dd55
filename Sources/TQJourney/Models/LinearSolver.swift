import TQStorage
/// The transient block Q of an absorbing chain, in compressed rows, with each row's absorbed mass.
///
/// Row i holds P(i → j) for transient j ≠ i, columns ascending (the chains here have no
/// self-loops), and `leak[i]` = P(i → any absorbing state), so each row plus its leak sums to 1.
struct TransientMatrix {
  /// Start of each row in `columns`/`probabilities`, plus a sentinel.
  var rowStart: [Int]
  /// Column of each entry, ascending within a row.
  var columns: [Int32]
  /// P(row → column) of each entry.
  var probabilities: [Double]
  /// P(row → absorbed).
  var leak: [Double]

  /// The number of transient states.
  var count: Int { leak.count }

  /// Builds the matrix from transition weights keyed `from << 32 | to`, divided by `outWeight`.
  init(edges: WeightMap, outWeight: [Double], absorbed: [Double]) {
    let sorted = edges.sorted
    rowStart = [Int](repeating: 0, count: outWeight.count + 1)
    for (key, _) in sorted { rowStart[Int(key >> 32) + 1] += 1 }
    for i in 0..<outWeight.count { rowStart[i + 1] += rowStart[i] }
    columns = sorted.map { Int32(truncatingIfNeeded: $0.key) }
    probabilities = sorted.map { $0.weight / outWeight[Int($0.key >> 32)] }
    leak = zip(absorbed, outWeight).map { $0 / $1 }
  }
}

/// Solves (I − Q_UU) x = b for the transient states U a mask keeps.
///
/// States outside U are absorbing for the solve: their entries in the kept rows become part of
/// the leak, and their x is 0. `rhs` and the results are indexed by state, one vector per
/// right-hand side.
protocol AbsorbingSolver {
  /// The solutions for each right-hand side, 0 at the states not kept.
  func solve(keep: [Bool], rhs: [[Double]], isCancelled: () -> Bool) throws -> [[Double]]
}

/// The solver for `matrix`: dense LU up to `denseLimit` states, else sparse LU when its factors
/// stay sparse, else Gauss–Seidel.
///
/// On ca_data.csv (release), 13 solves of the 120 order-2 states take 2.7 ms dense and 1.7 ms
/// sparse (analysis included); at order 1 (12 states) both take well under a millisecond.
///
/// - Throws: `Interrupted` when `isCancelled` turns true during the sparse analysis.
func makeSolver(_ matrix: TransientMatrix, denseLimit: Int = 64, isCancelled: () -> Bool) throws
  -> any AbsorbingSolver
{
  if matrix.count <= denseLimit { return DenseSolver(matrix: matrix) }
  return try SparseSolver(matrix, isCancelled: isCancelled) ?? IterativeSolver(matrix: matrix)
}

/// Dense LU with partial pivoting, factored for each mask.
struct DenseSolver: AbsorbingSolver {
  /// The chain's transient block.
  let matrix: TransientMatrix

  /// Factors the kept block with partial pivoting and solves every right-hand side.
  func solve(keep: [Bool], rhs: [[Double]], isCancelled: () -> Bool) throws -> [[Double]] {
    let kept = (0..<matrix.count).filter { keep[$0] }
    let m = kept.count
    var local = [Int](repeating: -1, count: matrix.count)
    for (i, s) in kept.enumerated() { local[s] = i }
    var a = [Double](repeating: 0, count: m * m)
    var b = [Double](repeating: 0, count: m * rhs.count)  // b[i * r + k]
    let r = rhs.count
    for (i, s) in kept.enumerated() {
      a[i * m + i] = 1
      for e in matrix.rowStart[s]..<matrix.rowStart[s + 1] where local[Int(matrix.columns[e])] >= 0 {
        a[i * m + local[Int(matrix.columns[e])]] -= matrix.probabilities[e]
      }
      for k in 0..<r { b[i * r + k] = rhs[k][s] }
    }
    try a.withUnsafeMutableBufferPointer { a in
      try b.withUnsafeMutableBufferPointer { b in
        for k in 0..<m {
          if k & 0x3F == 0, isCancelled() { throw Interrupted() }
          var p = k
          for i in (k + 1)..<m where abs(a[i * m + k]) > abs(a[p * m + k]) { p = i }
          if p != k {
            for j in 0..<m { a.swapAt(k * m + j, p * m + j) }
            for j in 0..<r { b.swapAt(k * r + j, p * r + j) }
          }
          let pivot = a[k * m + k]
          for i in (k + 1)..<m where a[i * m + k] != 0 {
            let f = a[i * m + k] / pivot
            for j in (k + 1)..<m { a[i * m + j] -= f * a[k * m + j] }
            for j in 0..<r { b[i * r + j] -= f * b[k * r + j] }
          }
        }
        for i in stride(from: m - 1, through: 0, by: -1) {
          for j in 0..<r {
            var s = b[i * r + j]
            for c in (i + 1)..<m { s -= a[i * m + c] * b[c * r + j] }
            b[i * r + j] = s / a[i * m + i]
          }
        }
      }
    }
    var out = [[Double]](repeating: [Double](repeating: 0, count: matrix.count), count: r)
    for (i, s) in kept.enumerated() { for k in 0..<r { out[k][s] = b[i * r + k] } }
    return out
  }
}

/// Gauss–Seidel on x = b + Q_UU x, for chains whose LU factors would be nearly dense.
///
/// Sweeps run from the last state created to the first (successors in a path tend to be
/// created later), starting at 0. Q and b are nonnegative, so every iterate is a lower bound
/// that grows monotonically and every operation adds nonnegative numbers. It stops when the
/// residual b + Q x − x is at most `tolerance` × max x for every right-hand side, and throws
/// `ModelError` if that does not happen within `maxSweeps`.
struct IterativeSolver: AbsorbingSolver {
  /// The chain's transient block.
  let matrix: TransientMatrix
  /// The residual to reach, relative to the largest solution entry.
  var tolerance = 1e-13
  /// The most sweeps before giving up.
  var maxSweeps = 100_000

  /// Sweeps each right-hand side until its residual is small enough.
  func solve(keep: [Bool], rhs: [[Double]], isCancelled: () -> Bool) throws -> [[Double]] {
    try rhs.map { b in
      var x = [Double](repeating: 0, count: matrix.count)
      for sweep in 1...maxSweeps {
        if sweep & 0xF == 0, isCancelled() { throw Interrupted() }
        var change = 0.0
        for s in stride(from: matrix.count - 1, through: 0, by: -1) where keep[s] {
          let v = b[s] + rowProduct(s, x, keep)
          change = max(change, v - x[s])
          x[s] = v
        }
        let scale = x.max() ?? 0
        let residual = { (s: Int) in abs(b[s] + rowProduct(s, x, keep) - x[s]) }
        if change <= tolerance * scale, (0..<matrix.count).allSatisfy({ !keep[$0] || residual($0) <= tolerance * scale }) {
          return x
        }
      }
      throw ModelError("markov did not converge in \(maxSweeps) sweeps", hint: "use a lower markov order")
    }
  }

  /// Σ Q[s, j] x[j] over the kept j.
  private func rowProduct(_ s: Int, _ x: [Double], _ keep: [Bool]) -> Double {
    var sum = 0.0
    for e in matrix.rowStart[s]..<matrix.rowStart[s + 1] where keep[Int(matrix.columns[e])] {
      sum += matrix.probabilities[e] * x[Int(matrix.columns[e])]
    }
    return sum
  }
}
