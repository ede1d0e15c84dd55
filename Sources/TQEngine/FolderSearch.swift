import Foundation

/// Finds a project folder (`datasets/`, `lessons/`) that ships beside the executable.
enum FolderSearch {
  /// The first `folder` holding `marker`, looking beside and up to seven levels above the
  /// executable (its real path, then as invoked) and then the current directory.
  static func find(_ folder: String, containing marker: String) -> String? {
    var starts = [FileManager.default.currentDirectoryPath]
    let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent().path
    starts.insert(exe, at: 0)
    if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      starts.insert(URL(fileURLWithPath: p).deletingLastPathComponent().path, at: 0)
    }
    for start in starts {
      var dir = URL(fileURLWithPath: start)
      for _ in 0..<8 {
        let candidate = dir.appendingPathComponent(folder)
        if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(marker).path) { return candidate.path }
        dir.deleteLastPathComponent()
      }
    }
    return nil
  }
}
