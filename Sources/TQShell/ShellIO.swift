import Foundation

/// Where the shell writes: results to stdout, messages, errors and the banner to stderr.
///
/// A value of closures so that tests capture a transcript and the terminal shell writes to
/// file descriptors 1 and 2.
public struct ShellIO {
  /// Writes result text (stdout).
  public var out: (String) -> Void
  /// Writes messages and errors (stderr).
  public var err: (String) -> Void
  /// Columns available for results: the terminal width, or `nil` when stdout is not a terminal.
  public var width: () -> Int?
  /// Whether stdout is a terminal (results are then cut to `.maxrows`).
  public var outIsTerminal: Bool
  /// Colours for results.
  public var outStyle: Style
  /// Colours for messages and errors.
  public var errStyle: Style

  /// Creates an output description.
  public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void, width: @escaping () -> Int?,
              outIsTerminal: Bool, outStyle: Style, errStyle: Style)
  {
    self.out = out
    self.err = err
    self.width = width
    self.outIsTerminal = outIsTerminal
    self.outStyle = outStyle
    self.errStyle = errStyle
  }

  /// The process's stdout and stderr.
  public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ShellIO {
    let outTTY = isatty(STDOUT_FILENO) != 0
    let errTTY = isatty(STDERR_FILENO) != 0
    return ShellIO(
      out: { writeAll(STDOUT_FILENO, $0) }, err: { writeAll(STDERR_FILENO, $0) },
      width: { outTTY ? terminalWidth(STDOUT_FILENO) : nil }, outIsTerminal: outTTY,
      outStyle: .forStream(isTerminal: outTTY, environment: environment),
      errStyle: .forStream(isTerminal: errTTY, environment: environment))
  }

  /// The width of the terminal on `fd` (100 when it cannot be asked).
  static func terminalWidth(_ fd: Int32) -> Int {
    var ws = winsize()
    if ioctl(fd, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return Int(ws.ws_col) }
    return 100
  }

  /// Writes all of `text` to `fd`, retrying short writes and EINTR (Ctrl-C while printing).
  static func writeAll(_ fd: Int32, _ text: String) {
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { buffer in
      var done = 0
      while done < buffer.count {
        let n = write(fd, buffer.baseAddress! + done, buffer.count - done)
        if n > 0 {
          done += n
        } else if n < 0 && errno == EINTR {
          continue
        } else {
          return
        }
      }
    }
  }
}
