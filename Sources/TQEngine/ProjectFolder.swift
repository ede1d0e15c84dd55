import Foundation

/// Finds a folder that ships with tq (`datasets/`, `explain/`): an environment variable,
/// else a folder of that name beside or above the executable or the current directory.
enum ProjectFolder {
  /// `$env` when set and not empty, else the first `name/` holding `marker`, looking in the
  /// executable's folder, then the current directory, and up to seven folders above each.
  static func find(_ name: String, marker: String, env: String) -> String? {
    if let value = ProcessInfo.processInfo.environment[env], !value.isEmpty { return value }
    var starts = [FileManager.default.currentDirectoryPath]
    let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent().path
    starts.insert(exe, at: 0)
    if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      starts.insert(URL(fileURLWithPath: p).deletingLastPathComponent().path, at: 0)
    }
    for start in starts {
      var dir = URL(fileURLWithPath: start)
      for _ in 0..<8 {
        let candidate = dir.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(marker).path) { return candidate.path }
        dir.deleteLastPathComponent()
      }
    }
    return nil
  }
}
