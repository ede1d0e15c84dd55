import Testing

@testable import TQSyntax

/// The lesson statements parse as such only in their own shapes; the words stay usable as names.
@Suite struct LessonStatementTests {
  /// The kinds of the statements of `text` (nil for a pipeline), or nil if it does not parse.
  func lessonCommands(_ text: String) -> [LessonCommand?]? {
    let (script, diagnostics) = Parser.parse(SourceFile(name: "t", text: text))
    guard diagnostics.isEmpty else { return nil }
    return script.statements.map { if case .lesson(let c) = $0.kind { return c } else { return nil } }
  }

  /// Every lesson statement.
  @Test func lessonStatements() throws {
    let cs = try #require(lessonCommands("learn; learn 3; learn pareto; learn reset 2; next; back; hint; answer; quit lesson"))
    #expect(cs.count == 9)
    #expect(cs[0] == .list && cs[4] == .next && cs[5] == .back && cs[6] == .hint && cs[7] == .answer && cs[8] == .quit)
    if case .start(let n) = cs[1] { #expect(n.name == "3") } else { Issue.record("learn 3 is \(String(describing: cs[1]))") }
    if case .start(let n) = cs[2] { #expect(n.name == "pareto") } else { Issue.record("learn pareto") }
    if case .reset(let n) = cs[3] { #expect(n.name == "2") } else { Issue.record("learn reset 2") }
  }

  /// `reply` keeps what follows as written; a lone quoted string gives its text.
  @Test func replyText() throws {
    let cs = try #require(lessonCommands("reply 4,7\nreply \"google ads\"\nreply -1.5"))
    let texts = cs.compactMap { c -> String? in if case .reply(let t) = c { return t.value } else { return nil } }
    #expect(texts == ["4,7", "google ads", "-1.5"])
    #expect(lessonCommands("reply") == nil)
    #expect(lessonCommands("learn 1 2") == nil)
  }

  /// Tables named like the words still work in pipelines.
  @Test func wordsStayNames() throws {
    let cs = try #require(lessonCommands("answer | take 3; next | take 1; learn | take 1; quit"))
    #expect(cs.allSatisfy { $0 == nil })
  }
}
