import Foundation
import TQEngine
import TQSyntax

/// The interactive shell on a terminal: what `tq` runs when standard input is one.
public enum TerminalShell {
  /// Sets up the terminal (UTF-8 keyboard input, Ctrl-C, history, libedit), loads the
  /// dataset in use, prints the banner on stderr and runs until Ctrl-D or `.exit`.
  ///
  /// - Returns: the exit status (0, or the `N` of `.exit N`).
  public static func run(session: Session, environment: [String: String] = ProcessInfo.processInfo.environment) -> Int32 {
    UTF8Locale.ensure()
    signal(SIGXFSZ, SIG_IGN)  // an oversized write becomes an error message, not a dead session
    let io = ShellIO.standard(environment: environment)
    let interrupt = InterruptFlag.sigint
    InterruptFlag.installSigintHandler()
    session.isCancelled = { InterruptFlag.sigint.isRaised }
    let history = ShellHistory(
      file: ShellHistory.defaultPath(environment: environment).map(HistoryFile.init),
      limit: ShellHistory.defaultLimit(environment: environment),
      warn: { io.err(io.errStyle.note($0) + "\n") })
    let processor = InputProcessor(session: session, io: io, history: history, interrupt: interrupt,
                                   progress: .standardError(meter: session.meter, environment: environment))
    let completer = Completer(session: session, home: environment["HOME"])
    let reader: LineReader =
      LibEditLineReader(
        entries: history.entries, limit: history.limit,
        style: .forStream(isTerminal: isatty(STDOUT_FILENO) != 0 || isatty(STDERR_FILENO) != 0, environment: environment),
        interrupt: interrupt,
        complete: { [unowned processor] line in
          completer.complete(processor.pendingText.isEmpty ? line : processor.pendingText + "\n" + line)
        }) ?? PlainLineReader(standardInput: io.out)
    processor.progress.around { loadTableInUse(session) }
    io.err(Banner.text(session: session, style: io.errStyle))
    return Shell(processor: processor, reader: reader).run()
  }

  /// Loads the table in use (the bundled `shop`) so that the banner can show its size and
  /// the first query does not wait; a problem is left for that first query to report.
  static func loadTableInUse(_ session: Session) {
    guard let name = session.current, session.tables[name] == nil else { return }
    try? session.run(SourceFile(name: "tq", text: "use \(name)"), directory: nil) { _ in }
  }
}
