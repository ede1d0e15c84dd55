import TQStorage

/// The hidden truth behind a generated table: what each channel really adds to conversion.
///
/// Conversion follows a noisy-OR over the distinct channels a journey touches before its
/// first purchase: P(convert) = 1 − (1 − base[persona]) · ∏ (1 − effect[c]). Attribution
/// models can be judged against these numbers; `gen_touchpoints.py` writes the same ones
/// to its `.truth.json` sidecar.
public struct GroundTruth: Sendable, Equatable {
  /// The true incremental P(convert) of touching each channel (every channel has an entry).
  public var effects: [String: Double]
  /// Per channel, the expected incremental conversions in this very table: the sum over
  /// journeys touching it of P(convert with it) − P(convert without it).
  public var expectedIncrementalConversions: [String: Double]
  /// Baseline P(convert) of each persona with no channel touched.
  public var personaBase: [String: Double]
  /// The number of journeys generated (fewer than asked when cancelled).
  public var journeys: Int
  /// The number of journeys with at least one conversion.
  public var convertingJourneys: Int
  /// The sum over journeys of P(convert): the expected number of converting journeys.
  public var expectedConvertingJourneys: Double

  /// Creates a ground truth.
  public init(
    effects: [String: Double], expectedIncrementalConversions: [String: Double], personaBase: [String: Double],
    journeys: Int, convertingJourneys: Int, expectedConvertingJourneys: Double
  ) {
    self.effects = effects
    self.expectedIncrementalConversions = expectedIncrementalConversions
    self.personaBase = personaBase
    self.journeys = journeys
    self.convertingJourneys = convertingJourneys
    self.expectedConvertingJourneys = expectedConvertingJourneys
  }
}

/// A generated touch table together with the truth it was drawn from.
public struct GeneratedJourneys: Sendable {
  /// One row per touch in journey order (journey_id, ts), roles detected, journey offsets set.
  public var table: Table
  /// The hidden per-channel effects and what they imply for this table.
  public var truth: GroundTruth

  /// Creates a result.
  public init(table: Table, truth: GroundTruth) {
    self.table = table
    self.truth = truth
  }
}
