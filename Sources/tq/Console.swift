import Foundation
import TQEngine
import TQIO
import TQShell
import TQStorage
import TQSyntax

/// Where results and messages go: stdout for results, stderr for everything else.
struct Console {
  let stdoutIsTerminal = isatty(STDOUT_FILENO) != 0
  let stderrIsTerminal = isatty(STDERR_FILENO) != 0
  let stdinIsTerminal = isatty(STDIN_FILENO) != 0
  let color = isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
  /// The progress bar on stderr while statements run (only on a terminal).
  var progress: ProgressBar = .off

  /// Writes text to stdout (clearing the progress bar first).
  func out(_ s: String) {
    progress.beforeOutput { FileHandle.standardOutput.write(Data(s.utf8)) }
  }

  /// Writes a line to stderr (clearing the progress bar first).
  func error(_ s: String) {
    progress.beforeOutput { FileHandle.standardError.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8)) }
  }

  /// The terminal's width, when stdout is one.
  var width: Int? {
    guard stdoutIsTerminal else { return nil }
    var ws = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return Int(ws.ws_col) }
    return 100
  }

  /// Prints one output of a statement; returns an exit code when it asks to stop.
  func show(_ o: Output, session: Session) -> Int32? {
    switch o {
    case .table(let t):
      let opts = RenderOptions(maxRows: stdoutIsTerminal ? session.settings.maxRows : nil, maxWidth: width, color: color,
                               bars: stdoutIsTerminal)
      out(TableRenderer.render(t, mode: session.settings.mode, options: opts))
    case .timing(let s):
      error(Output.runTimeText(s))
    case .text(let s): out(s)
    case .status(let s): if stderrIsTerminal { error(s) }
    case .exit(let code): return code
    }
    return nil
  }

  /// Runs a script or `-c` text; stops at the first error with status 1.
  func runNonInteractive(_ session: Session, _ source: SourceFile, directory: String?) -> Int32? {
    var exitCode: Int32?
    do {
      try progress.around {
        try session.run(source, directory: directory) { o in
          if exitCode == nil { exitCode = show(o, session: session) }
        }
      }
    } catch is Interrupted {
      self.error("Interrupted")
      return 130
    } catch {
      self.error(String(describing: error))
      return 1
    }
    return exitCode
  }
}
