import ArgumentParser
import Foundation
import TQEngine
import TQIO
import TQShell
import TQSyntax

/// The `tq` command line: a script, `-c` statements, piped statements, or the interactive prompt.
struct TQCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tq",
    abstract: "tq: a touchpoint workbench — ask questions of customer journeys in a small pipeline language.",
    discussion: """
      With no arguments on a terminal, tq opens its prompt on the bundled dataset `shop`.
      Examples:
        tq -c 'shop | group channel | sort -n | take 5'
        tq report.tq
        echo 'shop | take 3' | tq --mode csv
      """,
    version: TQVersion.current
  )

  @Option(name: .customShort("c"), help: ArgumentHelp("Run TEXT as if typed at the prompt (repeatable).", valueName: "TEXT"))
  var commands: [String] = []

  @Option(help: ArgumentHelp("Output mode: table, csv, tsv, json, jsonl, markdown, line.", valueName: "MODE"))
  var mode: String?

  @Argument(help: ArgumentHelp("A .tq script to run.", valueName: "FILE"))
  var script: String?

  mutating func validate() throws {
    if let mode, OutputMode(rawValue: mode) == nil {
      throw ValidationError("unknown mode \"\(mode)\"; modes: \(OutputMode.allCases.map(\.rawValue).joined(separator: ", "))")
    }
  }

  func run() throws {
    let session = Session(home: .standard())
    var console = Console()
    console.progress = .standardError(meter: session.meter)
    session.settings.mode = mode.flatMap(OutputMode.init) ?? (console.stdoutIsTerminal ? .table : .csv)
    var sources: [(SourceFile, String?)] = commands.map { (SourceFile(name: "-c", text: $0), nil) }
    if let script {
      guard let data = FileManager.default.contents(atPath: script) else {
        console.error("error: cannot read script \"\(script)\": \(FileManager.default.fileExists(atPath: script) ? "permission denied or not a file" : "no such file")")
        throw ExitCode(1)
      }
      guard let text = String(validating: data, as: UTF8.self) else {
        console.error("error: script \"\(script)\" is not UTF-8 text")
        throw ExitCode(1)
      }
      let dir = URL(fileURLWithPath: script).deletingLastPathComponent().path
      sources.append((SourceFile(name: script, text: text), dir))
    }
    if sources.isEmpty {
      if console.stdinIsTerminal {
        throw ExitCode(TerminalShell.run(session: session))
      }
      let data = FileHandle.standardInput.readDataToEndOfFile()
      sources.append((SourceFile(name: "stdin", text: String(decoding: data, as: UTF8.self)), nil))
    }
    InterruptFlag.installScriptSigintHandler()
    session.isCancelled = { InterruptFlag.sigint.isRaised }
    for (source, dir) in sources {
      if let code = console.runNonInteractive(session, source, directory: dir) { throw ExitCode(code) }
    }
  }
}

/// Entry point: parses the command line (usage errors exit 2, as LANGUAGE.md asks) and runs tq.
@main
enum Entry {
  static func main() {
    do {
      var command = try TQCommand.parse()
      try command.run()
    } catch let code as ExitCode {
      exit(code.rawValue)
    } catch {
      let code = TQCommand.exitCode(for: error)
      if code == .success { TQCommand.exit(withError: error) }
      FileHandle.standardError.write(Data((TQCommand.fullMessage(for: error) + "\n").utf8))
      exit(2)
    }
  }
}
