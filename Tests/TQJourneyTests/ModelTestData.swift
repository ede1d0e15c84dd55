import Foundation
import TQJourney

/// The reference folder (`../shared/reference` next to the repository).
let referenceDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/reference")

/// Whether the reference files are present.
let hasReference = FileManager.default.fileExists(atPath: referenceDir.appendingPathComponent("ca_data.csv").path)

/// The rows of a reference CSV file (no quoting), header first.
func referenceRows(_ name: String) throws -> [[String]] {
  let text = try String(contentsOf: referenceDir.appendingPathComponent(name), encoding: .utf8)
  return text.split(whereSeparator: \.isNewline).map { line in
    line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
  }
}

/// `ca_data.csv` as a path set: paths split on ">" and trimmed, rows with the same path summed.
func loadCAData() throws -> PathSet {
  var builder = PathBuilder()
  for row in try referenceRows("ca_data.csv").dropFirst() {
    let names = row[0].split(separator: ">").map { $0.trimmingCharacters(in: .whitespaces) }
    builder.add(names, conversions: Double(row[1])!, value: Double(row[2])!, nulls: Double(row[3])!)
  }
  return builder.pathSet
}

/// The reference per-channel numbers of a `channel_name,…` CSV file, by channel and column name.
func referenceTable(_ name: String) throws -> [String: [String: Double]] {
  let rows = try referenceRows(name)
  var out: [String: [String: Double]] = [:]
  for row in rows.dropFirst() {
    out[row[0]] = Dictionary(uniqueKeysWithValues: zip(rows[0].dropFirst(), row.dropFirst().map { Double($0)! }))
  }
  return out
}

/// Builds path sets from channel names, summing rows with the same path.
struct PathBuilder {
  private var names: [String] = [], codeOf: [String: UInt32] = [:], rowOf: [[UInt32]: Int] = [:]
  private var paths: [[UInt32]] = [], conversions: [Double] = [], values: [Double] = [], nulls: [Double] = []

  /// An empty builder; `channels` fixes the first codes.
  init(channels: [String] = []) {
    for c in channels { _ = code(c) }
  }

  private mutating func code(_ name: String) -> UInt32 {
    if let c = codeOf[name] { return c }
    codeOf[name] = UInt32(names.count)
    names.append(name)
    return UInt32(names.count - 1)
  }

  /// Adds one row.
  mutating func add(_ path: [String], conversions c: Double, value v: Double = 0, nulls n: Double = 0) {
    let codes = path.map { code($0) }
    let r = rowOf[codes] ?? paths.count
    if r == paths.count {
      rowOf[codes] = r
      paths.append(codes)
      conversions.append(0)
      values.append(0)
      nulls.append(0)
    }
    conversions[r] += c
    values[r] += v
    nulls[r] += n
  }

  /// Adds one row given as `a > b > c`.
  mutating func add(_ path: String, conversions c: Double, value v: Double = 0, nulls n: Double = 0) {
    add(path.split(separator: ">").map { $0.trimmingCharacters(in: .whitespaces) }, conversions: c, value: v, nulls: n)
  }

  /// The path set.
  var pathSet: PathSet {
    var offsets = [0]
    for p in paths { offsets.append(offsets.last! + p.count) }
    return PathSet(channelNames: names, touches: paths.flatMap { $0 }, offsets: offsets, conversions: conversions,
                   values: values, nulls: nulls)
  }
}

/// A small deterministic generator (SplitMix64).
struct SeededRandom: RandomNumberGenerator {
  private var state: UInt64

  /// A generator starting at `seed`.
  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Random paths over `channels` channels: 1…`maxLength` touches, repeats likely, conversions
/// 0…2, nulls 0…3 and value only with conversions.
func randomPaths(seed: UInt64, count: Int, channels: Int, maxLength: Int = 8) -> PathSet {
  var rng = SeededRandom(seed: seed)
  var b = PathBuilder(channels: (0..<channels).map { "c\($0)" })
  for _ in 0..<count {
    let length = Int.random(in: 1...maxLength, using: &rng)
    var path: [String] = []
    for _ in 0..<length {
      let repeatLast = !path.isEmpty && Bool.random(using: &rng)
      path.append(repeatLast ? path.last! : "c\(Int.random(in: 0..<channels, using: &rng))")
    }
    let conv = Double(Int.random(in: 0...2, using: &rng)), nulls = Double(Int.random(in: 0...3, using: &rng))
    b.add(path, conversions: conv, value: conv * Double.random(in: 0...50, using: &rng).rounded(), nulls: nulls)
  }
  return b.pathSet
}

/// Whether `a` and `b` agree to `tolerance` relative (absolute near 0).
func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
  abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-300) || abs(a - b) < 1e-14
}
