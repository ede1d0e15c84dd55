import Foundation
import TQEngine
import TQGenerate
import TQStorage
import TQSyntax
import Testing

/// A session that knows no bundled datasets.
private func session() -> Session { Session(datasets: Datasets(directory: nil)) }

/// The one table a statement gives.
private func table(_ s: Session, _ text: String) throws -> Table {
  guard case .table(let t)? = try s.collect(text).last else { throw DiagnosticList([Diagnostic("no table from \(text)")]) }
  return t
}

/// The first diagnostic of a statement that must fail.
private func failure(_ s: Session, _ text: String) -> Diagnostic? {
  do {
    _ = try s.collect(text)
    return nil
  } catch {
    return (error as? DiagnosticList)?.diagnostics.first
  }
}

/// The source columns (1-based) a diagnostic's range spans in a one-line statement.
private func columns(_ d: Diagnostic?) -> ClosedRange<Int>? {
  guard case .source(_, let r)? = d?.location else { return nil }
  return (r.start + 1)...r.end
}

/// Spearman's correlation computed another way: each value's rank is 1 + the values below it
/// + half the other values equal to it; then Pearson's formula on the ranks.
private func spearmanOracle(_ x: [Double], _ y: [Double]) -> Double {
  func ranks(_ v: [Double]) -> [Double] {
    v.map { a in 1 + Double(v.filter { $0 < a }.count) + Double(v.filter { $0 == a }.count - 1) / 2 }
  }
  let rx = ranks(x), ry = ranks(y), n = Double(x.count)
  let mx = rx.reduce(0, +) / n, my = ry.reduce(0, +) / n
  let cov = zip(rx, ry).map { ($0 - mx) * ($1 - my) }.reduce(0, +)
  let vx = rx.map { ($0 - mx) * ($0 - mx) }.reduce(0, +), vy = ry.map { ($0 - my) * ($0 - my) }.reduce(0, +)
  return cov / (vx * vy).squareRoot()
}

/// `effects [...]` replaces those channels' effects in the truth kept with the table; the others stay standard.
@Test func generateKeepsTheGivenEffects() throws {
  let s = session()
  _ = try s.collect("generate journeys 2000 seed 3 effects [email = 0.05, \"facebook\" = 0.01, tiktok = 0] as g")
  let truth = try #require(s.truths["g"])
  #expect(truth.effects["email"] == 0.05 && truth.effects["facebook"] == 0.01 && truth.effects["tiktok"] == 0)
  #expect(truth.effects["store"] == JourneyGenerator.Effects.standard.perChannel["store"])
  #expect(truth.expectedIncrementalConversions["tiktok"] == 0)
  _ = try s.collect("generate journeys 2000 seed 3 as plain")
  #expect(s.truths["plain"]?.effects == JourneyGenerator.Effects.standard.perChannel)
}

/// Bad effects are errors on the channel or on the number.
@Test func badEffectsAreErrors() {
  let s = session()
  let unknown = failure(s, "generate journeys 10 effects [emial = 0.1]")
  #expect(unknown?.message == "unknown channel \"emial\"" && unknown?.hint == "did you mean \"email\"?")
  #expect(columns(unknown) == 31...35)
  for (text, span) in [("generate journeys 10 effects [email = 1.5]", 39...41), ("generate journeys 10 effects [email = 1]", 39...39),
                       ("generate journeys 10 effects [email = -0.1]", 39...42), ("generate journeys 10 effects [email = \"x\"]", 39...41)] {
    let d = failure(s, text)
    #expect(d?.message == "an effect is a probability from 0 up to (not including) 1", "\(text)")
    #expect(columns(d) == span, "\(text): \(String(describing: columns(d)))")
  }
  #expect(failure(s, "generate journeys 10 effects [email = 0.1, email = 0.2]")?.message == "channel \"email\" is given twice")
  #expect(failure(s, "generate journeys 10 effects email = 0.1")?.message == "expected \"[\" after \"effects\"")
}

/// `vs truth`: a truth column equal to the generator's expected incremental conversions, and per
/// model Spearman and the mean absolute error of shares, computed independently here.
@Test func compareVersusTruth() throws {
  let s = session()
  _ = try s.collect("generate journeys 6000 seed 11 effects [email = 0.06] as g")
  let truth = try #require(s.truths["g"]).expectedIncrementalConversions
  let models = ["first", "last", "linear", "markov", "shapley"]
  let t = try table(s, "g | attribute compare \(models.joined(separator: ", ")) vs truth")
  #expect(t.columns.map(\.name) == ["channel"] + models + ["truth"])
  let names = (0..<t.rowCount).map { i -> String in
    if case .string(let n) = t.columns[0].value(at: i) { return n }
    return ""
  }
  #expect(Array(names.suffix(2)) == ["(spearman)", "(mae_share)"])
  let channels = Array(names.dropLast(2))
  #expect(Set(channels) == Set(JourneyGenerator.channels))
  func column(_ name: String) -> [Double] { (0..<t.rowCount).map { t.column(name)!.value(at: $0).asDouble! } }
  let truthColumn = column("truth")
  for (i, c) in channels.enumerated() { #expect(truthColumn[i] == truth[c], "truth of \(c)") }
  #expect(truthColumn[channels.count] == 1 && truthColumn[channels.count + 1] == 0)
  let trueValues = channels.map { truth[$0]! }, trueTotal = trueValues.reduce(0, +)
  for m in models {
    let v = column(m), credits = Array(v.prefix(channels.count)), total = credits.reduce(0, +)
    let rho = spearmanOracle(credits, trueValues)
    #expect(abs(v[channels.count] - rho) < 1e-12, "spearman of \(m): \(v[channels.count]) vs \(rho)")
    let gaps: [Double] = zip(credits, trueValues).map { (c: Double, t: Double) -> Double in abs(c / total - t / trueTotal) }
    let mae = gaps.reduce(0, +) / Double(channels.count)
    #expect(abs(v[channels.count + 1] - mae) < 1e-12, "mae_share of \(m)")
    #expect(v[channels.count] < 1)
  }
}

/// `vs truth` needs a generated table, read directly, by channel, on conversions.
@Test func versusTruthNeedsAGeneratedTable() {
  let s = Session(datasets: Datasets(directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("datasets").path))
  let shop = failure(s, "shop | attribute compare first, last vs truth")
  #expect(shop?.message == "table \"shop\" has no known truth: only tables made by generate carry one")
  #expect(columns(shop) == 41...45)
  _ = try? s.collect("generate journeys 500 seed 1 as g")
  #expect(failure(s, "g | where persona == \"researcher\" | attribute compare first vs truth")?.message
    == "vs truth needs the generated table itself: its truth is known for all of its journeys")
  #expect(failure(s, "g | attribute compare first vs truth on value")?.message == "vs truth compares conversions, not value")
  #expect(failure(s, "g | attribute compare first by source_group vs truth")?.message
    == "vs truth needs the channel column: the truth is known per channel")
  #expect(failure(s, "g | attribute compare first vs lies")?.message == "expected \"truth\" after \"vs\"")
  _ = try? s.collect("let g = shop | take 100")
  #expect(failure(s, "g | attribute compare first vs truth")?.message == "table \"g\" has no known truth: only tables made by generate carry one")
  _ = try? s.collect("generate journeys 500 seed 1 as g; drop g")
  #expect(s.truths["g"] == nil)
}
