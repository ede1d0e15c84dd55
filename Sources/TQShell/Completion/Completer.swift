import Foundation
import TQEngine
import TQSyntax

/// Tab completion by context, from the registry and the session.
///
/// Statements, verbs and tables start a statement; verbs follow `|`; the columns of the
/// table in scope (plus those joined or defined earlier in the pipeline), functions and the
/// verb's keywords follow a verb (aggregates after `group`); models follow `attribute`;
/// tables follow `use`, `describe`, `drop`, `join`, `let … =`; dot commands and their
/// choices complete on a dot line; file names complete inside quotes after `load`, `run`,
/// `save … to` and after `.read`.
public struct Completer {
  /// Names from the registry and the session.
  let vocabulary: Vocabulary
  /// File names.
  let paths: PathCompleter

  /// Creates a completer; file names resolve against `directory` (default: the current one).
  public init(session: Session, directory: String? = nil,
              home: String? = ProcessInfo.processInfo.environment["HOME"])
  {
    vocabulary = Vocabulary(session: session)
    paths = PathCompleter(directory: directory ?? FileManager.default.currentDirectoryPath, home: home)
  }

  /// The completion of the text before the cursor (pending lines joined by line breaks,
  /// then the current line up to the cursor).
  public func complete(_ textBeforeCursor: String) -> Completion {
    switch StatementContext(textBeforeCursor).position {
    case .nothing:
      return .none
    case .dotCommand(let word):
      return Completion(word: word, pool: vocabulary.dotCommands)
    case .dotArgument(let command, let previous, let word):
      guard let entry = ShellCommands.entry(command), let choices = SyntaxWords.choices(after: previous, in: entry) else {
        return .none
      }
      return Completion(word: word, pool: Vocabulary.keywords(choices))
    case .path(let prefix, let quote):
      return paths.complete(prefix, quote: quote)
    case .statement(let stages, let word):
      return Completion(word: word, pool: pool(stages))
    }
  }

  /// The candidates at the end of a statement's stages.
  func pool(_ stages: [[Token]]) -> [Candidate] {
    let stage = stages[stages.count - 1]
    guard let first = stage.first else {
      return stages.count == 1 ? vocabulary.registry(.statement) + vocabulary.registry(.verb) + vocabulary.tables
        : vocabulary.registry(.verb)
    }
    guard first.kind == .identifier else { return [] }
    let isTable = vocabulary.isTable(first.text)
    if stages.count == 1, !isTable, let statement = Registry.lookup(first.text, kind: .statement) {
      return statementPool(statement, stage)
    }
    if let verb = Self.verb(of: stage), stages.count > 1 || !isTable {
      return verbPool(verb, stages)
    }
    return []
  }

  /// The verb a stage starts with (`left join` and `order by` included).
  static func verb(of stage: [Token]) -> Registry.Entry? {
    let words = stage.prefix(2).map { $0.kind == .identifier ? $0.text.lowercased() : "" }
    if words.count == 2, let two = Registry.lookup(words.joined(separator: " "), kind: .verb) { return two }
    if words == ["left", "join"] { return Registry.lookup("join", kind: .verb) }
    return words.first.flatMap { Registry.lookup($0, kind: .verb) }
  }

  /// The word of a token when it is a name, lower-cased.
  static func word(_ token: Token?) -> String? {
    guard let token, token.kind == .identifier else { return nil }
    return token.text.lowercased()
  }
}
