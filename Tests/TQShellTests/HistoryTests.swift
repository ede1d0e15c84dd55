import Foundation
import TQShell
import Testing

/// The history file: appended after every statement, never truncated in place.
@Suite("History file")
struct HistoryTests {
  /// The lines of a file.
  func lines(_ path: String) -> [String] {
    let text = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
  }

  /// The inode of a file.
  func inode(_ path: String) -> UInt64 {
    var st = stat()
    return stat(path, &st) == 0 ? UInt64(st.st_ino) : 0
  }

  /// Entries go to the file one per line (escaped), adjacent duplicates dropped, and read back equal.
  @Test func appendsEveryEntryAndReadsThemBack() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("h").path
    let history = ShellHistory(file: HistoryFile(path: path), limit: 100)
    for e in ["shop | take 1", "shop | take 1", "shop | # c\ntake 2", #"where x ~ "a\\b""#, "shop | take 1", "città ścieżka"] {
      history.add(e)
    }
    let expected = ["shop | take 1", "shop | # c\ntake 2", #"where x ~ "a\\b""#, "shop | take 1", "città ścieżka"]
    #expect(history.entries == expected)
    #expect(lines(path) == ["shop | take 1", #"shop | # c\ntake 2"#, #"where x ~ "a\\\\b""#, "shop | take 1", "città ścieżka"])
    #expect(ShellHistory(file: HistoryFile(path: path), limit: 100).entries == expected)
  }

  /// Every statement is in the file as soon as it ran, a multi-line one as one entry.
  @Test func aScriptedSessionAppendsAfterEachStatement() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("h").path
    let shell = ScriptedShell(file: HistoryFile(path: path))
    shell.run(["shop |", "take 1", "nosuch", ".mode"])
    #expect(lines(path) == ["shop | take 1", "nosuch", ".mode"])
  }

  /// Over the limit, the file is replaced by a new one (temp file + rename), never cut in place.
  @Test func trimsThroughATempFileAndARename() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("h").path
    try (1...50).map { "entry \($0)\n" }.joined().write(toFile: path, atomically: false, encoding: .utf8)
    let before = inode(path)
    let history = ShellHistory(file: HistoryFile(path: path), limit: 20)
    #expect(history.entries == (31...50).map { "entry \($0)" })
    #expect(lines(path) == (31...50).map { "entry \($0)" })
    #expect(inode(path) != before)  // replaced by rename, not rewritten in place
    for i in 51...90 { history.add("entry \(i)") }
    #expect(lines(path).count <= 20 + 16)
    #expect(lines(path).last == "entry 90")
    #expect(history.entries == (71...90).map { "entry \($0)" })
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("tq-tmp") }
    #expect(leftovers.isEmpty)
  }

  /// Invalid UTF-8, NUL and huge lines are skipped with a warning and the file stays byte for byte.
  @Test func loadingNeverRewritesAFileWithUnreadableLines() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("h").path
    var bytes = Array("ok 1\n".utf8) + [0xFF, 0xFE, 0x0A] + Array("a\u{0}b\n".utf8)
    bytes += Array(String(repeating: "x", count: 200_000).utf8) + [0x0A] + Array("ok 2".utf8)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    var warnings: [String] = []
    let history = ShellHistory(file: HistoryFile(path: path), limit: 100) { warnings.append($0) }
    #expect(history.entries == ["ok 1", "ok 2"])
    #expect(warnings == ["history: skipped 3 unreadable entries in \(path)"])
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes))
    history.add("ok 3")  // the last line had no line break (a killed writer): it gets one first
    #expect(lines(path).suffix(2) == ["ok 2", "ok 3"])
  }

  /// A history path that is a symbolic link keeps pointing to the file, which is trimmed.
  @Test func aSymbolicLinkStaysALink() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let real = dir.appendingPathComponent("real").path
    let link = dir.appendingPathComponent("link").path
    try (1...40).map { "e\($0)\n" }.joined().write(toFile: real, atomically: false, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
    let history = ShellHistory(file: HistoryFile(path: link), limit: 10)
    history.add("new")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
    #expect(lines(real) == (31...40).map { "e\($0)" } + ["new"])
  }

  /// A file that cannot be written gives one warning; entries still count in the session.
  @Test func aFileThatCannotBeWrittenWarnsOnceAndTheShellGoesOn() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let blocker = dir.appendingPathComponent("file")
    try "x".write(to: blocker, atomically: true, encoding: .utf8)
    var warnings: [String] = []
    let history = ShellHistory(file: HistoryFile(path: blocker.path + "/h"), limit: 10) { warnings.append($0) }
    history.add("a")
    history.add("b")
    #expect(history.entries == ["a", "b"])
    #expect(warnings.count == 2)  // reading, then the first write
    #expect(warnings.last?.contains("cannot write \(blocker.path)/h: Not a directory") == true)
  }

  /// Two sessions appending at once lose no line and mix no bytes.
  @Test func twoSessionsAppendWithoutLosingOrMixingLines() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("h").path
    DispatchQueue.concurrentPerform(iterations: 2) { k in
      let file = HistoryFile(path: path)
      for i in 0..<300 { try? file.append("session \(k) line \(i) " + String(repeating: "z", count: 100)) }
    }
    let all = lines(path)
    #expect(all.count == 600)
    #expect(all.allSatisfy { $0.hasPrefix("session ") && $0.hasSuffix(String(repeating: "z", count: 100)) })
  }

  /// A temp file left by a killed trim is removed at start.
  @Test func staleTempFilesOfKilledTrimsAreRemoved() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("h").path
    let stale = dir.appendingPathComponent(".h.tq-tmp-2147483000-1").path
    try "old\n".write(toFile: stale, atomically: false, encoding: .utf8)
    _ = ShellHistory(file: HistoryFile(path: path), limit: 10)
    #expect(!FileManager.default.fileExists(atPath: stale))
  }

  /// `TQ_HISTORY` (empty: none), `HOME` and `TQ_HISTSIZE` pick the file and its size.
  @Test func pathAndSizeFromTheEnvironment() {
    #expect(ShellHistory.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.tq_history")
    #expect(ShellHistory.defaultPath(environment: ["HOME": "/home/a", "TQ_HISTORY": "/tmp/h"]) == "/tmp/h")
    #expect(ShellHistory.defaultPath(environment: ["HOME": "/home/a", "TQ_HISTORY": ""]) == nil)
    #expect(ShellHistory.defaultLimit(environment: ["TQ_HISTSIZE": "50"]) == 50)
    #expect(ShellHistory.defaultLimit(environment: ["TQ_HISTSIZE": "-1"]) == 1000)
  }
}
