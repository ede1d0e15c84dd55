import Foundation
import Testing

/// Scripted lesson sessions piped through the real `tq` binary, compared with golden
/// transcripts (`transcripts/*.tq` → `*.out`), run in name order with one temporary TQ_HOME
/// so that the later ones see the progress the earlier ones saved.
@Suite(.serialized) struct LessonTranscriptTests {
  /// Every transcript gives its golden output, exit status 0, and nothing on stderr.
  @Test func transcriptsMatch() throws {
    let dir = Repo.root.appendingPathComponent("Tests/TQGoldenTests/transcripts")
    let scripts = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tq") }.sorted()
    #expect(scripts.count >= 2)
    let home = try TQProcess.tempDir()
    defer { try? FileManager.default.removeItem(at: home) }
    let env = ["TQ_HOME": home.path, "TQ_LESSONS": Repo.root.appendingPathComponent("lessons").path, "LC_ALL": "C.UTF-8"]
    for script in scripts {
      let input = try String(contentsOf: dir.appendingPathComponent(script), encoding: .utf8)
      let golden = try String(contentsOf: dir.appendingPathComponent(script.replacingOccurrences(of: ".tq", with: ".out")), encoding: .utf8)
      let r = try TQProcess.run(["--mode", "csv"], stdin: input, environment: env)
      #expect(r.status == 0, "\(script): \(r.stderr)")
      #expect(r.stderr.isEmpty, "\(script)")
      #expect(r.stdout == golden, "\(script) differs from its transcript")
    }
    #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent("learn.json").path))
  }
}
