import Foundation
import TQEngine
import TQShell

/// The repository root, found from this file.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()
/// The bundled datasets (`shop`, `ca_paths`).
let bundledDatasets = Datasets(directory: repositoryRoot.appendingPathComponent("datasets").path)

/// What a shell wrote: stdout, stderr, and both interleaved as on a terminal.
final class Transcript {
  /// Everything written to stdout (prompts included).
  var out = ""
  /// Everything written to stderr.
  var err = ""
  /// Both, in order.
  var all = ""

  /// An output description that writes here.
  func io(width: Int? = 100, terminal: Bool = true, color: Bool = false) -> ShellIO {
    ShellIO(
      out: { [unowned self] in out += $0; all += $0 }, err: { [unowned self] in err += $0; all += $0 },
      width: { width }, outIsTerminal: terminal, outStyle: Style(enabled: color), errStyle: Style(enabled: color))
  }
}

/// A shell over a fresh session, fed with scripted lines.
final class ScriptedShell {
  /// The session.
  let session = Session(datasets: bundledDatasets)
  /// What it wrote.
  let transcript = Transcript()
  /// Ctrl-C for the session.
  let interrupt = InterruptFlag()
  /// The history.
  let history: ShellHistory
  /// The input processor.
  let processor: InputProcessor

  /// Creates a shell; `file` backs the history when given.
  init(width: Int? = 100, terminal: Bool = true, color: Bool = false, file: HistoryFile? = nil) {
    history = ShellHistory(file: file, limit: 100) { [transcript] in transcript.err += $0 + "\n" }
    processor = InputProcessor(session: session, io: transcript.io(width: width, terminal: terminal, color: color),
                               history: history, interrupt: interrupt)
    session.isCancelled = { [interrupt] in interrupt.isRaised }
  }

  /// Runs the events until they end; returns the exit status.
  @discardableResult
  func run(_ events: [LineEvent]) -> Int32 {
    Shell(processor: processor, reader: PlainLineReader(events: events, echo: { [transcript] in
      transcript.out += $0
      transcript.all += $0
    })).run()
  }

  /// Runs lines until they end; returns the exit status.
  @discardableResult
  func run(_ lines: [String]) -> Int32 { run(lines.map { .line($0) }) }
}

/// A fresh empty folder under the temp folder, removed by the caller.
func temporaryFolder(_ name: String = "tq-shell") throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

extension String {
  /// How many times `needle` occurs.
  func occurrences(of needle: String) -> Int { components(separatedBy: needle).count - 1 }
}
