/// A line reader without a line editor: lines from a list (tests) or from standard input.
///
/// It writes the prompt (and, for scripted input, the line itself) to `echo`, so a test's
/// transcript reads like a terminal session:
/// ```
/// tq> shop |
/// ..> take 1
/// ```
public final class PlainLineReader: LineReader {
  /// The next event.
  private let next: () -> LineEvent
  /// Where prompts (and echoed lines) go; `nil` writes nothing.
  private let echo: ((String) -> Void)?
  /// Whether to echo the lines read (input that is not typed on a terminal).
  private let echoesLines: Bool
  /// The statements remembered, in order.
  public private(set) var remembered: [String] = []

  /// Reads the given events in order, then ends.
  public init(events: [LineEvent], echo: ((String) -> Void)? = nil) {
    var queue = events[...]
    next = { queue.popFirst() ?? .end }
    self.echo = echo
    echoesLines = true
  }

  /// Reads the given lines in order, then ends.
  public convenience init(lines: [String], echo: ((String) -> Void)? = nil) {
    self.init(events: lines.map { .line($0) }, echo: echo)
  }

  /// Reads standard input (the prompt goes to `echo`; the terminal echoes the typing).
  public init(standardInput echo: ((String) -> Void)?) {
    next = { Swift.readLine(strippingNewline: true).map { .line($0) } ?? .end }
    self.echo = echo
    echoesLines = false
  }

  /// Shows the prompt and returns the next event.
  public func read(prompt: PromptKind) -> LineEvent {
    echo?(prompt.text)
    let event = next()
    switch event {
    case .line(let l): if echoesLines { echo?(l + "\n") }
    case .interrupted: echo?("^C\n")
    case .end: echo?("\n")
    }
    return event
  }

  /// Keeps the entry (there is no editor to recall it).
  public func remember(_ entry: String) { remembered.append(entry) }
}
