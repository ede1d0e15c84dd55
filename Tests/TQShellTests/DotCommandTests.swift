import Foundation
import TQEngine
import TQShell
import Testing

/// Dot commands at the prompt: the engine's and the shell's, and how results fit the screen.
@Suite("Dot commands")
struct DotCommandTests {
  /// `.mode`, `.maxrows`, `.timer` set a value, and print it without an argument.
  @Test func settingsPrintTheirValueWithoutAnArgument() {
    let shell = ScriptedShell()
    shell.run([".mode csv", "shop | select channel | take 2", ".mode", ".maxrows 4", ".maxrows", ".timer on", ".timer"])
    #expect(shell.transcript.out.contains("channel\nyoutube\nfacebook\n"))
    #expect(shell.transcript.out.contains("mode: csv\n"))
    #expect(shell.transcript.out.contains("maxrows: 4\n"))
    #expect(shell.transcript.out.contains("timer: on\n"))
  }

  /// `.timer on` prints the time of each statement on stderr.
  @Test func timerPrintsTheElapsedTimeOnStderr() {
    let shell = ScriptedShell()
    shell.run([".timer on", "shop | take 1"])
    #expect(shell.transcript.err.contains("Run Time: "))
  }

  /// Rows beyond `.maxrows` are elided with a footer; `.last` shows them all.
  @Test func maxrowsShowsHeadAndTailAndLastShowsEverything() {
    let shell = ScriptedShell()
    shell.run([".maxrows 4", "shop | select journey_id | take 10", ".last"])
    let parts = shell.transcript.out.components(separatedBy: "tq> .last\n")
    #expect(parts.count == 2)
    #expect(parts[0].contains("10 rows (4 shown)"))
    #expect(parts[0].contains("…"))
    #expect(parts[1].components(separatedBy: "\n").filter { $0.hasPrefix("j0") }.count == 10)
    #expect(!parts[1].contains("rows ("))
  }

  /// Columns beyond the terminal width are dropped with "C columns (k shown)".
  @Test func columnsThatDoNotFitAreElided() {
    let shell = ScriptedShell(width: 60)
    shell.run(["shop | take 3", ".last"])
    let parts = shell.transcript.out.components(separatedBy: "tq> .last\n")
    #expect(parts[0].contains(#/16 columns \(\d+ shown\)/#))
    #expect(parts[0].split(separator: "\n").allSatisfy { $0.count <= 60 })
    #expect(!parts[1].contains("columns ("))
  }

  /// With stdout redirected, results are whole.
  @Test func nothingIsCutWhenStdoutIsNotATerminal() {
    let shell = ScriptedShell(width: nil, terminal: false)
    shell.run([".maxrows 4", "shop | select journey_id | take 10"])
    #expect(!shell.transcript.out.contains("rows ("))
  }

  /// `.last` before any result says so on stderr.
  @Test func lastWithoutAResultSaysSo() {
    let shell = ScriptedShell()
    shell.run([".last"])
    #expect(shell.transcript.err == "no result yet\n")
  }

  /// `.history [N]` lists the statements, numbered, one entry per statement.
  @Test func historyListsTheStatementsNumbered() {
    let shell = ScriptedShell()
    shell.run(["shop | take 1", "shop | take 1", "shop |", "take 2", ".history", ".history 1"])
    #expect(shell.transcript.out.contains("1  shop | take 1\n2  shop | take 2\n3  .history\ntq> "))
    #expect(shell.transcript.out.hasSuffix("tq> .history 1\n4  .history 1\ntq> \n"))
  }

  /// `.help` lists the engine's and the shell's dot commands; a pattern filters them.
  @Test func helpListsEngineAndShellCommandsFromOneTable() {
    let shell = ScriptedShell()
    shell.run([".help"])
    for name in [".help", ".mode", ".timer", ".maxrows", ".read", ".exit", ".history", ".last"] {
      #expect(shell.transcript.out.contains("  \(name)"), "\(name) missing from .help")
    }
    #expect(shell.transcript.out.contains("Ctrl-R"))
    let filtered = ScriptedShell()
    filtered.run([".help hist"])
    #expect(filtered.transcript.out.contains(".history"))
    #expect(!filtered.transcript.out.contains(".mode"))
  }

  /// `.read FILE` runs a script in the session.
  @Test func readRunsAScriptFile() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = dir.appendingPathComponent("q.tq")
    try "let two = shop | take 2\ntwo | select channel\n".write(to: script, atomically: true, encoding: .utf8)
    let shell = ScriptedShell()
    shell.run([".read \(script.path)"])
    #expect(shell.session.tables["two"]?.rowCount == 2)
    #expect(shell.transcript.out.contains("channel\n--------\nyoutube\nfacebook\n"))
  }

  /// An unknown dot command is an error naming it.
  @Test func unknownDotCommandSuggests() {
    let shell = ScriptedShell()
    shell.run([".histroy"])
    #expect(shell.transcript.err.contains("unknown command \".histroy\""))
  }

  /// Colours appear only when the stream allows them (terminal, no `NO_COLOR`).
  @Test func coloursOnlyWhenAsked() {
    let plain = ScriptedShell()
    plain.run(["shop | take 1", "nosuch"])
    #expect(!plain.transcript.all.contains("\u{1B}["))
    let coloured = ScriptedShell(color: true)
    coloured.run(["shop | take 1", "nosuch"])
    #expect(coloured.transcript.out.contains("\u{1B}[1m"))
    #expect(coloured.transcript.err.contains("\u{1B}[1;31merror:"))
    #expect(!Style.forStream(isTerminal: true, environment: ["NO_COLOR": "1"]).enabled)
    #expect(!Style.forStream(isTerminal: false, environment: [:]).enabled)
    #expect(Style.forStream(isTerminal: true, environment: ["TERM": "xterm"]).enabled)
  }
}
