import Foundation
import TQEngine
import TQIO
import TQStorage
import TQSyntax

/// Runs a golden file against a fresh session and reports every mismatch.
///
/// With `TQ_GOLDEN_RECORD=1` in the environment the runner rewrites the expected blocks
/// with what tq printed, saves the file, and still reports failure so that a recorded
/// run never passes by accident.
public struct GoldenRunner {
  /// The datasets bundled with tq.
  public let datasets: Datasets

  /// Creates a runner.
  public init(datasets: Datasets) { self.datasets = datasets }

  /// Runs the file at `path`; returns the failures (empty when everything matched).
  public func run(path: String) throws -> [String] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var file = try GoldenFile(path: path, text: text)
    let session = Session(datasets: datasets)
    let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
    let record = ProcessInfo.processInfo.environment["TQ_GOLDEN_RECORD"] == "1"
    var failures: [String] = []
    var rewrites: [(Int, Int, [String])] = []
    for r in file.records {
      let whereText = "\(path):\(r.line)"
      var outputs: [Output] = []
      var error: String?
      do {
        try session.run(SourceFile(name: "tq", text: r.text), directory: dir) { outputs.append($0) }
      } catch let e {
        error = String(describing: e)
      }
      let actual: [String]
      switch r.kind {
      case .statementOK:
        if let error { failures.append("\(whereText): expected success, got:\n\(error)") }
        continue
      case .statementError:
        guard let error else {
          failures.append("\(whereText): expected an error, statement succeeded")
          continue
        }
        let want = (r.expected ?? []).joined(separator: "\n")
        if !error.contains(want) || record { failures.append("\(whereText): error text mismatch\nexpected to contain:\n\(want)\nactual:\n\(error)") }
        actual = error.components(separatedBy: "\n")
      case .diagnostic:
        guard let error else {
          failures.append("\(whereText): expected a diagnostic, statement succeeded")
          continue
        }
        actual = error.components(separatedBy: "\n")
        if actual != (r.expected ?? []) { failures.append("\(whereText): diagnostic mismatch\nexpected:\n\((r.expected ?? []).joined(separator: "\n"))\nactual:\n\(error)") }
      case .query(let types, let rowsort):
        if let error {
          failures.append("\(whereText): query failed:\n\(error)")
          continue
        }
        guard case .table(let t)? = outputs.last(where: { if case .table = $0 { return true } else { return false } }) else {
          failures.append("\(whereText): query printed no table")
          continue
        }
        let letters = String(t.columns.map { $0.type.sqllogicLetter })
        if letters != types { failures.append("\(whereText): column types \(letters), record says \(types)") }
        var rows = TableRenderer.sqllogicRows(t)
        var want = r.expected ?? []
        if rowsort {
          rows.sort()
          want.sort()
        }
        actual = rows
        if !Self.rowsMatch(rows, want, types: Array(letters)) {
          failures.append("\(whereText): result mismatch\nexpected:\n\(want.joined(separator: "\n"))\nactual:\n\(rows.joined(separator: "\n"))")
        }
      }
      if record, let span = r.expectedSpan { rewrites.append((span.start, span.count, actual)) }
    }
    if record, !rewrites.isEmpty {
      for (start, count, new) in rewrites.reversed() { file.lines.replaceSubrange(start..<(start + count), with: new) }
      try file.lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
      failures.append("\(path): recorded new expectations (TQ_GOLDEN_RECORD=1); rerun without it")
    }
    return failures
  }

  /// Whether result rows match the expected ones: equal text, except that values of `R`
  /// columns may differ by a relative 1e-12.
  static func rowsMatch(_ rows: [String], _ want: [String], types: [Character]) -> Bool {
    guard rows.count == want.count else { return false }
    for (a, b) in zip(rows, want) where a != b {
      let x = a.split(separator: "\t", omittingEmptySubsequences: false)
      let y = b.split(separator: "\t", omittingEmptySubsequences: false)
      guard x.count == y.count else { return false }
      for (i, (u, v)) in zip(x, y).enumerated() where u != v {
        guard i < types.count, types[i] == "R", let p = Double(u), let q = Double(v),
          abs(p - q) <= 1e-12 * max(abs(p), abs(q))
        else { return false }
      }
    }
    return true
  }
}
