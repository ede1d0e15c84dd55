import Foundation
import TQEngine
import TQTestSupport
import Testing

/// Paths of the repository, found from this file's location.
enum Repo {
  /// The repository root.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  /// The bundled datasets.
  static let datasets = Datasets(directory: root.appendingPathComponent("datasets").path)

  /// Every golden file under Tests/Golden, relative to the root.
  static func goldenFiles() -> [String] {
    let dir = root.appendingPathComponent("Tests/Golden")
    guard let e = FileManager.default.enumerator(atPath: dir.path) else { return [] }
    return e.compactMap { $0 as? String }.filter { $0.hasSuffix(".tq") }.sorted().map { "Tests/Golden/" + $0 }
  }
}

/// Every golden `.tq` file passes.
@Test(arguments: Repo.goldenFiles())
func golden(_ file: String) throws {
  let failures = try GoldenRunner(datasets: Repo.datasets).run(path: Repo.root.appendingPathComponent(file).path)
  #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
}

/// The golden corpus exists (a missing folder must not pass silently).
@Test func goldenCorpusIsPresent() {
  #expect(Repo.goldenFiles().count >= 10)
}
