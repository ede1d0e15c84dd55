/// Everything a chunk of journeys is drawn from: the catalog's tables and the effects, resolved to codes.
///
/// Built once per generation and shared read-only by the threads that draw chunks.
struct Model: Sendable {
  /// Effect of each channel, by channel code.
  let effect: [Double]
  /// Baseline P(convert) of each persona, by persona code.
  let base: [Double]
  /// ∏ (1 − effect[c]) over the channels of each bit mask of channels.
  let survival: [Double]
  let personaShare = Catalog.personaShare
  let preLength = Catalog.preLength
  let preChannel = Catalog.preChannel
  let postChannel = Catalog.postChannel
  let event = Catalog.event
  let medium = Catalog.medium
  let device = Catalog.device
  let campaignChoice = Catalog.campaignChoice
  let campaignStart = Catalog.campaignStart
  let costMean = Catalog.costMean
  let managed = Catalog.managed
  let sourceGroup = Catalog.sourceGroupOfChannel
  let touchKind = Catalog.physicalChannel
  let revenueMu = Catalog.revenueMu
  let revenueSigma = Catalog.revenueSigma
  let preGapMu = Catalog.preGapMu
  let postGapMu = Catalog.postGapMu

  /// Resolves `effects` to codes (missing channels and personas get 0; values are clamped to 0…1).
  init(effects: JourneyGenerator.Effects) {
    effect = Catalog.channels.map { min(1, max(0, effects.perChannel[$0] ?? 0)) }
    base = Catalog.personas.map { min(1, max(0, effects.personaBase[$0] ?? 0)) }
    var s = [Double](repeating: 1, count: 1 << Catalog.channels.count)
    for m in 1..<s.count { s[m] = s[m & (m - 1)] * (1 - effect[m.trailingZeroBitCount]) }
    survival = s
  }
}
