import Foundation
import Testing

/// Runs the built `tq` binary and captures what it does.
struct TQProcess {
  /// Exit status.
  var status: Int32
  /// Standard output.
  var stdout: String
  /// Standard error.
  var stderr: String

  /// The binary under test: `$TQ_BIN`, else the debug build beside the tests.
  static var binary: String {
    if let b = ProcessInfo.processInfo.environment["TQ_BIN"], !b.isEmpty { return b }
    return Repo.root.appendingPathComponent(".build/debug/tq").path
  }

  /// Runs tq with `arguments`, feeding `stdin`, in `directory`, with `environment` added.
  static func run(_ arguments: [String], stdin: String = "", directory: URL? = nil,
                  environment: [String: String] = [:]) throws -> TQProcess {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: binary)
    p.arguments = arguments
    p.currentDirectoryURL = directory ?? Repo.root
    var env = ProcessInfo.processInfo.environment
    env["TQ_DATASETS"] = Repo.root.appendingPathComponent("datasets").path
    env.merge(environment) { _, new in new }
    p.environment = env
    let out = Pipe(), err = Pipe(), inp = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = inp
    try p.run()
    inp.fileHandleForWriting.write(Data(stdin.utf8))
    try inp.fileHandleForWriting.close()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return TQProcess(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
  }

  /// A fresh temporary folder.
  static func tempDir() throws -> URL {
    let d = FileManager.default.temporaryDirectory.appendingPathComponent("tq-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
    return d
  }
}

@Suite(.serialized) struct CommandLineTests {
  /// `-c` runs statements on the bundled dataset and prints CSV on a pipe.
  @Test func dashCPrintsCSVOnAPipe() throws {
    let r = try TQProcess.run(["-c", "shop | group source_group | sort source_group | take 2"])
    #expect(r.status == 0)
    #expect(r.stdout == "source_group,n\ndirect,3897\ndisplay,1913\n")
    #expect(r.stderr.isEmpty)
  }

  /// A statement starting with a verb reads the table in use (shop).
  @Test func verbFirstPipelineUsesShop() throws {
    let r = try TQProcess.run(["-c", "where channel == \"store\" | group channel"])
    #expect(r.stdout == "channel,n\nstore,1296\n")
  }

  /// An error exits 1 with the diagnostic on stderr, naming `-c` and the column.
  @Test func errorExitsOneWithDiagnostic() throws {
    let r = try TQProcess.run(["-c", "shop | whre channel == \"email\""])
    #expect(r.status == 1)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr == """
      -c:1:8: error: unknown verb "whre"
      1 | shop | whre channel == "email"
        |        ^^^^ did you mean "where"?

      """)
  }

  /// Each `-c` is its own source; the run stops at the first failing one.
  @Test func repeatedDashCStopsAtFirstError() throws {
    let r = try TQProcess.run(["-c", "shop | take 1 | select channel", "-c", "nosuch", "-c", "shop | take 1"])
    #expect(r.status == 1)
    #expect(r.stdout == "channel\nyoutube\n")
    #expect(r.stderr.hasPrefix("-c:1:1: error: unknown table \"nosuch\""))
  }

  /// A bad command line exits 2.
  @Test func usageErrorsExitTwo() throws {
    #expect(try TQProcess.run(["--mode", "nope", "-c", "tables"]).status == 2)
    #expect(try TQProcess.run(["--bogus"]).status == 2)
    #expect(try TQProcess.run(["--help"]).status == 0)
  }

  /// `.exit N` exits with N; `--mode` and `.mode` pick the output form.
  @Test func exitCodeAndModes() throws {
    #expect(try TQProcess.run(["-c", ".exit 3"]).status == 3)
    let j = try TQProcess.run(["--mode", "jsonl", "-c", "shop | take 1 | select journey_id, converted, revenue"])
    #expect(j.stdout == "{\"journey_id\":\"j000001\",\"converted\":false,\"revenue\":0.0}\n")
    let t = try TQProcess.run(["-c", ".mode tsv", "-c", "shop | take 1 | select journey_id, ts"])
    #expect(t.stdout == "journey_id\tts\nj000001\t2024-04-26T14:28:39Z\n")
  }

  /// Statements piped on stdin run as a script named `stdin`.
  @Test func stdinRunsAsAScript() throws {
    let ok = try TQProcess.run([], stdin: "shop | take 2 | select channel\n")
    #expect(ok.stdout == "channel\nyoutube\nfacebook\n")
    let bad = try TQProcess.run([], stdin: "shop | take 1\n\nshop | select nope\n")
    #expect(bad.status == 1)
    #expect(bad.stderr.hasPrefix("stdin:3:15: error: unknown column \"nope\""))
  }

  /// A script with a shebang and comments runs, reads files next to it, and reports its own line numbers.
  @Test func scriptFileWithShebang() throws {
    let dir = try TQProcess.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    try "name,score\nann,3\nbob,5\n".write(to: dir.appendingPathComponent("people.csv"), atomically: true, encoding: .utf8)
    let script = """
      #!/usr/bin/env tq
      # a comment
      load "people.csv" as people
      people | where score > 4
        | select name
      """
    try script.write(to: dir.appendingPathComponent("report.tq"), atomically: true, encoding: .utf8)
    let r = try TQProcess.run([dir.appendingPathComponent("report.tq").path], directory: FileManager.default.temporaryDirectory)
    #expect(r.status == 0)
    #expect(r.stdout == "name\nbob\n")
    try (script + "\npeople | sort scor\n").write(to: dir.appendingPathComponent("bad.tq"), atomically: true, encoding: .utf8)
    let b = try TQProcess.run(["bad.tq"], directory: dir)
    #expect(b.status == 1)
    #expect(b.stderr.contains("bad.tq:6:15: error: unknown column \"scor\""))
    #expect(b.stdout == "name\nbob\n")
  }

  /// A missing script is an error with status 1.
  @Test func missingScript() throws {
    let r = try TQProcess.run(["/nonexistent/x.tq"])
    #expect(r.status == 1)
    #expect(r.stderr.contains("cannot read script"))
  }

  /// Long work shows no progress bar when stderr is a pipe (or a file), even with a terminal TERM.
  @Test func noProgressBarOnAPipe() throws {
    let r = try TQProcess.run(["-c", "generate journeys 100000 as g"], environment: ["TERM": "xterm-256color"])
    #expect(r.status == 0)
    #expect(!r.stderr.contains("\r") && !r.stderr.contains("█") && !r.stderr.contains("generating"))
    #expect(r.stderr.isEmpty && r.stdout.isEmpty)
  }

  /// Output to a pipe is never truncated.
  @Test func pipeOutputIsComplete() throws {
    let r = try TQProcess.run(["-c", "shop | take 500 | select journey_id"])
    #expect(r.stdout.split(separator: "\n").count == 501)
  }
}
