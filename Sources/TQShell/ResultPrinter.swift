import Foundation
import TQEngine
import TQIO
import TQStorage

/// Prints what statements produce: tables fitted to the terminal, text, notes, timings, errors.
struct ResultPrinter {
  /// Where to write.
  let io: ShellIO

  /// A table for the screen. On a terminal, `table` mode shows at most `.maxrows` rows
  /// (head + tail, "N rows (k shown)") and the columns that fit ("C columns (k shown)");
  /// `untruncated` (for `.last`) shows everything.
  func render(_ table: Table, settings: Settings, untruncated: Bool = false) -> String {
    let options = RenderOptions(
      maxRows: io.outIsTerminal && !untruncated ? settings.maxRows : nil,
      maxWidth: untruncated ? nil : io.width(),
      color: io.outStyle.enabled,
      bars: io.outIsTerminal)
    return TableRenderer.render(table, mode: settings.mode, options: options)
  }

  /// Prints one output; returns the exit status when it is `.exit`.
  func show(_ output: Output, settings: Settings) -> Int32? {
    switch output {
    case .table(let t): io.out(render(t, settings: settings))
    case .text(let s): io.out(s.hasSuffix("\n") || s.isEmpty ? s : s + "\n")
    case .status(let s): io.err(io.errStyle.note(s) + "\n")
    case .timing(let seconds): io.err(io.errStyle.note(Output.runTimeText(seconds)) + "\n")
    case .exit(let code): return code
    }
    return nil
  }

  /// Prints an error (a rendered diagnostic) on stderr.
  func error(_ text: String) {
    io.err(io.errStyle.diagnostic(text) + "\n")
  }

  /// Says that Ctrl-C stopped a statement.
  func interrupted() {
    io.err(io.errStyle.paint("Interrupted", "1;33") + "\n")
  }
}
