import Foundation

/// File names for `load "…`, `run "…`, `save … to "…` and `.read …`.
struct PathCompleter {
  /// The folder relative names start from (the current directory).
  let directory: String
  /// The home folder, for `~/`.
  let home: String?

  /// Entries of the folder the prefix names whose names start with its last part. Hidden
  /// entries appear only when that part starts with `.`. A folder completes with `/`, a
  /// file with the closing quote (or a space when unquoted).
  func complete(_ prefix: String, quote: String?) -> Completion {
    let slash = prefix.lastIndex(of: "/")
    let folderPart = slash.map { String(prefix[...$0]) } ?? ""
    let base = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
    let folder = resolve(folderPart)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return .none }
    let pool = names.filter { !$0.hasPrefix(".") || base.hasPrefix(".") }.map { name -> Candidate in
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory)
      return isDirectory.boolValue ? Candidate(name, .directory, suffix: "/") : Candidate(name, .file, suffix: quote ?? " ")
    }
    return Completion(word: base, pool: pool)
  }

  /// The folder a typed folder part names.
  func resolve(_ folderPart: String) -> String {
    if folderPart.isEmpty { return directory }
    if folderPart.hasPrefix("/") { return folderPart }
    if folderPart.hasPrefix("~/"), let home { return home + folderPart.dropFirst(1) }
    return directory + "/" + folderPart
  }
}
