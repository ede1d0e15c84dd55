import CLibEdit
import Foundation

/// The line editor on a terminal: BSD libedit with emacs keys (`~/.editrc` honoured),
/// history recall (Up/Down, Ctrl-R), Tab completion and a Ctrl-C that clears the line.
///
/// Uses libedit's native API through the non-variadic wrappers of `CLibEdit`'s shim
/// (REPL-LIBEDIT.md, part B). libedit's own signal handling is off: the shell's SIGINT
/// handler (no `SA_RESTART`) makes the blocking read return, and `read` reports
/// `.interrupted`. The history file is the shell's business (`ShellHistory`); libedit only
/// keeps the in-memory list, so its truncating `H_SAVE` is never used.
public final class LibEditLineReader: LineReader {
  /// The editor.
  private let el: OpaquePointer
  /// libedit's recall list.
  private let history: OpaquePointer
  /// Scratch for `history()` calls.
  private var event = HistEvent()
  /// Prompts and completion, reached from C callbacks.
  private let state: EditorState
  /// `state`, retained while libedit holds it as client data.
  private let statePointer: UnsafeMutableRawPointer
  /// Set by Ctrl-C.
  private let interrupt: InterruptFlag
  /// The streams libedit reads and writes.
  private let streams: [UnsafeMutablePointer<FILE>]

  /// Opens the editor on the terminal, or returns `nil` when libedit cannot start.
  ///
  /// - Parameters:
  ///   - entries: statements to recall, oldest first (from the history file).
  ///   - limit: how many statements the recall list keeps.
  ///   - style: colours for the prompt.
  ///   - interrupt: the flag the SIGINT handler raises.
  ///   - complete: completion of the text before the cursor.
  public init?(entries: [String], limit: Int, style: Style, interrupt: InterruptFlag,
               complete: @escaping (String) -> Completion)
  {
    // stdout carries the prompt unless results are redirected; then the terminal on stderr does.
    let outFD: Int32 = isatty(STDOUT_FILENO) != 0 || isatty(STDERR_FILENO) == 0 ? STDOUT_FILENO : STDERR_FILENO
    guard let fin = fdopen(dup(STDIN_FILENO), "r"), let fout = fdopen(dup(outFD), "w"),
      let ferr = fdopen(dup(STDERR_FILENO), "w"), let el = el_init("tq", fin, fout, ferr), let history = history_init()
    else { return nil }
    self.el = el
    self.history = history
    self.streams = [fin, fout, ferr]
    self.interrupt = interrupt
    state = EditorState(style: style, outFD: outFD, complete: complete)
    statePointer = Unmanaged.passRetained(state).toOpaque()
    configure(entries: entries, limit: limit)
  }

  /// Sets the editor up: client data, emacs keys, prompt, Tab, history, then `~/.editrc`.
  private func configure(entries: [String], limit: Int) {
    tq_el_set_clientdata(el, statePointer)
    tq_el_set_editor(el, "emacs")
    tq_el_set_signal(el, 0)
    tq_el_set_prompt_esc(el, { el in
      guard let el, let raw = tq_el_get_clientdata(el) else { return nil }
      return Unmanaged<EditorState>.fromOpaque(raw).takeUnretainedValue().current
    }, 1)
    tq_el_add_fn(el, "tq-complete", "complete the word at the cursor") { el, _ in
      guard let el, let raw = tq_el_get_clientdata(el) else { return UInt8(CC_ERROR) }
      return Unmanaged<EditorState>.fromOpaque(raw).takeUnretainedValue().tab(el)
    }
    tq_el_bind(el, "^I", "tq-complete")
    tq_hist_setsize(history, &event, Int32(clamping: limit))
    tq_hist_setunique(history, &event, 1)
    for entry in entries { remember(entry) }
    tq_el_set_history(el, history)
    el_source(el, nil)  // ~/.editrc (or $EDITRC): the user's bindings win
  }

  /// Closes the editor (restoring the terminal) and its streams.
  deinit {
    history_end(history)
    el_end(el)
    streams.forEach { fclose($0) }
    Unmanaged<EditorState>.fromOpaque(statePointer).release()
  }

  /// Shows the prompt and reads a line with editing.
  public func read(prompt: PromptKind) -> LineEvent {
    state.current = state.prompts[prompt]!
    el_resize(el)  // the window may have changed while a statement ran
    interrupt.reset()
    var count: Int32 = 0
    let raw = el_gets(el, &count)
    if interrupt.take() {
      ShellIO.writeAll(state.outFD, "^C\n")
      return .interrupted
    }
    guard let raw, count > 0 else {
      ShellIO.writeAll(state.outFD, "\n")
      return .end
    }
    var line = String(decoding: UnsafeRawBufferPointer(start: raw, count: Int(strlen(raw))), as: UTF8.self)
    if line.hasSuffix("\n") { line.removeLast() }
    return .line(line)
  }

  /// Adds a statement to the recall list (libedit drops it when it repeats the last one).
  public func remember(_ entry: String) {
    _ = entry.withCString { tq_hist_enter(history, &event, $0) }
  }
}
