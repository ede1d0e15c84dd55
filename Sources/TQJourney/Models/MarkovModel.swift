import TQStorage
/// The credit of each channel under the Markov removal-effect model.
public struct MarkovResult: Sendable {
  /// Every channel appearing in the paths the model used, in code order.
  public var channels: [String]
  /// 1 − P(conversion with the channel removed) / P(conversion), per channel.
  public var removalEffect: [Double]
  /// 1 − E[value with the channel removed] / E[value], per channel.
  public var removalEffectValue: [Double]
  /// Attributed conversions: removal-effect share × total conversions.
  public var conversions: [Double]
  /// Attributed value: value-removal-effect share × total value.
  public var value: [Double]
  /// P(conversion) from (start) of the fitted chain.
  public var conversionProbability: Double
  /// The number of transient states (order-K windows).
  public var states: Int
}

/// Markov chain attribution by removal effects, solved exactly (LANGUAGE.md, "Attribution models").
///
/// The chain is `MarkovChain`: order-K window states, weighted by the paths. With x the
/// absorption probabilities of (I − Q) x = P(→ conversion), P = Σ start·x. Removing channel c
/// sends every transition into a state containing c to (null) (to a fail sink without nulls).
/// Rather than 1 − P_c / P, which cancels for small channels, the removal effect is computed as
/// (P − P_c) / P: the difference d = x − x_c solves (I − Q_UU) d = Q_US x_S on the states U
/// without c and equals x on the states S with c, so P − P_c = Σ start·d has no subtraction.
/// Value works the same with y, the expected value absorbed, where a conversion ending in state
/// l is worth Σ value / Σ conversions of the paths ending in l. One solve on the whole chain and
/// one per channel, each with both right-hand sides; the sparse solver shares its ordering
/// (`makeSolver` picks dense LU, sparse LU or, when the factors would be dense, Gauss–Seidel).
public enum MarkovModel {
  /// Attributes the conversions and value of `paths` by removal effects of order `order`.
  ///
  /// - Parameters:
  ///   - paths: The paths; conversions without touches count as the channel `(none)`.
  ///   - order: Window length K, 1…4.
  ///   - withNulls: Whether non-converting journeys enter the chain as (null); without, paths
  ///     with 0 conversions are dropped.
  ///   - isCancelled: Polled during long work.
  /// - Returns: Removal effects and credits per channel.
  /// - Throws: `ModelError` for an order outside 1…4 or a chain the iterative fallback cannot
  ///   solve to its tolerance, `Interrupted` when cancelled.
  public static func attribute(_ paths: PathSet, order: Int, withNulls: Bool, isCancelled: () -> Bool = { false })
    throws -> MarkovResult
  {
    guard (1...4).contains(order) else {
      throw ModelError("markov order must be 1 to 4, not \(order)", hint: "use markov order 1, 2, 3 or 4")
    }
    let paths = paths.fillingEmptyPaths()
    let chain = try MarkovChain(paths, order: order, withNulls: withNulls, isCancelled: isCancelled)
    let codes = chain.statesOfChannel.indices.filter { !chain.statesOfChannel[$0].isEmpty }
    let n = chain.count
    var result = MarkovResult(
      channels: codes.map { paths.channelNames[$0] }, removalEffect: [], removalEffectValue: [], conversions: [],
      value: [], conversionProbability: 0, states: n)
    let solver = try makeSolver(chain.matrix, isCancelled: isCancelled)
    let full = try solver.solve(keep: [Bool](repeating: true, count: n), rhs: [chain.conversion, chain.value],
                                isCancelled: isCancelled)
    let p = dot(chain.start, full[0]), ev = dot(chain.start, full[1])
    result.conversionProbability = p
    for c in codes {
      if isCancelled() { throw Interrupted() }
      let (dp, dv) = try removedMass(chain, full, channel: c, solver: solver, isCancelled: isCancelled)
      result.removalEffect.append(p > 0 ? dp / p : 0)
      result.removalEffectValue.append(ev > 0 ? dv / ev : 0)
    }
    result.conversions = distribute(chain.totalConversions, by: result.removalEffect)
    result.value = distribute(chain.totalValue, by: result.removalEffectValue, otherwise: result.removalEffect)
    return result
  }

  /// P − P_c and E − E_c: the conversion probability and expected value lost without channel `c`.
  private static func removedMass(_ chain: MarkovChain, _ full: [[Double]], channel c: Int,
                                  solver: any AbsorbingSolver, isCancelled: () -> Bool) throws -> (Double, Double)
  {
    let removed = chain.statesOfChannel[c]
    var keep = [Bool](repeating: true, count: chain.count)
    for s in removed { keep[s] = false }
    var bx = [Double](repeating: 0, count: chain.count), by = bx
    let q = chain.matrix
    for s in 0..<chain.count where keep[s] {
      for e in q.rowStart[s]..<q.rowStart[s + 1] where !keep[Int(q.columns[e])] {
        bx[s] += q.probabilities[e] * full[0][Int(q.columns[e])]
        by[s] += q.probabilities[e] * full[1][Int(q.columns[e])]
      }
    }
    let d = try solver.solve(keep: keep, rhs: [bx, by], isCancelled: isCancelled)
    var dp = dot(chain.start, d[0]), dv = dot(chain.start, d[1])
    for s in removed {
      dp += chain.start[s] * full[0][s]
      dv += chain.start[s] * full[1][s]
    }
    return (dp, dv)
  }
}

/// Σ a·b.
func dot(_ a: [Double], _ b: [Double]) -> Double {
  zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
}

/// `total` split in proportion to `weights`, else to `otherwise`, else equally.
///
/// The fallbacks keep credits summing to `total` when no weight is positive (a chain where no
/// value is reachable, or no conversion at all).
func distribute(_ total: Double, by weights: [Double], otherwise: [Double]? = nil) -> [Double] {
  let sum = weights.reduce(0, +)
  if sum > 0 { return weights.map { total * $0 / sum } }
  if let otherwise { return distribute(total, by: otherwise) }
  return weights.map { _ in total / Double(weights.count) }
}

/// A model cannot run on this data.
public struct ModelError: Error, Sendable {
  /// What is wrong.
  public var message: String
  /// What to do about it.
  public var hint: String?

  /// Creates the error.
  public init(_ message: String, hint: String? = nil) {
    self.message = message
    self.hint = hint
  }
}
