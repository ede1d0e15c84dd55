import TQStorage
import Foundation
import Synchronization
import TQEngine
import TQShell
import Testing

/// The input loop without a terminal: statements, continuation, errors, Ctrl-C, exit.
@Suite("Input loop")
struct InputLoopTests {
  /// A statement runs and prints its result after the `tq> ` prompt.
  @Test func runsAStatementAndShowsThePrompt() {
    let shell = ScriptedShell()
    #expect(shell.run(["shop | select channel | take 2"]) == 0)
    #expect(shell.transcript.all.hasPrefix("tq> shop | select channel | take 2\nchannel\n"))
    // The prompt with the line, header, rule, two rows, the last prompt.
    #expect(shell.transcript.out.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 6)
    #expect(shell.transcript.err.isEmpty)
  }

  /// A line ending in `|`, a comma or inside brackets continues with `..> `; one history entry.
  @Test func aTrailingPipeCommaOrOpenBracketContinues() {
    let shell = ScriptedShell()
    shell.run(["shop |", "  select channel,", "  device | where channel in [\"email\",", "\"search\"] | take 1"])
    #expect(shell.transcript.out.occurrences(of: "..> ") == 3)
    #expect(shell.transcript.out.occurrences(of: "channel  device") == 1)
    #expect(shell.history.entries == [#"shop | select channel, device | where channel in ["email", "search"] | take 1"#])
  }

  /// A comment inside a multi-line statement keeps the entry's line breaks.
  @Test func aLineWithACommentKeepsItsLineBreaksInHistory() {
    let shell = ScriptedShell()
    shell.run(["shop | # all rows", "take 1"])
    #expect(shell.history.entries == ["shop | # all rows\ntake 1"])
    #expect(shell.transcript.err.isEmpty)
  }

  /// An error prints its diagnostic and every table stays.
  @Test func anErrorShowsTheDiagnosticAndKeepsTheTables() {
    let shell = ScriptedShell()
    shell.run(["let small = shop | take 3", "small | where chanel == 1", "small | select channel"])
    #expect(shell.transcript.err.contains("tq:1:15: error: unknown column \"chanel\""))
    #expect(shell.transcript.err.contains("^^^^^^ did you mean \"channel\"?"))
    #expect(shell.session.tables["small"]?.rowCount == 3)
    #expect(shell.transcript.out.hasSuffix("channel\n--------\nyoutube\nfacebook\ntiktok\ntq> \n"))
  }

  /// Ctrl-C at the continuation prompt drops the pending statement.
  @Test func ctrlCDropsThePendingStatement() {
    let shell = ScriptedShell()
    shell.run([.line("shop |"), .interrupted, .line("shop | select channel | take 1")])
    #expect(shell.transcript.out.contains("tq> shop |\n..> ^C\ntq> shop | select channel | take 1\n"))
    #expect(shell.transcript.err.isEmpty)
    #expect(shell.history.entries == ["shop | select channel | take 1"])
  }

  /// `.exit N` ends the loop with status N; `.quit` with 0.
  @Test func exitStopsWithItsStatus() {
    let shell = ScriptedShell()
    #expect(shell.run([".exit 3", "shop | take 1"]) == 3)
    #expect(!shell.transcript.out.contains("journey_id"))
    #expect(ScriptedShell().run([".quit"]) == 0)
  }

  /// A dot line while a statement is pending is part of the statement.
  @Test func aDotLineIsAStatementLineWhileOneIsPending() {
    let shell = ScriptedShell()
    shell.run(["shop | select channel,", ".last"])
    #expect(shell.transcript.err.contains("error"))
    #expect(!shell.transcript.err.contains("no result yet"))
    #expect(shell.history.entries == ["shop | select channel, .last"])
  }

  /// Ctrl-C during a long `generate` stops it, prints "Interrupted" and keeps the session.
  @Test func ctrlCStopsLongWorkAndKeepsTheSession() throws {
    let shell = ScriptedShell()
    shell.run(["let small = shop | take 3"])
    let raised = Atomic<UInt64>(0)
    let flag = shell.interrupt
    Thread.detachNewThread {
      Thread.sleep(forTimeInterval: 0.5)
      raised.store(DispatchTime.now().uptimeNanoseconds, ordering: .relaxed)
      flag.raise()
    }
    shell.run(["generate journeys 3000000 seed 1 as big"])
    let latency = Double(DispatchTime.now().uptimeNanoseconds - raised.load(ordering: .relaxed)) / 1e9
    #expect(shell.transcript.err.contains("Interrupted"))
    #expect(shell.session.tables["big"] == nil)
    #expect(shell.session.tables["small"]?.rowCount == 3)
    // The goal is 200 ms in a release build. A debug build on a loaded 2-core machine took up
    // to 3.3 s here (the generator finishes its partial table first), against a minute uncut.
    #expect(latency < 5.0, "Ctrl-C took \(latency) s to stop generate")
    shell.run(["small | select channel | take 1"])
    #expect(shell.transcript.out.hasSuffix("channel\n-------\nyoutube\ntq> \n"))
  }
}

