import Foundation
import TQSyntax

extension ShellCommands {
  /// `.history [N]`: the statements typed (the last N), numbered, oldest first.
  static let history = ShellCommand(
    entry: Registry.lookup(".history", kind: .dotCommand)!,
    run: { arguments, shell in
      let entries = shell.history.entries
      let count = arguments.first.flatMap { Int($0) }.map { max(0, min($0, entries.count)) } ?? entries.count
      let first = entries.count - count
      let width = String(entries.count).count
      var text = ""
      for (i, e) in entries.enumerated().dropFirst(first) {
        let number = String(i + 1)
        text += String(repeating: " ", count: width - number.count) + number + "  "
        text += e.replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: width + 2)) + "\n"
      }
      shell.printer.io.out(text)
    })
}
