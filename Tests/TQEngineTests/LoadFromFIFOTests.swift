import Foundation
import TQEngine
import TQSyntax
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `load` of a FIFO reads what the writer sends: looking for a snapshot signature must not
/// open the FIFO (opening and closing it would lose the data and leave the real read waiting).
@Test(.timeLimit(.minutes(1)))
func loadReadsAFIFOOnce() throws {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent("tq-fifo-\(UUID().uuidString).csv").path
  #expect(mkfifo(path, 0o600) == 0)
  defer { unlink(path) }
  let writer = Thread {
    let fd = open(path, O_WRONLY)
    let text = Array("channel,n\nemail,3\n".utf8)
    _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
  }
  writer.start()
  let s = Session(datasets: Datasets(directory: nil))
  try s.run("load \"\(path)\" as f") { _ in }
  #expect(s.tables["f"]?.rowCount == 1)
  #expect(s.tables["f"]?.columns.map(\.name) == ["channel", "n"])
}
