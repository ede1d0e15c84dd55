import Foundation

/// The categories of the generated touch table and the weights that drive the generator.
///
/// Values follow `bench/gen_touchpoints.py` (the benchmark's numpy generator); every list
/// is in a fixed order, which is also the dictionary order of the column it fills.
enum Catalog {
  // MARK: Categories (dictionary order of the columns)

  /// The touchpoint channels; a channel's index is its code everywhere.
  static let channels = [
    "google_organic", "google_ads", "facebook", "instagram", "linkedin", "tiktok", "youtube",
    "email", "newsletter", "referral", "affiliate", "direct", "store", "call_center",
  ]
  /// Traffic-source groups.
  static let sourceGroups = ["search", "social", "referral", "email", "direct", "display", "offline"]
  /// The source group of each channel.
  static let sourceGroupOfChannel: [UInt8] = [0, 0, 1, 1, 1, 1, 5, 3, 3, 2, 2, 4, 6, 6]
  /// Mediums.
  static let mediums = ["organic", "cpc", "social", "email", "referral", "none", "offline"]
  /// The code of medium `cpc` (paid touches are nearly always managed).
  static let cpcMedium = 1
  /// Devices.
  static let devices = ["mobile", "desktop", "tablet", "in_store"]
  /// Buyer personas.
  static let personas = ["budget_hunter", "brand_loyalist", "researcher", "impulse_buyer", "b2b_buyer", "occasional_shopper"]
  /// Journey stages (the five-phase model).
  static let stages = ["awareness", "consideration", "purchase", "retention", "advocacy"]
  /// Row events; `conversion` is the purchase itself.
  static let events = ["impression", "click", "visit", "conversion"]
  /// The code of event `conversion`.
  static let conversionEvent: UInt8 = 3
  /// Touch kinds (code 0 for digital channels, 1 for store and call centre).
  static let touchKinds = ["digital", "physical"]
  /// Whether each channel is physical.
  static let physicalChannel: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]
  /// Managed (run by the company) or spontaneous; code 1 is managed.
  static let managedKinds = ["spontaneous", "managed"]

  /// Channel codes the generator names.
  static let direct = 11, store = 12

  // MARK: Personas

  /// Share of customers per persona.
  static let personaShare = CategoricalTables([[0.22, 0.16, 0.18, 0.17, 0.09, 0.18]])
  /// Baseline P(convert) per persona with no channel, as in gen_touchpoints.py.
  static let benchmarkPersonaBase = [0.006, 0.012, 0.005, 0.009, 0.004, 0.003]
  /// Baseline P(convert) per persona of the bundled dataset: the benchmark's times 15.
  ///
  /// With the benchmark's small baselines few journeys convert (about 4 %) and those that do
  /// are long (about 7 touches, as conversion favours journeys touching many channels).
  /// Fifteen times those baselines give about 12 % converting journeys and about 4.7
  /// touches before a purchase, near the 4 the TNS study reports (DOMAIN.md); channel
  /// effects keep their meaning, since they are incremental over any baseline.
  static let standardPersonaBase = benchmarkPersonaBase.map { $0 * 15 }
  /// Lognormal (mu, sigma) of revenue per persona.
  static let revenueMu = [3.9, 4.5, 4.7, 3.6, 6.3, 4.0]
  static let revenueSigma = [0.5, 0.5, 0.6, 0.7, 0.8, 0.6]

  // MARK: Channel choice

  /// Base channel weights.
  static let baseWeight: [Double] = [14, 12, 12, 10, 3, 6, 6, 9, 5, 4, 4, 9, 3, 2]
  /// Multipliers of channel weights per persona.
  static let personaMultiplier: [[String: Double]] = [
    ["google_ads": 1.5, "affiliate": 2.0, "email": 1.3, "newsletter": 1.5],
    ["direct": 2.0, "email": 1.5, "newsletter": 2.0, "store": 1.5],
    ["google_organic": 2.0, "youtube": 1.5, "referral": 1.5],
    ["tiktok": 3.0, "instagram": 2.0, "facebook": 1.3],
    ["linkedin": 6.0, "google_organic": 1.3, "call_center": 3.0, "tiktok": 0.2, "instagram": 0.4],
    ["store": 2.0, "facebook": 1.2, "direct": 1.2],
  ]
  /// Multipliers for a journey's first touch.
  static let firstMultiplier: [String: Double] = [
    "google_organic": 1.5, "facebook": 1.5, "instagram": 1.5, "tiktok": 1.5, "youtube": 1.5,
    "linkedin": 1.3, "direct": 0.5, "email": 0.5, "newsletter": 0.5, "call_center": 0.5,
  ]
  /// Multipliers for later touches.
  static let laterMultiplier: [String: Double] = ["google_ads": 1.3, "email": 1.3, "direct": 1.5]

  /// Channel tables for touches before a purchase: table `persona * 2 + (first ? 1 : 0)`.
  static let preChannel = CategoricalTables(
    personaMultiplier.flatMap { pm in
      [laterMultiplier, firstMultiplier].map { mult in
        channels.enumerated().map { i, c in baseWeight[i] * (pm[c] ?? 1) * (mult[c] ?? 1) }
      }
    })

  /// Channel table for post-purchase touches (unlisted channels weigh 0.5).
  static let postChannel = CategoricalTables([
    channels.map { ["email": 35, "newsletter": 25, "referral": 10, "store": 10, "call_center": 8, "direct": 8,
                    "facebook": 2, "instagram": 2][$0] ?? 0.5 }
  ])

  /// Chance that a touch repeats the previous touch's channel (before and after a purchase).
  static let stickyPre = 0.35, stickyPost = 0.3

  /// Where a purchase happens: the last touch's channel, else direct, else the store.
  static let conversionAtLastTouch = 0.62, conversionAtDirect = 0.87

  // MARK: Path lengths

  /// Touches before the first purchase: 1...29 with p(k) ∝ k^-1.1 · exp(-k/14) (mean about 4).
  static let preLength: CategoricalTables = {
    let w = (1...29).map { k in pow(Double(k), -1.1) * exp(-Double(k) / 14) }
    return CategoricalTables([w])
  }()
  /// Share of converting journeys that buy again (a second path and conversion).
  static let repeatPurchase = 0.08
  /// Touches of a repeat buyer's second path: geometric on 1, 2, … with this p (mean 2.5).
  static let repeatPathP = 0.4
  /// Chance of no post-purchase touch; otherwise geometric with `postP`.
  static let noPostTouch = 0.4, postP = 0.45
  /// Chance that the last of two or more post-purchase touches is advocacy.
  static let advocacy = 0.35

  // MARK: Per-touch attributes

  /// P(impression, click, visit, conversion | channel); conversion rows are set apart.
  static let event = CategoricalTables([
    [0.0, 0.35, 0.65, 0], [0.45, 0.45, 0.10, 0], [0.65, 0.28, 0.07, 0], [0.68, 0.26, 0.06, 0],
    [0.60, 0.32, 0.08, 0], [0.75, 0.20, 0.05, 0], [0.80, 0.15, 0.05, 0], [0.55, 0.35, 0.10, 0],
    [0.65, 0.28, 0.07, 0], [0.0, 0.30, 0.70, 0], [0.30, 0.55, 0.15, 0], [0.0, 0.0, 1.0, 0],
    [0.0, 0.0, 1.0, 0], [0.0, 0.0, 1.0, 0],
  ])
  /// P(medium | channel), columns in `mediums` order.
  static let medium = CategoricalTables([
    [1, 0, 0, 0, 0, 0, 0], [0, 1, 0, 0, 0, 0, 0], [0, 0.4, 0.6, 0, 0, 0, 0], [0, 0.4, 0.6, 0, 0, 0, 0],
    [0, 0.5, 0.5, 0, 0, 0, 0], [0, 0.3, 0.7, 0, 0, 0, 0], [0, 0.7, 0.3, 0, 0, 0, 0], [0, 0, 0, 1, 0, 0, 0],
    [0, 0, 0, 1, 0, 0, 0], [0, 0, 0, 0, 1, 0, 0], [0, 0.5, 0, 0, 0.5, 0, 0], [0, 0, 0, 0, 0, 1, 0],
    [0, 0, 0, 0, 0, 0, 1], [0, 0, 0, 0, 0, 0, 1],
  ])
  /// P(device | channel), columns in `devices` order.
  static let device: CategoricalTables = {
    let standard = [0.58, 0.34, 0.08, 0.0]
    let special: [String: [Double]] = [
      "linkedin": [0.35, 0.60, 0.05, 0.0], "tiktok": [0.92, 0.03, 0.05, 0.0],
      "instagram": [0.88, 0.06, 0.06, 0.0], "email": [0.50, 0.42, 0.08, 0.0],
      "newsletter": [0.50, 0.42, 0.08, 0.0], "store": [0.0, 0.0, 0.0, 1.0],
      "call_center": [0.85, 0.15, 0.0, 0.0],
    ]
    return CategoricalTables(channels.map { special[$0] ?? standard })
  }()
  /// P(managed | channel) unless the medium is cpc (then 0.97).
  static let managed: [Double] = [0.03, 0.97, 0.35, 0.35, 0.40, 0.30, 0.50, 0.95, 0.90, 0.10, 0.90, 0.02, 0.15, 0.60]
  static let managedCPC = 0.97
  /// Mean cost per impression, click, visit, conversion (4 per channel).
  static let costMean: [Double] = [
    0, 0, 0, 0, 0.02, 1.40, 0, 0, 0.01, 0.70, 0, 0, 0.01, 0.80, 0, 0,
    0.04, 3.50, 0, 0, 0.008, 0.45, 0, 0, 0.015, 0.60, 0, 0, 0.002, 0.002, 0, 0,
    0.001, 0.001, 0, 0, 0, 0, 0, 0, 0, 0.90, 0.30, 0, 0, 0, 0, 0,
    0, 0, 2.50, 0, 0, 0, 4.00, 0,
  ]
  /// Lognormal noise of a cost around its mean (mean 1).
  static let costMu = -0.125, costSigma = 0.5

  // MARK: Campaigns

  /// Campaign names; channels without campaigns have one placeholder each, first.
  static let campaigns: [String] = {
    var names = ["(organic)", "(referral)", "(direct)"]
    for (_, prefix, n) in campaignPools {
      for i in 0..<n { names.append("\(prefix)_\(themes[i % themes.count])_\(threeDigits(i + 1))") }
    }
    return names
  }()
  private static let themes = ["brand", "generic", "retarget", "promo", "seasonal", "prospecting", "loyalty", "launch"]
  private static let campaignPools: [(Int, String, Int)] = [
    (1, "gads", 60), (2, "fb", 40), (3, "ig", 30), (4, "li", 20), (5, "tt", 20), (6, "yt", 20),
    (7, "em", 45), (8, "nl", 25), (10, "aff", 35), (13, "cc", 10), (12, "store", 15),
  ]
  private static func threeDigits(_ n: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, 3 - s.count)) + s
  }
  /// First campaign code of each channel.
  static let campaignStart: [UInt16] = {
    var start = [UInt16](repeating: 0, count: channels.count)
    start[0] = 0; start[9] = 1; start[11] = 2
    var next = 3
    for (ch, _, n) in campaignPools {
      start[ch] = UInt16(next)
      next += n
    }
    return start
  }()
  /// Campaign choice within a channel's pool: index floor(n · u^2.2), so early campaigns dominate.
  ///
  /// Stored as cumulative bounds ((k + 1) / n)^(1 / 2.2) per channel, padded to the largest pool.
  static let campaignChoice: CategoricalTables = {
    let sizes = channels.indices.map { ch in campaignPools.first { $0.0 == ch }?.2 ?? 1 }
    let width = sizes.max()!
    let rows: [[Double]] = sizes.map { n in
      // Weights are the differences of the cumulative bounds; padding weighs nothing.
      let cum = (0..<n).map { k in k == n - 1 ? 1.0 : pow(Double(k + 1) / Double(n), 1 / 2.2) }
      let w = cum.indices.map { k in k == 0 ? cum[0] : cum[k] - cum[k - 1] }
      return w + [Double](repeating: 0, count: width - n)
    }
    return CategoricalTables(rows)
  }()

  // MARK: Time

  /// 2024-01-01T00:00:00Z in seconds since 1970.
  static let t0: Int64 = 1_704_067_200
  /// Journey starts spread over 2024-01-01 ..< 2024-11-30.
  static let startSpan = 334 * 86_400
  /// Gap before a touch before a purchase: lognormal around 6 hours, at most 30 days.
  static let preGapMu = log(6.0 * 3600), preGapSigma = 1.6, preGapMax = 30.0 * 86_400
  /// Gap before a purchase: 1 s plus an exponential with mean 20 minutes.
  static let conversionGapMean = 20.0 * 60
  /// Gap before a post-purchase touch (and before a repeat buyer's return): lognormal around 5 days, at most 90.
  static let postGapMu = log(5.0 * 86_400), postGapSigma = 1.0, postGapMax = 90.0 * 86_400
}
