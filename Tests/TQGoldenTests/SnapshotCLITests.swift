import Foundation
import Testing

/// A snapshot write that fails part-way (here: the file size limit, which binds root too)
/// reports the error and leaves the previous file byte for byte.
@Test func failedSnapshotWriteKeepsThePreviousFile() throws {
  let dir = try TQProcess.tempDir()
  defer { try? FileManager.default.removeItem(at: dir) }
  let first = try TQProcess.run(["-c", "generate journeys 20 seed 1 as g\nsave g to \"t.tqc\""], directory: dir)
  #expect(first.status == 0)
  let file = dir.appendingPathComponent("t.tqc")
  let before = try Data(contentsOf: file)
  let p = Process()
  p.executableURL = URL(fileURLWithPath: "/bin/sh")
  // SIGXFSZ ignored, so that write(2) fails with EFBIG instead of killing tq; 64 blocks is far
  // below the size of the bigger snapshot.
  p.arguments = ["-c", "trap '' XFSZ; ulimit -f 64; exec \"$0\" -c 'generate journeys 3000 seed 2 as g\nsave g to \"t.tqc\"'",
                 TQProcess.binary]
  p.currentDirectoryURL = dir
  let err = Pipe()
  p.standardError = err
  p.standardOutput = Pipe()
  try p.run()
  let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  p.waitUntilExit()
  #expect(p.terminationStatus == 1)
  #expect(message.contains("cannot write t.tqc: File too large"), "\(message)")
  #expect(try Data(contentsOf: file) == before)
  #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["t.tqc"])
}
