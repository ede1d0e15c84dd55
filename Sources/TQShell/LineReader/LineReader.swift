/// What reading a line gave.
public enum LineEvent: Equatable, Sendable {
  /// A line, without its line break.
  case line(String)
  /// Ctrl-C at the prompt: the line (and any pending statement) is dropped.
  case interrupted
  /// End of input (Ctrl-D on an empty line).
  case end
}

/// Reads lines for the shell: libedit on a terminal, plain lines elsewhere (and in tests).
public protocol LineReader: AnyObject {
  /// Shows the prompt and reads one line.
  func read(prompt: PromptKind) -> LineEvent
  /// Adds a statement to the editor's recall list (Up/Down, Ctrl-R).
  func remember(_ entry: String)
}
