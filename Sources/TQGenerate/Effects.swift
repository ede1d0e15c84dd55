extension JourneyGenerator {
  /// The hidden causal parameters of a generated table: per-channel effects and per-persona baselines.
  public struct Effects: Sendable, Equatable {
    /// True incremental P(convert) of touching each channel (noisy-OR); unlisted channels add nothing.
    public var perChannel: [String: Double]
    /// Baseline P(convert) of each persona with no channel; unlisted personas have 0.
    public var personaBase: [String: Double]

    /// Creates effects; the persona baselines default to those of the bundled dataset.
    public init(perChannel: [String: Double], personaBase: [String: Double]? = nil) {
      self.perChannel = perChannel
      self.personaBase = personaBase ?? Self.named(Catalog.personas, Catalog.standardPersonaBase)
    }

    /// `TRUE_EFFECT` of gen_touchpoints.py, with the bundled dataset's persona baselines.
    public static let standard = Effects(perChannel: [
      "google_organic": 0.014, "google_ads": 0.022, "facebook": 0.007, "instagram": 0.005,
      "linkedin": 0.009, "tiktok": 0.002, "youtube": 0.004, "email": 0.020,
      "newsletter": 0.004, "referral": 0.030, "affiliate": 0.012, "direct": 0.010,
      "store": 0.040, "call_center": 0.025,
    ])

    /// `TRUE_EFFECT` with gen_touchpoints.py's own persona baselines (few, long converting journeys).
    public static let benchmark = Effects(
      perChannel: standard.perChannel, personaBase: named(Catalog.personas, Catalog.benchmarkPersonaBase))

    private static func named(_ names: [String], _ values: [Double]) -> [String: Double] {
      Dictionary(uniqueKeysWithValues: zip(names, values))
    }
  }
}
