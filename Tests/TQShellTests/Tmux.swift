import Foundation
import Testing

/// A program running in a real terminal: a detached tmux session on its own server socket,
/// driven with `send-keys` and read with `capture-pane`.
///
/// Every check polls the screen until it holds or a deadline passes (never a fixed sleep), so
/// a loaded 2-core CI machine only makes the test slower.
final class Tmux {
  /// The tmux server socket name (private to this session).
  let socket = "tq-test-\(getpid())-\(UUID().uuidString.prefix(8))"
  /// How long a check waits for the screen.
  let timeout: TimeInterval

  /// The tmux binary, when installed.
  static let binary: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// Starts `command` in a `width`×`height` terminal; after it ends the pane shows `EXITED rc=N`.
  init(command: [String], environment: [String: String], directory: String, width: Int = 100, height: Int = 40,
       timeout: TimeInterval = 60) throws
  {
    self.timeout = timeout
    let env = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
    let script = "cd \(Self.quote(directory)) && env -i \(env) \(command.map(Self.quote).joined(separator: " "));"
      + " echo EXITED rc=$?; sleep 600"
    try tmux(["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)", script])
  }

  deinit { _ = try? tmux(["kill-server"]) }

  /// Runs a tmux command on this session's server; returns its stdout.
  @discardableResult
  func tmux(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.binary ?? "/usr/bin/tmux")
    process.arguments = ["-L", socket] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// Types text literally (no key names, `;` is not a separator).
  func type(_ text: String) throws { try tmux(["send-keys", "-t", "main", "-l", text]) }

  /// Presses keys by tmux name (`Tab`, `Enter`, `Up`, `C-c`, `C-r`, `C-d`).
  func press(_ keys: String...) throws { try tmux(["send-keys", "-t", "main"] + keys) }

  /// The screen and its scrollback, without trailing blanks on each line or blank lines at the end.
  func screen() -> String {
    let text = (try? tmux(["capture-pane", "-p", "-J", "-S", "-2000", "-t", "main"])) ?? ""
    var lines = text.components(separatedBy: "\n").map { $0.replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression) }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
  }

  /// Waits until `condition` holds for the screen; records an issue with the screen if it never does.
  @discardableResult
  func waitFor(_ what: String, sourceLocation: SourceLocation = #_sourceLocation, _ condition: (String) -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    var text = screen()
    while !condition(text) {
      if Date() > deadline {
        Issue.record("timed out waiting for \(what); screen:\n\(text)", sourceLocation: sourceLocation)
        return false
      }
      Thread.sleep(forTimeInterval: 0.05)
      text = screen()
    }
    return true
  }

  /// Waits until the last line is exactly `line` (trailing blanks ignored).
  @discardableResult
  func waitForLastLine(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    let wanted = line.replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)
    return waitFor("last line \"\(line)\"", sourceLocation: sourceLocation) { screen in
      (screen.components(separatedBy: "\n").last ?? "") == wanted
    }
  }

  /// Text quoted for `sh`.
  static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
