import Foundation
import TQEngine
import TQStorage
import TQSyntax
import Testing

/// The repository root and the shared reference folder beside it.
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
private let reference = root.deletingLastPathComponent().appendingPathComponent("shared/reference")
private let datasets = Datasets(directory: root.appendingPathComponent("datasets").path)

/// Runs a statement and returns its result table.
private func result(_ s: Session, _ text: String) throws -> Table {
  let out = try s.collect(text)
  guard case .table(let t)? = out.last else { throw DiagnosticList([Diagnostic("no table from \(text)")]) }
  return t
}

/// A float column of a result by channel.
private func byChannel(_ t: Table, _ column: String) -> [String: Double] {
  let names = t.columns[0], values = t.column(column)!
  var out: [String: Double] = [:]
  for i in 0..<t.rowCount {
    if case .string(let n) = names.value(at: i) { out[n] = values.value(at: i).asDouble ?? .nan }
  }
  return out
}

/// Relative closeness.
private func close(_ a: Double, _ b: Double, _ tol: Double) -> Bool { abs(a - b) <= tol * max(1, abs(b)) }

/// first, last and linear on the path-aggregated sample equal the reference package's numbers.
@Test func heuristicModelsMatchTheReference() throws {
  let csv = try String(contentsOf: reference.appendingPathComponent("ca_heuristic.csv"), encoding: .utf8)
  let lines = csv.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
  let header = lines[0]
  let s = Session(datasets: datasets)
  let columns = [("first", "first_touch"), ("last", "last_touch"), ("linear", "linear_touch")]
  for (model, prefix) in columns {
    let t = try result(s, "ca_paths | attribute \(model)")
    let conv = byChannel(t, "conversions"), value = byChannel(t, "value")
    let ci = header.firstIndex(of: prefix + "_conversions")!, vi = header.firstIndex(of: prefix + "_value")!
    for row in lines.dropFirst() {
      let ch = row[0]
      #expect(close(conv[ch] ?? .nan, Double(row[ci])!, 1e-6), "\(model) conversions of \(ch)")
      #expect(close(value[ch] ?? .nan, Double(row[vi])!, 1e-6), "\(model) value of \(ch)")
    }
  }
}

/// Order-1 Markov through the whole pipeline (load, paths, model) equals the exact reference.
@Test(arguments: [("markov", "exact_markov_o1.csv"), ("markov without nulls", "exact_markov_o1_nonull.csv")])
func markovMatchesTheReference(_ model: String, _ file: String) throws {
  let csv = try String(contentsOf: reference.appendingPathComponent(file), encoding: .utf8)
  let lines = csv.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
  let t = try result(Session(datasets: datasets), "ca_paths | attribute \(model)")
  let re = byChannel(t, "removal_effect"), rev = byChannel(t, "removal_effect_value")
  let conv = byChannel(t, "conversions"), value = byChannel(t, "value")
  for row in lines.dropFirst() {
    let ch = row[0]
    #expect(close(re[ch] ?? .nan, Double(row[1])!, 1e-9), "removal effect of \(ch)")
    #expect(close(rev[ch] ?? .nan, Double(row[2])!, 1e-9), "value removal effect of \(ch)")
    #expect(close(conv[ch] ?? .nan, Double(row[3])!, 1e-9), "conversions of \(ch)")
    #expect(close(value[ch] ?? .nan, Double(row[4])!, 1e-9), "value of \(ch)")
  }
}

/// Every model's credits sum to the conversions and value of the paths it saw.
@Test func everyModelSharesOutExactlyTheTotals() throws {
  let s = Session(datasets: datasets)
  _ = try s.collect("generate journeys 600 seed 11 as g")
  let totals = try result(s, "g | where event == \"conversion\" | group agg n = count(), v = sum(revenue)")
  let n = totals.column("n")!.value(at: 0).asDouble!, v = totals.column("v")!.value(at: 0).asDouble!
  let models = ["first", "last", "last_non_direct", "linear", "position(40, 20, 40)", "position(30, 0, 10)", "w_shaped",
                "time_decay(7d)", "time_decay(12h)", "j_shaped", "inverse_j", "markov", "markov order 2", "markov order 3",
                "markov without nulls", "shapley"]
  for m in models {
    let t = try result(s, "g | attribute \(m)")
    let c = byChannel(t, "conversions").values.reduce(0, +), val = byChannel(t, "value").values.reduce(0, +)
    #expect(close(c, n, 1e-9), "\(m): conversions \(c) vs \(n)")
    #expect(close(val, v, 1e-9), "\(m): value \(val) vs \(v)")
  }
}

/// A conversion with no touch before it has the empty path `(none)`, and every model credits it.
@Test func emptyPathsAreCreditedToNone() throws {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tq-none-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: dir) }
  try """
    journey_id,ts,channel,event,converted,revenue
    a,2024-01-01T00:00:00Z,direct,conversion,true,10
    b,2024-01-01T00:00:00Z,email,click,false,0
    b,2024-01-02T00:00:00Z,email,conversion,true,20
    """.write(to: dir.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
  let s = Session(datasets: datasets)
  try s.run(SourceFile(name: "t", text: "load \"t.csv\" as t"), directory: dir.path) { _ in }
  for m in ["first", "linear", "markov", "shapley"] {
    let conv = byChannel(try result(s, "t | attribute \(m)"), "conversions")
    #expect(close(conv["(none)"] ?? .nan, 1, 1e-9), "\(m)")
    #expect(close(conv["email"] ?? .nan, 1, 1e-9), "\(m)")
  }
  let len = try result(s, "t | length")
  #expect(len.column("touches")!.value(at: 0) == .int(0))
}
