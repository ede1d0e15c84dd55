import Foundation
import TQEngine
import TQLessons
import Testing

/// The course files: strict decoding, translations, structure (LESSONS.md §3.5 items 1 and 7).
@Suite struct LessonFileTests {
  /// Every file decodes strictly and the static validation finds nothing.
  @Test func courseIsValid() {
    #expect(!course.lessons.isEmpty)
    #expect(LessonValidator.problems(course) == [])
  }

  /// The course's languages are exactly the ones `.lang` can select.
  @Test func languagesAreTheSelectableOnes() {
    #expect(course.course.languages == Language.allCases.map(\.rawValue))
  }

  /// course.yaml lists every lesson file of the folder and nothing else.
  @Test func courseListsEveryLessonFile() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: lessonsFolder)
      .filter { $0.hasSuffix(".yaml") && !["course.yaml", "messages.yaml"].contains($0) }
    #expect(Set(files) == Set(course.course.lessons))
  }

  /// Every message the engine uses exists (in every language, checked by the validator).
  @Test func messagesCoverTheEngine() {
    let used = ["list_header", "status_new", "status_started", "status_done", "step_header", "cue_read", "cue_query",
                "cue_value", "cue_choice", "correct", "correct_spelling", "not_yet", "diff_rows", "diff_column", "diff_row",
                "diff_uses", "suggest_hint", "hint", "no_hints", "no_more_hints", "answer_query", "answer_value",
                "answer_disabled", "wrong_reply", "choice_keys", "lesson_done", "no_lesson", "not_question",
                "query_pending", "reply_pending", "first_step", "left", "reset"]
    for key in used { #expect(course.messages[key] != nil, "missing message \(key)") }
  }

  /// A misspelt key is rejected with its name and line, not silently dropped.
  @Test func unknownKeysAreRejected() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tq-lessons-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try "languages: [en]\nlessons: [a.yaml]\n".write(to: dir.appendingPathComponent("course.yaml"), atomically: true, encoding: .utf8)
    try "{}\n".write(to: dir.appendingPathComponent("messages.yaml"), atomically: true, encoding: .utf8)
    try """
      id: a
      version: 1
      dataset: shop
      title: {en: A}
      steps:
        - id: s
          kind: read
          text: {en: Hello}
          hint: {en: typo}
      """.write(to: dir.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
    #expect {
      try LessonLibrary.load(directory: dir.path)
    } throws: { e in
      "\(e)".contains("unknown key \"hint\" in steps[0]") && "\(e)".contains("line 9")
    }
  }

  /// A missing or empty translation and placeholders that differ between languages are reported.
  @Test func translationGapsAreReported() {
    let step = Step(id: "s", kind: .read, text: LocalizedText(["en": "{a} touches", "it": "{b} contatti", "pl": ""]))
    let lesson = Lesson(id: "x", dataset: "shop", title: LocalizedText(["en": "X", "it": "X"]), facts: ["a": "shop"], steps: [step])
    let problems = LessonValidator.problems(lesson, languages: ["en", "it", "pl"])
    #expect(problems.contains("title: missing or empty pl text"))
    #expect(problems.contains("step s text: missing or empty pl text"))
    #expect(problems.contains("step s text: the languages use different placeholders"))
  }

  /// Placeholders parse as `{name}`, `{name.column}`, `{name.column[row]}`; other braces stay text.
  @Test func placeholders() {
    let ps = Template.placeholders(in: "{a} and {b.c[2]} and {d.e} but not {x y} or {}")
    #expect(ps.map(\.description) == ["a", "b.c[2]", "d.e"])
    #expect(Template.fill("n = {a}; {not a name!}", { $0.name == "a" ? "4" : nil }) == "n = 4; {not a name!}")
  }
}
