import Dispatch
import Foundation
import TQStorage

/// Draws the progress of long work on stderr while a statement runs.
///
/// `around` (or `start`/`stop`) brackets a statement: a timer polls the meter's reading every
/// 100 ms and, once the piece of work under way has run more than a second, draws one
/// `ProgressLine` redrawn in place with `\r`; the line is cleared (`\r ESC[K`) when the work
/// ends, when the statement ends, and before anything else is written (`beforeOutput`, or a
/// `ShellIO` from `guarding`), under one lock, so output and bar never mix. A disabled bar
/// (stderr not a terminal, `TERM=dumb`) never starts its timer and writes nothing.
public final class ProgressBar: @unchecked Sendable {
  /// How long work runs before the bar appears, in seconds.
  public static let delay = 1.0
  /// How often the meter is read.
  static let interval = DispatchTimeInterval.milliseconds(100)
  /// Erases the line the bar is on and returns to its start.
  static let erase = "\r\u{1B}[K"

  /// Whether the bar may ever be drawn.
  public let isEnabled: Bool
  /// The work under way (a meter's `reading`).
  private let reading: @Sendable () -> WorkMeter.Reading?
  /// Columns of the terminal.
  private let width: @Sendable () -> Int
  /// Colours of the bar.
  private let style: Style
  /// Writes to the terminal (stderr).
  private let write: @Sendable (String) -> Void
  /// Guards `shown` and `timer`, and keeps output and drawing apart.
  private let lock = NSLock()
  /// The line on the screen, if any.
  private var shown: String?
  /// Whether a statement is running (between `start` and `stop`).
  private var active = false
  /// The poll timer while a statement runs.
  private var timer: DispatchSourceTimer?

  /// Creates a bar that reads `reading` and draws with `write` when `enabled`.
  public init(enabled: Bool, width: @escaping @Sendable () -> Int, style: Style,
              write: @escaping @Sendable (String) -> Void, reading: @escaping @Sendable () -> WorkMeter.Reading?)
  {
    self.isEnabled = enabled
    self.width = width
    self.style = style
    self.write = write
    self.reading = reading
  }

  /// A bar that never draws.
  public static var off: ProgressBar {
    ProgressBar(enabled: false, width: { 80 }, style: Style(enabled: false), write: { _ in }, reading: { nil })
  }

  /// The bar for `meter` on the process's stderr: enabled when stderr is a terminal and
  /// `TERM` is not `dumb`; coloured unless `NO_COLOR`.
  public static func standardError(meter: WorkMeter, environment: [String: String] = ProcessInfo.processInfo.environment)
    -> ProgressBar
  {
    let terminal = isatty(STDERR_FILENO) != 0
    return ProgressBar(
      enabled: isWanted(isTerminal: terminal, environment: environment),
      width: { ShellIO.terminalWidth(STDERR_FILENO) },
      style: .forStream(isTerminal: terminal, environment: environment),
      write: { ShellIO.writeAll(STDERR_FILENO, $0) }, reading: { meter.reading })
  }

  /// Whether a bar belongs on a stream: a terminal that is not `TERM=dumb`.
  public static func isWanted(isTerminal: Bool, environment: [String: String]) -> Bool {
    isTerminal && environment["TERM"] != "dumb"
  }

  /// The line to show for a reading, or nil while there is no work or it is under a second old.
  public static func line(for r: WorkMeter.Reading?, width: Int, style: Style) -> String? {
    guard let r, r.seconds > delay else { return nil }
    return ProgressLine.text(r, width: width, style: style)
  }

  /// Runs `body` (a statement) with the bar polling; clears it afterwards.
  public func around<T>(_ body: () throws -> T) rethrows -> T {
    start()
    defer { stop() }
    return try body()
  }

  /// Starts polling (nothing when disabled or already polling).
  public func start() { start(polling: true) }

  /// Starts a statement; with `polling` false no timer runs and only `tick` draws (tests).
  func start(polling: Bool) {
    guard isEnabled else { return }
    lock.withLock {
      guard !active else { return }
      active = true
      guard polling else { return }
      let t = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
      t.schedule(deadline: .now() + Self.interval, repeating: Self.interval, leeway: .milliseconds(20))
      t.setEventHandler { [weak self] in self?.tick() }
      timer = t
      t.resume()
    }
  }

  /// Stops polling and clears the line.
  public func stop() {
    guard isEnabled else { return }
    lock.withLock {
      active = false
      timer?.cancel()
      timer = nil
      clearLocked()
    }
  }

  /// One poll: draws or redraws the line, or clears it when the work ended (the timer calls
  /// it; so may tests). Does nothing unless started, so a late tick after `stop` is harmless.
  public func tick() {
    lock.withLock {
      guard active else { return }
      guard let line = Self.line(for: reading(), width: width(), style: style) else { return clearLocked() }
      if line != shown {
        write("\r" + line + (shown == nil ? "" : "\u{1B}[K"))
        shown = line
      }
    }
  }

  /// Clears the line, runs `body` (which writes output), and lets the bar come back only after.
  public func beforeOutput(_ body: () -> Void) {
    guard isEnabled else { return body() }
    lock.withLock {
      clearLocked()
      body()
    }
  }

  /// `io` with its writes going through `beforeOutput`.
  public func guarding(_ io: ShellIO) -> ShellIO {
    guard isEnabled else { return io }
    var guarded = io
    let (out, err) = (io.out, io.err)
    guarded.out = { text in self.beforeOutput { out(text) } }
    guarded.err = { text in self.beforeOutput { err(text) } }
    return guarded
  }

  /// Erases the line if one is shown (the lock is held).
  private func clearLocked() {
    guard shown != nil else { return }
    write(Self.erase)
    shown = nil
  }
}
