import TQStorage
import Foundation
import Testing

/// The `tq` binary the terminal tests drive.
enum BinaryUnderTest {
  /// `$TQ_BIN` (scripts/test.sh sets it), else the debug build.
  static var path: String {
    ProcessInfo.processInfo.environment["TQ_BIN"] ?? repositoryRoot.appendingPathComponent(".build/debug/tq").path
  }

  /// Whether tmux and the binary are there.
  static var canRun: Bool { Tmux.binary != nil && FileManager.default.isExecutableFile(atPath: path) }
}

/// The real `tq` binary in a real terminal (tmux): line editing, completion, recall, search,
/// UTF-8, Ctrl-C and Ctrl-D, checked on the screen.
@Suite("Real terminal (tmux)", .serialized, .enabled(if: BinaryUnderTest.canRun))
struct TerminalTests {
  /// Starts tq in a fresh home folder (also its working folder) with a C locale, so that
  /// the shell must switch to UTF-8 itself.
  func start(home: URL) throws -> Tmux {
    let environment = [
      "HOME": home.path, "TQ_HISTORY": home.appendingPathComponent("history").path, "TERM": "screen",
      "LANG": "C", "PATH": "/usr/bin:/bin", "TQ_DATASETS": bundledDatasets.directory!,
    ]
    let tmux = try Tmux(command: [BinaryUnderTest.path], environment: environment, directory: home.path)
    try tmux.waitFor("the banner and the prompt") { $0.contains("Using shop") && $0.hasSuffix("tq>") }
    return tmux
  }

  /// The history file's lines.
  func historyLines(_ home: URL) -> [String] {
    let text = (try? String(contentsOf: home.appendingPathComponent("history"), encoding: .utf8)) ?? ""
    return text.split(separator: "\n").map(String.init)
  }

  /// Tab, continuation, Up, Ctrl-R, UTF-8 editing and Ctrl-D on a real terminal.
  @Test func completionContinuationRecallSearchAndUTF8() throws {
    let home = try temporaryFolder("tq-tty")
    defer { try? FileManager.default.removeItem(at: home) }
    try "shop | group device\n".write(to: home.appendingPathComponent("history"), atomically: true, encoding: .utf8)
    try FileManager.default.createDirectory(at: home.appendingPathComponent("data"), withIntermediateDirectories: true)
    try "a,b\n1,2\n".write(to: home.appendingPathComponent("data/sample.csv"), atomically: true, encoding: .utf8)
    try "tq:bind -s ^B \"describe shop\"\n".write(to: home.appendingPathComponent(".editrc"), atomically: true, encoding: .utf8)
    let t = try start(home: home)

    // ~/.editrc is read: its macro on Ctrl-B types a statement.
    try t.press("C-b"); try t.waitForLastLine("tq> describe shop")
    try t.press("C-u"); try t.waitForLastLine("tq>")

    // Tab: a table, a verb after `|`, a column of the table in scope, then a listing.
    try t.type("sho"); try t.press("Tab"); try t.waitForLastLine("tq> shop")
    try t.type("| whe"); try t.press("Tab"); try t.waitForLastLine("tq> shop | where")
    try t.type("chan"); try t.press("Tab"); try t.waitForLastLine("tq> shop | where channel")
    try t.type("== \"email\" | sel"); try t.press("Tab"); try t.type("dev"); try t.press("Tab")
    try t.waitForLastLine("tq> shop | where channel == \"email\" | select device")
    try t.type("| take 2"); try t.press("Enter")
    try t.waitFor("the completed query's result") { $0.contains("select device | take 2\ndevice\n------\n") && $0.hasSuffix("tq>") }
    try t.type("shop | s"); try t.press("Tab")
    try t.waitFor("the candidate listing") { screen in
      screen.components(separatedBy: "\n").contains { $0.hasPrefix("select ") && $0.hasSuffix(" sort") }
    }
    try t.press("C-u"); try t.waitForLastLine("tq>")

    // A file name inside quotes after load.
    try t.type("load \"da"); try t.press("Tab"); try t.waitForLastLine("tq> load \"data/")
    try t.type("sa"); try t.press("Tab"); try t.waitForLastLine("tq> load \"data/sample.csv\"")
    try t.press("C-u"); try t.waitForLastLine("tq>")

    // Continuation, then Up recalls the statement as one line.
    try t.type("shop |"); try t.press("Enter"); try t.waitForLastLine("..>")
    try t.type("select channel | take 1"); try t.press("Enter")
    try t.waitFor("the continued query's result") { $0.contains("..> select channel | take 1\nchannel\n-------\nyoutube\ntq>") }
    try t.press("Up"); try t.waitForLastLine("tq> shop | select channel | take 1")
    try t.press("C-u"); try t.waitForLastLine("tq>")

    // Ctrl-R finds a statement of an earlier session.
    try t.press("C-r"); try t.type("group dev")
    try t.waitFor("the search match") { $0.hasSuffix("tq> shop | group device\nbck:group dev") }
    try t.press("Enter")
    try t.waitFor("the found statement's result") { $0.contains("device         n\n") && $0.hasSuffix("tq>") }

    // UTF-8 typed and edited in a C locale: cità ← ← t → città.
    try t.type("shop | select x = \"cità"); try t.press("Left", "Left"); try t.type("t"); try t.press("End")
    try t.type(" ścieżka\" | take 1"); try t.press("Enter")
    try t.waitFor("the UTF-8 result") { $0.contains("\nx\n-------------\ncittà ścieżka\ntq>") }

    try t.press("C-d")
    try t.waitFor("tq to exit") { $0.contains("EXITED rc=0") }
    let lines = historyLines(home)
    #expect(lines.contains("shop | select channel | take 1"))
    #expect(lines.contains(#"shop | select x = "città ścieżka" | take 1"#))
    #expect(lines.first == "shop | group device")
  }

  /// Ctrl-C clears a line, drops a continuation, stops long work; never exits.
  @Test func ctrlCClearsTheLineAndStopsLongWork() throws {
    let home = try temporaryFolder("tq-tty")
    defer { try? FileManager.default.removeItem(at: home) }
    let t = try start(home: home)

    try t.type("half typed"); try t.waitForLastLine("tq> half typed")
    try t.press("C-c"); try t.waitFor("a fresh prompt") { $0.hasSuffix("tq> half typed^C\ntq>") }
    try t.type("shop |"); try t.press("Enter"); try t.waitForLastLine("..>")
    try t.press("C-c"); try t.waitFor("the continuation dropped") { $0.hasSuffix("..> ^C\ntq>") }

    try t.type("let small = shop | take 3"); try t.press("Enter")
    try t.waitFor("small") { $0.contains("small: 3 rows") && $0.hasSuffix("tq>") }
    try t.type("generate journeys 3000000 seed 1 as big"); try t.press("Enter")
    // Ctrl-C only once tq has read the line: a Ctrl-C still queued with the Enter flushes it.
    try t.waitFor("the statement to start") {
      ($0.hasSuffix("tq> generate journeys 3000000 seed 1 as big") && t.cursorColumn() == 0)
        || Self.lastLine($0).hasPrefix("generating  ")  // the progress bar came first (a slow machine)
    }
    try t.press("C-c")
    try t.waitFor("Interrupted") { $0.contains("Interrupted\ntq>") }
    try t.type("tables"); try t.press("Enter")
    try t.waitFor("the table list") { $0.contains("tq> tables\n") && $0.hasSuffix("tq>") }
    #expect(t.screen().contains("small"))
    #expect(!t.screen().components(separatedBy: "tq> tables").last!.contains("big"))

    try t.press("C-c"); try t.waitFor("Ctrl-C on an empty line") { $0.hasSuffix("tq> ^C\ntq>") }
    try t.press("C-d")
    try t.waitFor("tq to exit") { $0.contains("EXITED rc=0") }
  }

  /// Work longer than a second shows a progress bar on stderr, redrawn in place; the result
  /// then takes its line and no trace of the bar stays on the screen.
  @Test func progressBarThenResultWithNothingLeft() throws {
    let home = try temporaryFolder("tq-tty")
    defer { try? FileManager.default.removeItem(at: home) }
    let t = try start(home: home)
    var sawBar = false
    // 200k journeys take several seconds in a debug build; a fast (release) binary gets a bigger job.
    for n in [200_000, 3_000_000] where !sawBar {
      try t.type("generate journeys \(n) as g\(n)"); try t.press("Enter")
      try t.waitFor("the bar or the result") { screen in
        sawBar = Self.lastLine(screen).hasPrefix("generating  [")
        return sawBar || screen.contains("generated g\(n): ")
      }
      if sawBar { #expect(Self.lastLine(t.screen()).count < 100) }
      try t.waitFor("the result") { $0.contains("tq> generate journeys \(n) as g\(n)\ngenerated g\(n): ") && $0.hasSuffix("tq>") }
    }
    #expect(sawBar)
    let screen = t.screen()
    #expect(!screen.contains("█") && !screen.contains("░") && !screen.contains("generating  "))
    try t.press("C-d")
    try t.waitFor("tq to exit") { $0.contains("EXITED rc=0") }
  }

  /// The last line of a screen.
  static func lastLine(_ screen: String) -> String { screen.components(separatedBy: "\n").last ?? "" }
}
