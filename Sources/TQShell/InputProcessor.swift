import Foundation
import TQEngine
import TQStorage
import TQSyntax

/// Turns typed lines into statements and runs them on the session.
///
/// Lines accumulate while the statement is open (`Lexer.needsMoreInput`: a trailing `|` or
/// comma, an open bracket); the prompt then shows `..> `. A line starting with `.` is a dot
/// command only when nothing is pending: the shell's own (`.help`, `.history`, `.last`)
/// first, then the engine's. Every statement becomes one history entry. An error prints its
/// diagnostic and the session goes on with every table it had.
public final class InputProcessor {
  /// The session statements run on.
  public let session: Session
  /// The statements typed so far (and those of the history file).
  public let history: ShellHistory
  /// Prints results and errors.
  let printer: ResultPrinter
  /// Ctrl-C: polled by the session, read when a statement fails, lowered after it.
  let interrupt: InterruptFlag
  /// The progress bar drawn while a statement runs (cleared before anything is printed).
  let progress: ProgressBar
  /// Lines of the statement being typed.
  public private(set) var pending: [String] = []
  /// The last table shown (for `.last`).
  public private(set) var lastResult: Table?

  /// Creates a processor; the session's `isCancelled` is left to the caller. `progress`
  /// (off by default) is drawn while statements run and cleared before their output.
  public init(session: Session, io: ShellIO, history: ShellHistory, interrupt: InterruptFlag, progress: ProgressBar = .off) {
    self.session = session
    self.progress = progress
    self.printer = ResultPrinter(io: progress.guarding(io))
    self.history = history
    self.interrupt = interrupt
  }

  /// The prompt for the next line.
  public var prompt: PromptKind { pending.isEmpty ? .main : .continuation }

  /// The pending lines as one text, for completion (empty when nothing is pending).
  public var pendingText: String { pending.joined(separator: "\n") }

  /// Takes one line; returns an exit status when the input asks to stop (`.exit`).
  public func feed(_ line: String) -> Int32? {
    if pending.isEmpty {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty { return nil }
      if Self.isDotCommand(trimmed) {
        history.add(trimmed)
        return runDotCommand(trimmed)
      }
    }
    pending.append(line)
    let text = pending.joined(separator: "\n")
    if Lexer.needsMoreInput(text) { return nil }
    let lines = pending
    pending = []
    history.add(ShellHistory.entry(joining: lines))
    return run(text)
  }

  /// Ctrl-C at the prompt: drops the line and any pending continuation.
  public func discardInput() {
    pending = []
  }

  /// Whether a line is a dot command: `.` then a letter.
  static func isDotCommand(_ line: String) -> Bool {
    let u = Array(line.utf8.prefix(2))
    return u.count == 2 && u[0] == UInt8(ascii: ".") && (u[1] | 0x20) >= UInt8(ascii: "a") && (u[1] | 0x20) <= UInt8(ascii: "z")
  }

  /// Runs a dot command: the shell's own, or the engine's.
  func runDotCommand(_ line: String) -> Int32? {
    let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    if let command = ShellCommands.find(words[0]) {
      command.run(Array(words.dropFirst()), self)
      return nil
    }
    return run(line)
  }

  /// Runs statement text on the session and prints what it produces. The Ctrl-C flag is not
  /// lowered first: a Ctrl-C pressed just after Enter cancels this statement.
  func run(_ text: String) -> Int32? {
    defer { interrupt.reset() }
    var exitCode: Int32?
    do {
      try progress.around {
        try session.run(SourceFile(name: "tq", text: text), directory: nil) { output in
          if case .table(let t) = output { lastResult = t }
          if exitCode == nil { exitCode = printer.show(output, settings: session.settings) }
        }
      }
    } catch is Interrupted {
      printer.interrupted()
    } catch {
      printer.error(String(describing: error))
    }
    return exitCode
  }
}

/// Which prompt a line reader shows.
public enum PromptKind: Sendable, Equatable {
  /// `tq> `: a new statement.
  case main
  /// `..> `: the statement goes on.
  case continuation

  /// The prompt text.
  public var text: String { self == .main ? "tq> " : "..> " }
}
