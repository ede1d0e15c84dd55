import Dispatch
import TQStorage

/// Generates a realistic touch table of customer journeys with a known causal truth.
///
/// The model follows `bench/gen_touchpoints.py`: customers have a persona; a journey has
/// 1…29 touches before its first purchase (heavy-tailed, mean about 4) on channels chosen
/// by persona (first touches favour discovery channels; 35 % of touches repeat the previous
/// channel); it converts with a noisy-OR over the distinct channels touched; a purchase row
/// names where it happened; post-purchase touches follow (retention, then perhaps advocacy).
/// Unlike the benchmark script, `journeys` counts journeys, nothing is truncated, and about
/// 8 % of converting journeys buy again after a short second path.
///
/// Journeys are drawn in chunks of 4,096, each from its own random stream derived from the
/// seed, so chunks run in parallel and the same (journeys, seed, effects) always gives the
/// same table, whatever the number of cores or the platform.
public struct JourneyGenerator: Sendable {
  /// How many journeys to generate.
  public var journeys: Int
  /// The seed of the random streams.
  public var seed: UInt64
  /// The hidden causal parameters.
  public var effects: Effects

  /// Creates a generator of `journeys` journeys.
  public init(journeys: Int, seed: UInt64, effects: Effects = .standard) {
    self.journeys = max(0, journeys)
    self.seed = seed
    self.effects = effects
  }

  /// Journeys per chunk (each chunk has its own random stream; part of the output's definition).
  static let chunkJourneys = 4096
  /// Chunks drawn between two looks at `isCancelled` (about 18,000 rows each).
  static let chunksPerWave = 4

  /// Generates the table, reporting journeys done to `meter` (label "generating") and
  /// stopping when it says the user asked to.
  public func generate(meter: WorkMeter) throws(Interrupted) -> GeneratedJourneys {
    meter.begin(total: journeys, unit: .journeys, label: "generating")
    defer { meter.end() }
    return try generate(isCancelled: meter.isCancelled, advance: meter.advance(by:))
  }

  /// Generates the table; when `isCancelled` turns true (it is asked every ~18k rows) it
  /// stops at once and throws `Interrupted`, building nothing more. `advance` hears how many
  /// more journeys are drawn after each wave.
  public func generate(isCancelled: () -> Bool = { false }, advance: (Int) -> Void = { _ in }) throws(Interrupted)
    -> GeneratedJourneys
  {
    let model = Model(effects: effects)
    let people = Customers(journeys: journeys, seed: seed, share: model.personaShare)
    let chunks = (journeys + Self.chunkJourneys - 1) / Self.chunkJourneys
    var columns = TouchColumns(capacity: journeys * 9 / 2 + 64)
    var offsets: [UInt32] = [0]
    offsets.reserveCapacity(journeys + 1)
    var truth = TruthSums()
    var done = 0  // chunks merged
    while done < chunks {
      if isCancelled() { throw Interrupted() }
      let wave = min(Self.chunksPerWave, chunks - done)
      let results = Self.draw(wave, from: done, journeys: journeys, seed: seed, model: model, people: people)
      for r in results {
        for o in r.offsets { offsets.append(UInt32(columns.count) + o) }
        columns.append(r.rows)
        truth.add(r.truth)
        advance(r.offsets.count)
      }
      done += wave
    }
    if isCancelled() { throw Interrupted() }
    let generated = offsets.count - 1
    let customers = generated == 0 ? 0 : Int(people.code[0..<generated].max()!) + 1
    let width = max(6, String(journeys).count)
    var ids: ([String], [String]) = ([], [])
    Self.inParallel(2) { k in
      if k == 0 { ids.0 = TouchColumns.idStrings(prefix: "j", count: generated, width: width) }
      else { ids.1 = TouchColumns.idStrings(prefix: "c", count: customers, width: width) }
    }
    let table = columns.finish(journeyIDs: ids.0, customerIDs: ids.1, offsets: offsets)
    return GeneratedJourneys(table: table, truth: truth.groundTruth(model: model, journeys: generated))
  }

  /// Draws chunks `first ..< first + count` in parallel; results in chunk order.
  private static func draw(
    _ count: Int, from first: Int, journeys: Int, seed: UInt64, model: Model, people: Customers
  ) -> [ChunkResult] {
    var results = [ChunkResult?](repeating: nil, count: count)
    results.withUnsafeMutableBufferPointer { out in
      nonisolated(unsafe) let out = out
      DispatchQueue.concurrentPerform(iterations: count) { k in
        let c = first + k
        let range = c * chunkJourneys ..< min(journeys, (c + 1) * chunkJourneys)
        var gen = ChunkGenerator(stream: streamSeed(seed, UInt64(c) + 1), model: model, people: people, journeys: range)
        out[k] = gen.run()
      }
    }
    return results.map { $0! }
  }

  /// Runs `body(0 ..< n)` concurrently (bodies write disjoint state).
  private static func inParallel(_ n: Int, _ body: (Int) -> Void) {
    nonisolated(unsafe) let body = body
    DispatchQueue.concurrentPerform(iterations: n) { body($0) }
  }

  /// The seed of random stream `stream` (0: customers; c + 1: chunk c) for a generation seeded `seed`.
  static func streamSeed(_ seed: UInt64, _ stream: UInt64) -> UInt64 {
    var sm = SplitMix64(state: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
    return sm.next()
  }
}

/// Who each journey belongs to: customers drawn from a pool, coded in order of first appearance.
struct Customers: Sendable {
  /// The customer code of each journey.
  let code: [UInt32]
  /// The persona code of each journey (its customer's).
  let persona: [UInt8]

  /// Draws the customers of `journeys` journeys from stream 0 of `seed`.
  ///
  /// A pool of n / 0.7 customers drawn with replacement n times has about 0.72 n distinct ones.
  init(journeys: Int, seed: UInt64, share: CategoricalTables) {
    var rng = Xoshiro256StarStar(seed: JourneyGenerator.streamSeed(seed, 0))
    let pool = max(1, journeys * 10 / 7)
    var slotCode = [Int32](repeating: -1, count: pool)
    var personaOf: [UInt8] = []
    var code = [UInt32](repeating: 0, count: journeys)
    var persona = [UInt8](repeating: 0, count: journeys)
    for j in 0..<journeys {
      let slot = rng.below(pool)
      if slotCode[slot] < 0 {
        slotCode[slot] = Int32(personaOf.count)
        personaOf.append(UInt8(share.sample(group: 0, u: rng.uniform())))
      }
      let c = Int(slotCode[slot])
      code[j] = UInt32(c)
      persona[j] = personaOf[c]
    }
    self.code = code
    self.persona = persona
  }
}

/// What one chunk produced.
struct ChunkResult: @unchecked Sendable {
  /// Its rows.
  let rows: ChunkRows
  /// The start row of each of its journeys after the first, relative to the chunk, and its row count.
  let offsets: [UInt32]
  /// Its share of the truth.
  let truth: TruthSums
}

/// Running sums behind `GroundTruth`.
struct TruthSums: Sendable {
  var incremental = [Double](repeating: 0, count: Catalog.channels.count)
  var converting = 0
  var expectedConverting = 0.0

  /// Adds another chunk's sums (in chunk order, so the total is the same on every run).
  mutating func add(_ o: TruthSums) {
    for c in incremental.indices { incremental[c] += o.incremental[c] }
    converting += o.converting
    expectedConverting += o.expectedConverting
  }

  /// The ground truth of `journeys` journeys drawn from `model`.
  func groundTruth(model: Model, journeys: Int) -> GroundTruth {
    GroundTruth(
      effects: Dictionary(uniqueKeysWithValues: zip(Catalog.channels, model.effect)),
      expectedIncrementalConversions: Dictionary(uniqueKeysWithValues: zip(Catalog.channels, incremental)),
      personaBase: Dictionary(uniqueKeysWithValues: zip(Catalog.personas, model.base)),
      journeys: journeys, convertingJourneys: converting, expectedConvertingJourneys: expectedConverting)
  }
}
