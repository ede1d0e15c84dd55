import TQSyntax

extension ShellCommands {
  /// `.last`: the last result again, every row and column.
  static let last = ShellCommand(
    entry: Registry.lookup(".last", kind: .dotCommand)!,
    run: { _, shell in
      guard let table = shell.lastResult else {
        return shell.printer.io.err("no result yet\n")
      }
      shell.printer.io.out(shell.printer.render(table, settings: shell.session.settings, untruncated: true))
    })
}
