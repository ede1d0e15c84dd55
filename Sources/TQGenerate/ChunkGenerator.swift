/// Draws the journeys of one chunk from its own random stream.
struct ChunkGenerator {
  var rng: Xoshiro256StarStar
  let model: Model
  let people: Customers
  let journeys: Range<Int>
  let rows: ChunkRows
  var offsets: [UInt32] = []
  var truth = TruthSums()
  /// Channels of the current path (reused buffer).
  var path: [UInt8] = []

  /// Prepares to draw `journeys` from stream seed `stream`.
  init(stream: UInt64, model: Model, people: Customers, journeys: Range<Int>) {
    rng = Xoshiro256StarStar(seed: stream)
    self.model = model
    self.people = people
    self.journeys = journeys
    rows = ChunkRows(capacity: journeys.count * 9 / 2 + 64)
    offsets.reserveCapacity(journeys.count)
    path.reserveCapacity(64)
  }

  /// Draws every journey of the chunk.
  mutating func run() -> ChunkResult {
    for j in journeys {
      journey(j)
      offsets.append(UInt32(rows.count))
    }
    return ChunkResult(rows: rows, offsets: offsets, truth: truth)
  }

  /// Who the rows being written belong to.
  struct Context {
    let journey: UInt32
    let customer: UInt32
    let persona: Int
  }

  /// Draws journey `j` and appends its rows.
  mutating func journey(_ j: Int) {
    let persona = Int(people.persona[j])
    let ctx = Context(journey: UInt32(j), customer: people.code[j], persona: persona)

    // Touches before the first purchase and the noisy-OR over their distinct channels.
    let kPre = 1 + model.preLength.sample(group: 0, u: rng.uniform())
    drawPath(kPre, persona: persona, firstIsNew: true)
    var mask = 0
    for c in path { mask |= 1 << Int(c) }
    let notBase = 1 - model.base[persona]
    let pConvert = 1 - notBase * model.survival[mask]
    truth.expectedConverting += pConvert
    var m = mask
    while m != 0 {
      let c = m.trailingZeroBitCount
      // P(convert with c) − P(convert without c) = survival without c · effect[c].
      truth.incremental[c] += notBase * model.survival[mask & ~(1 << c)] * model.effect[c]
      m &= m - 1
    }
    let converts = rng.uniform() < pConvert

    // Stages rise from awareness towards the furthest stage this journey reaches.
    let u = rng.uniform()
    let maxStage = converts ? (u < 0.5 ? 1 : 2) : (u < 0.45 ? 0 : (u < 0.85 ? 1 : 2))
    var t = Catalog.t0 + Int64(rng.below(Catalog.startSpan))
    for p in 0..<kPre {
      if p > 0 { t += preGap() }
      touch(ctx, at: t, channel: Int(path[p]), stage: min(maxStage, p * (maxStage + 1) / kPre))
    }
    guard converts else { return }

    truth.converting += 1
    t += conversionGap()
    purchase(ctx, at: t, lastChannel: Int(path[kPre - 1]))
    // A repeat buyer comes back days later, through a short path, and buys again.
    if rng.uniform() < Catalog.repeatPurchase {
      let k = rng.geometric(Catalog.repeatPathP)
      drawPath(k, persona: persona, firstIsNew: false)
      for p in 0..<k {
        t += p == 0 ? postGap() : preGap()
        touch(ctx, at: t, channel: Int(path[p]), stage: 1 + p * 2 / k)
      }
      t += conversionGap()
      purchase(ctx, at: t, lastChannel: Int(path[k - 1]))
    }
    // Post-purchase touches: retention, the last one perhaps advocacy.
    let kPost = rng.uniform() < Catalog.noPostTouch ? 0 : rng.geometric(Catalog.postP)
    let advocacy = kPost >= 2 && rng.uniform() < Catalog.advocacy
    var previous = 0
    for p in 0..<kPost {
      t += postGap()
      let ch = p > 0 && rng.uniform() < Catalog.stickyPost
        ? previous : model.postChannel.sample(group: 0, u: rng.uniform())
      touch(ctx, at: t, channel: ch, stage: advocacy && p == kPost - 1 ? 4 : 3)
      previous = ch
    }
  }

  /// Fills `path` with `k` channels: persona weights, 35 % repeats of the previous channel.
  private mutating func drawPath(_ k: Int, persona: Int, firstIsNew: Bool) {
    path.removeAll(keepingCapacity: true)
    var previous: UInt8 = 0
    for p in 0..<k {
      if p == 0 || rng.uniform() >= Catalog.stickyPre {
        let group = persona * 2 + (p == 0 && firstIsNew ? 1 : 0)
        previous = UInt8(model.preChannel.sample(group: group, u: rng.uniform()))
      }
      path.append(previous)
    }
  }

  /// Appends one touch on `ch` with its event and cost.
  private mutating func touch(_ ctx: Context, at t: Int64, channel ch: Int, stage: Int) {
    let event = model.event.sample(group: ch, u: rng.uniform())
    let mean = model.costMean[ch * 4 + event]
    var cost = 0.0
    if mean > 0 {
      let draw = mean * rng.lognormal(mu: Catalog.costMu, sigma: Catalog.costSigma)
      cost = (draw * 100).rounded(.toNearestOrEven) / 100
    }
    append(ctx, at: t, channel: ch, stage: stage, event: event, revenue: 0, cost: cost)
  }

  /// Appends a purchase: on the last touch's channel (62 %), else direct (25 %), else the store.
  private mutating func purchase(_ ctx: Context, at t: Int64, lastChannel: Int) {
    let u = rng.uniform()
    let ch = u < Catalog.conversionAtLastTouch ? lastChannel : (u < Catalog.conversionAtDirect ? Catalog.direct : Catalog.store)
    let draw = rng.lognormal(mu: model.revenueMu[ctx.persona], sigma: model.revenueSigma[ctx.persona])
    let cents = max(100, Int64(draw * 100))
    append(ctx, at: t, channel: ch, stage: 2, event: Int(Catalog.conversionEvent), revenue: Double(cents) / 100, cost: 0)
  }

  /// Draws the medium, device, managed flag and campaign of a row on `ch` and appends it.
  @inline(__always) private mutating func append(
    _ ctx: Context, at t: Int64, channel ch: Int, stage: Int, event: Int, revenue: Double, cost: Double
  ) {
    let medium = model.medium.sample(group: ch, u: rng.uniform())
    let device = model.device.sample(group: ch, u: rng.uniform())
    let pManaged = medium == Catalog.cpcMedium ? Catalog.managedCPC : model.managed[ch]
    let managed: UInt8 = rng.uniform() < pManaged ? 1 : 0
    let campaign = model.campaignStart[ch] + UInt16(truncatingIfNeeded: model.campaignChoice.sample(group: ch, u: rng.uniform()))
    rows.append(
      journey: ctx.journey, customer: ctx.customer, ts: t * 1_000_000, channel: ch, sourceGroup: model.sourceGroup[ch],
      medium: medium, campaign: campaign, device: device, persona: ctx.persona, stage: stage,
      touchKind: model.touchKind[ch], managed: managed, event: event, revenue: revenue, cost: cost)
  }

  /// Seconds before a touch that follows another touch (at least 1).
  private mutating func preGap() -> Int64 {
    max(1, Int64(min(rng.lognormal(mu: model.preGapMu, sigma: Catalog.preGapSigma), Catalog.preGapMax)))
  }

  /// Seconds from the last touch to the purchase (at least 1).
  private mutating func conversionGap() -> Int64 { Int64(1 + rng.exponential(mean: Catalog.conversionGapMean)) }

  /// Seconds before a post-purchase touch or a repeat buyer's return (at least 1).
  private mutating func postGap() -> Int64 {
    max(1, Int64(min(rng.lognormal(mu: model.postGapMu, sigma: Catalog.postGapSigma), Catalog.postGapMax)))
  }
}
