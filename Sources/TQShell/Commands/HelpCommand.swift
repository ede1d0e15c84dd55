import TQSyntax

extension ShellCommands {
  /// `.help [pattern]`: the dot commands (all, or those whose name or summary holds the
  /// pattern), then the keys of the prompt.
  static let help = ShellCommand(
    entry: Registry.lookup(".help", kind: .dotCommand)
      ?? Registry.Entry(.dotCommand, ".help", syntax: ".help [pattern]", summary: "list dot commands", example: ".help mode"),
    run: { arguments, shell in
      let pattern = arguments.first?.lowercased()
      let entries = all.filter { e in
        guard let pattern else { return true }
        return e.name.contains(pattern) || e.summary.lowercased().contains(pattern) || e.aliases.contains { $0.contains(pattern) }
      }
      var text = entries.isEmpty ? "no dot command matches \"\(arguments[0])\"\n" : table(entries)
      if pattern == nil { text += keys }
      shell.printer.io.out(text)
    })

  /// Entries as aligned `syntax  summary` lines.
  static func table(_ entries: [Registry.Entry]) -> String {
    let width = min(32, entries.map(\.syntax.count).max() ?? 0)
    return entries.map { e in
      let aliases = e.aliases.isEmpty ? "" : " (also \(e.aliases.joined(separator: ", ")))"
      return "  " + e.syntax + String(repeating: " ", count: max(2, width - e.syntax.count + 2)) + e.summary + aliases
    }.joined(separator: "\n") + "\n"
  }

  /// The prompt's keys.
  static let keys = """

    Keys: Tab completes (and lists the choices), Up/Down recall statements, Ctrl-R searches them,
    Ctrl-C clears the line or stops a running statement, Ctrl-D on an empty line leaves.
    help lists the language: statements, verbs, functions.

    """
}
