import Foundation
import TQSyntax
import Yams

/// The files of the `explain/` folder: one `<topic>.yaml` per `explain` topic and the
/// translations of `help` (`help.it.yaml`, `help.pl.yaml`). Read on first use, then kept.
public final class TextLibrary: @unchecked Sendable {
  /// The folder, if found.
  public let directory: String?
  /// Guards the caches (a library may be shared by sessions on several threads).
  private let lock = NSLock()
  /// The topics, once read.
  private var topicCache: [ExplainTopic]?
  /// The help texts read so far, by language.
  private var helpCache: [Language: HelpTexts] = [:]

  /// Uses a given folder.
  public init(directory: String?) { self.directory = directory }

  /// Finds the folder: `$TQ_EXPLAIN`, else an `explain/` folder beside or above the
  /// executable or the current directory (as `datasets/` is found).
  public static func locate() -> TextLibrary {
    TextLibrary(directory: ProjectFolder.find("explain", marker: "help.it.yaml", env: "TQ_EXPLAIN"))
  }

  /// A topic name or alias as looked up: lower case, spaces and hyphens as `_`.
  public static func key(_ s: String) -> String {
    String(s.lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
  }

  /// Every topic, sorted by name.
  public func topics() throws -> [ExplainTopic] {
    lock.lock()
    defer { lock.unlock() }
    if let topicCache { return topicCache }
    let dir = try folder()
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
      .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("help.") }.sorted()
    let topics = try files.map { try decode(ExplainTopic.self, file: $0, in: dir) }.sorted { $0.name < $1.name }
    topicCache = topics
    return topics
  }

  /// The topic that `name` (a name or an alias, any case) finds.
  public func topic(_ name: String) throws -> ExplainTopic? {
    let k = Self.key(name)
    return try topics().first { $0.answers(to: k) }
  }

  /// The help texts of a language (English needs no file).
  public func help(_ language: Language) throws -> HelpTexts {
    if language == .en { return .english }
    lock.lock()
    defer { lock.unlock() }
    if let cached = helpCache[language] { return cached }
    let file = try decode(HelpTexts.File.self, file: "help.\(language.rawValue).yaml", in: try folder())
    let texts = HelpTexts(language: language, phrases: file.phrases, summaries: file.summaries)
    helpCache[language] = texts
    return texts
  }

  /// The folder, or an error saying how to point tq at it.
  private func folder() throws -> String {
    guard let directory else {
      throw Diagnostic("the explain/ folder of texts is not found", hint: "set TQ_EXPLAIN to the explain folder of tq's project")
    }
    return directory
  }

  /// Reads and decodes one YAML file of the folder.
  private func decode<T: Decodable>(_ type: T.Type, file: String, in dir: String) throws -> T {
    let path = dir + "/" + file
    guard let data = FileManager.default.contents(atPath: path) else { throw Diagnostic("cannot read \(path)") }
    do {
      return try YAMLDecoder().decode(type, from: String(decoding: data, as: UTF8.self))
    } catch {
      throw Diagnostic("\(path): \(error)")
    }
  }
}
