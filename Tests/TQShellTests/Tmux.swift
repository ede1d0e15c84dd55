import Foundation

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
      + " echo EXITED rc=$?; sleep 120"
    try tmux(["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)", script])
  }

  /// Ends the terminal and everything in it (the server exits with its last session;
  /// `kill-server` was seen to leave it running here).
  deinit { _ = try? tmux(["kill-session", "-t", "main"]) }

  /// Runs a tmux command on this session's server and waits for it; returns its stdout
  /// when `capture` is set.
  ///
  /// `posix_spawn` and `waitpid` rather than `Process`, whose exit notification was seen to
  /// never arrive here once `new-session` had forked the tmux server. Output goes through a
  /// temp file, so the server (which inherits the client's descriptors) cannot hold a pipe open.
  @discardableResult
  func tmux(_ arguments: [String], capture: Bool = false) throws -> String {
    let temp = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
    let output = capture ? temp : "/dev/null"
    defer { if capture { unlink(output) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([Self.binary ?? "/usr/bin/tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { envp.forEach { free($0) } }
    // Hand tmux (and so tq) default signals and an empty mask, as a login shell would:
    // the test process may block or ignore SIGINT, and both survive exec.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    var all = sigset_t()
    sigemptyset(&empty)
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, argv[0]!, &actions, &attributes, argv, envp)
    guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return capture ? String(decoding: FileManager.default.contents(atPath: output) ?? Data(), as: UTF8.self) : ""
  }

  /// Types text literally (no key names, `;` is not a separator).
  func type(_ text: String) throws { try tmux(["send-keys", "-t", "main", "-l", text]) }

  /// Presses keys by tmux name (`Tab`, `Enter`, `Up`, `C-c`, `C-r`, `C-d`).
  func press(_ keys: String...) throws { try tmux(["send-keys", "-t", "main"] + keys) }

  /// The screen and its scrollback, without trailing blanks on each line or blank lines at the end.
  func screen() -> String {
    let text = (try? tmux(["capture-pane", "-p", "-J", "-S", "-2000", "-t", "main"], capture: true)) ?? ""
    var lines = text.components(separatedBy: "\n").map {
      $0.replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
  }

  /// The cursor's column (0 once a line has been entered and nothing printed after it).
  func cursorColumn() -> Int? {
    let text = (try? tmux(["display-message", "-p", "-t", "main", "#{cursor_x}"], capture: true)) ?? ""
    return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// Waits until `condition` holds for the screen; throws (ending the test at once) with
  /// the screen when it does not within `timeout`.
  func waitFor(_ what: String, _ condition: (String) -> Bool) throws {
    let deadline = Date().addingTimeInterval(timeout)
    var text = screen()
    while !condition(text) {
      if Date() > deadline { throw Timeout(what: what, screen: text) }
      Thread.sleep(forTimeInterval: 0.05)
      text = screen()
    }
  }

  /// Waits until the last line is exactly `line` (trailing blanks ignored).
  func waitForLastLine(_ line: String) throws {
    let wanted = line.replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)
    try waitFor("last line \"\(line)\"") { ($0.components(separatedBy: "\n").last ?? "") == wanted }
  }

  /// A screen that did not come.
  struct Timeout: Error, CustomStringConvertible {
    /// What was awaited.
    let what: String
    /// The screen at the deadline.
    let screen: String
    /// The message with the screen.
    var description: String { "timed out waiting for \(what); screen:\n\(screen)" }
  }

  /// Text quoted for `sh`.
  static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
