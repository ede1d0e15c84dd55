import Foundation
import TQIO

/// The user's tq folder (`~/.tq`, or `$TQ_HOME`): preferences and lesson progress.
///
/// Files in it are small text files replaced atomically, so a killed tq never leaves one
/// half-written. A session without a home (tests, `Session()` made by tools) keeps
/// everything in memory.
public struct UserHome: Sendable {
  /// The folder.
  public let directory: String

  /// Uses a given folder (created on first write).
  public init(directory: String) { self.directory = directory }

  /// `$TQ_HOME` if set, else `~/.tq`.
  public static func standard() -> UserHome {
    if let env = ProcessInfo.processInfo.environment["TQ_HOME"], !env.isEmpty { return UserHome(directory: env) }
    return UserHome(directory: NSHomeDirectory() + "/.tq")
  }

  /// The path of a file in the folder.
  public func path(_ name: String) -> String { directory + "/" + name }

  /// The text of a file in the folder, or nil when it does not exist or is unreadable.
  public func read(_ name: String) -> String? {
    guard let data = FileManager.default.contents(atPath: path(name)) else { return nil }
    return String(decoding: data, as: UTF8.self)
  }

  /// Replaces a file in the folder atomically, creating the folder if needed.
  public func write(_ name: String, _ text: String) throws(FileError) {
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw FileError(path: directory, line: 0, field: 0, message: "cannot create folder: \(error.localizedDescription)")
    }
    try FileWriter.write(text: text, to: path(name))
  }

  /// The `key = value` preferences in `config` (lines starting with `#` are comments).
  public func preferences() -> [String: String] {
    var out: [String: String] = [:]
    for line in (read("config") ?? "").split(separator: "\n") {
      let t = line.trimmingCharacters(in: .whitespaces)
      guard !t.hasPrefix("#"), let eq = t.firstIndex(of: "=") else { continue }
      out[t[..<eq].trimmingCharacters(in: .whitespaces)] = t[t.index(after: eq)...].trimmingCharacters(in: .whitespaces)
    }
    return out
  }

  /// Sets one preference, keeping the others.
  public func setPreference(_ key: String, _ value: String) throws(FileError) {
    var prefs = preferences()
    prefs[key] = value
    let text = "# tq preferences\n" + prefs.keys.sorted().map { "\($0) = \(prefs[$0]!)\n" }.joined()
    try write("config", text)
  }
}
