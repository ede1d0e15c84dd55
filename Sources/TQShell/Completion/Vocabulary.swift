import Foundation
import TQEngine
import TQStorage
import TQSyntax

/// The words Tab can offer, from the one registry and the session (tables and their columns).
struct Vocabulary {
  /// The session whose tables and datasets count.
  let session: Session

  /// Candidates for registry entries of one kind (names and aliases).
  func registry(_ kind: Registry.Entry.Kind) -> [Candidate] {
    Registry.entries(kind).flatMap { e in
      ([e.name] + e.aliases).map { Candidate($0, Self.candidateKind(kind), suffix: Self.suffix(e)) }
    }
  }

  /// What follows a unique match: `(` for a function, an aggregate or a model written with
  /// arguments (`position(`), else a space.
  static func suffix(_ e: Registry.Entry) -> String {
    switch e.kind {
    case .function, .aggregate: return "("
    case .model: return e.syntax.hasPrefix(e.name + "(") ? "(" : " "
    default: return " "
    }
  }

  /// The candidate kind of a registry kind.
  static func candidateKind(_ kind: Registry.Entry.Kind) -> Candidate.Kind {
    switch kind {
    case .statement: return .statement
    case .verb: return .verb
    case .function: return .function
    case .aggregate: return .aggregate
    case .model: return .model
    case .dotCommand: return .dotCommand
    }
  }

  /// Every dot command (engine and shell).
  var dotCommands: [Candidate] { ShellCommands.names.map { Candidate($0, .dotCommand) } }

  /// Loaded tables and bundled datasets.
  var tables: [Candidate] {
    Set(session.tables.keys).union(session.datasets.names).map { Candidate($0, .table) }
  }

  /// Whether `name` is a loaded table or a bundled dataset.
  func isTable(_ name: String) -> Bool {
    session.tables[name] != nil || session.datasets.path(of: name) != nil
  }

  /// Keywords as candidates.
  static func keywords(_ words: [String]) -> [Candidate] { words.map { Candidate($0, .keyword) } }

  /// The column names of a table: a loaded one's, or a bundled dataset's header (read
  /// without loading it).
  func columns(of table: String) -> [String] {
    if let t = session.tables[table] { return t.columnNames }
    guard let path = session.datasets.path(of: table) else { return [] }
    return Self.header(of: path)
  }

  /// The column names in the first line of a CSV, TSV or JSON Lines file.
  static func header(of path: String) -> [String] {
    guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
    defer { try? handle.close() }
    let data = (try? handle.read(upToCount: 1 << 16)) ?? Data()
    let firstLine = data.split(separator: UInt8(ascii: "\n"), maxSplits: 1, omittingEmptySubsequences: false).first ?? Data()
    var line = String(decoding: firstLine, as: UTF8.self)
    if line.hasPrefix("\u{FEFF}") { line.removeFirst() }
    if line.hasSuffix("\r") { line.removeLast() }
    if path.hasSuffix(".jsonl") {
      let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      return object.map { $0.keys.sorted() } ?? []
    }
    let separator: Character = path.hasSuffix(".tsv") ? "\t" : ","
    return line.split(separator: separator, omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    }
  }

  /// Journey role names (for `load … with role = column`).
  var roles: [Candidate] { Role.allCases.map { Candidate($0.rawValue, .keyword) } }
}
