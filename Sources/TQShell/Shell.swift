import TQEngine

/// The read–run loop: reads lines with a `LineReader`, feeds them to an `InputProcessor`,
/// and stops at end of input or `.exit`.
public final class Shell {
  /// Runs what is typed.
  public let processor: InputProcessor
  /// Reads what is typed.
  public let reader: LineReader

  /// Creates a loop; new history entries also go to the reader's recall list.
  public init(processor: InputProcessor, reader: LineReader) {
    self.processor = processor
    self.reader = reader
    processor.history.onAdd = { [unowned reader] entry in reader.remember(entry) }
  }

  /// Runs until end of input (status 0) or `.exit N` (status N). Ctrl-C at the prompt
  /// drops the line and any pending statement; it never ends the loop.
  public func run() -> Int32 {
    while true {
      switch reader.read(prompt: processor.prompt) {
      case .line(let line):
        if let code = processor.feed(line) { return code }
      case .interrupted:
        processor.discardInput()
      case .end:
        return 0
      }
    }
  }
}
