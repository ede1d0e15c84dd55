import TQSyntax

/// A dot command the shell runs itself (`.help`, `.history`, `.last`).
struct ShellCommand: Sendable {
  /// How `.help` shows it and how completion finds it.
  let entry: Registry.Entry
  /// Runs it with its arguments.
  let run: @Sendable (_ arguments: [String], _ shell: InputProcessor) -> Void
}

/// The one table of dot commands: the engine's (from the registry) and the shell's.
///
/// `.help` lists it and Tab completes from it, so a dot command added to the registry or
/// here shows up in both.
enum ShellCommands {
  /// The commands the shell runs itself; the others go to the engine.
  static let own: [ShellCommand] = [help, history, last]

  /// Every dot command, in the registry's order with the shell's own added.
  static var all: [Registry.Entry] {
    var entries = Registry.entries(.dotCommand)
    for command in own where !entries.contains(where: { $0.name == command.entry.name }) {
      entries.append(command.entry)
    }
    return entries
  }

  /// Every spelling of every dot command (names and aliases).
  static var names: [String] { all.flatMap { [$0.name] + $0.aliases } }

  /// The shell's own command spelled `name`, if it is one.
  static func find(_ name: String) -> ShellCommand? {
    let n = name.lowercased()
    return own.first { $0.entry.name == n || $0.entry.aliases.contains(n) }
  }

  /// The entry of a dot command by one of its spellings.
  static func entry(_ name: String) -> Registry.Entry? {
    let n = name.lowercased()
    return all.first { $0.name == n || $0.aliases.contains(n) }
  }
}
