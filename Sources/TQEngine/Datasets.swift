import Foundation

/// The datasets bundled in the project's `datasets/` folder, known by name (`shop`).
public struct Datasets: Sendable {
  /// The name of the dataset a new session has in use.
  public static let main = "shop"
  /// The folder, if found.
  public let directory: String?

  /// Uses a given folder.
  public init(directory: String?) { self.directory = directory }

  /// Finds the folder: `$TQ_DATASETS`, else a `datasets/` folder beside or above the executable
  /// or the current directory.
  public static func locate() -> Datasets {
    if let env = ProcessInfo.processInfo.environment["TQ_DATASETS"], !env.isEmpty { return Datasets(directory: env) }
    return Datasets(directory: FolderSearch.find("datasets", containing: "shop.csv"))
  }

  /// Dataset names (file names without extension) in the folder.
  public var names: [String] {
    guard let directory, let files = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
    return files.compactMap { f -> String? in
      let u = URL(fileURLWithPath: f)
      return ["csv", "tsv", "jsonl"].contains(u.pathExtension) ? u.deletingPathExtension().lastPathComponent : nil
    }.sorted()
  }

  /// The file of a dataset.
  public func path(of name: String) -> String? {
    guard let directory else { return nil }
    for ext in ["csv", "tsv", "jsonl"] {
      let p = directory + "/" + name + "." + ext
      if FileManager.default.fileExists(atPath: p) { return p }
    }
    return nil
  }
}
