import Testing

@testable import TQJourney

/// Every solver of `chain`: dense LU, sparse LU (Markowitz order, then with a dense block from
/// the start), and Gauss–Seidel.
private func solvers(_ chain: MarkovChain) throws -> [(String, any AbsorbingSolver)] {
  [
    ("dense", DenseSolver(matrix: chain.matrix)),
    ("sparse", try #require(try SparseSolver(chain.matrix, isCancelled: { false }))),
    ("sparse, dense block", try #require(try SparseSolver(chain.matrix, denseTail: 0, isCancelled: { false }))),
    ("iterative", IterativeSolver(matrix: chain.matrix)),
  ]
}

@Suite struct LinearSolverTests {
  /// All solvers agree on random chains of orders 1–4, under random removal masks.
  @Test(arguments: [1, 2, 3, 4])
  func solversAgree(order: Int) throws {
    var rng = SeededRandom(seed: UInt64(order))
    for seed in 1...4 {
      let p = randomPaths(seed: UInt64(seed), count: 200, channels: 4 + seed, maxLength: 10)
      let chain = try MarkovChain(p, order: order, withNulls: seed.isMultiple(of: 2), isCancelled: { false })
      let all = try solvers(chain)
      for _ in 0..<4 {
        let keep = (0..<chain.count).map { _ in Double.random(in: 0..<1, using: &rng) < 0.8 }
        let rhs = [chain.conversion, chain.value]
        let expected = try all[0].1.solve(keep: keep, rhs: rhs, isCancelled: { false })
        for (name, solver) in all.dropFirst() {
          let got = try solver.solve(keep: keep, rhs: rhs, isCancelled: { false })
          var worst = 0.0
          for k in 0..<2 {
            for s in 0..<chain.count {
              worst = max(worst, abs(got[k][s] - expected[k][s]) / max(expected[k][s], 1e-300))
            }
          }
          #expect(worst < 1e-10, "\(name), order \(order), seed \(seed)")
        }
      }
    }
  }

  /// The solution satisfies (I − Q) x = b on the kept states.
  @Test func residualIsTiny() throws {
    let p = randomPaths(seed: 9, count: 400, channels: 6, maxLength: 12)
    let chain = try MarkovChain(p, order: 3, withNulls: true, isCancelled: { false })
    let q = chain.matrix
    for (name, solver) in try solvers(chain) {
      let keep = (0..<chain.count).map { $0 % 7 != 3 }
      let x = try solver.solve(keep: keep, rhs: [chain.conversion], isCancelled: { false })[0]
      var worst = 0.0
      for s in 0..<chain.count where keep[s] {
        var r = x[s] - chain.conversion[s]
        for e in q.rowStart[s]..<q.rowStart[s + 1] where keep[Int(q.columns[e])] {
          r -= q.probabilities[e] * x[Int(q.columns[e])]
        }
        worst = max(worst, abs(r))
      }
      #expect(worst < 1e-13, "\(name)")
    }
  }

  /// The sparse analysis gives up (and the model falls back to Gauss–Seidel) past its work limit.
  @Test func sparseAnalysisGivesUpPastItsLimit() throws {
    let chain = try MarkovChain(randomPaths(seed: 4, count: 500, channels: 8, maxLength: 12), order: 3, withNulls: true,
                                isCancelled: { false })
    #expect(try SparseSolver(chain.matrix, workLimit: 1000, isCancelled: { false }) == nil)
    #expect(try SparseSolver(chain.matrix, isCancelled: { false }) != nil)
  }

  /// Gauss–Seidel reports failure instead of returning an unconverged answer.
  @Test func iterationFailsLoudly() throws {
    let chain = try MarkovChain(randomPaths(seed: 4, count: 500, channels: 8, maxLength: 12), order: 2, withNulls: true,
                                isCancelled: { false })
    var solver = IterativeSolver(matrix: chain.matrix)
    solver.maxSweeps = 3
    #expect(throws: ModelError.self) {
      let keep = [Bool](repeating: true, count: chain.count)
      return try solver.solve(keep: keep, rhs: [chain.conversion], isCancelled: { false })
    }
  }
}
