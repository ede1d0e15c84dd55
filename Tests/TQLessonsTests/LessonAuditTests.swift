import TQEngine
import TQLessons
import Testing

/// Every lesson run end to end: facts, placeholders, reference answers, accepted spellings,
/// recorded mistakes, trivial input, value and choice answers (LESSONS.md §3.5 items 2–5).
@Suite(.serialized) struct LessonAuditTests {
  /// On the bundled dataset.
  @Test(arguments: course.lessons.map(\.id)) func lessonPassesOnShop(_ id: String) throws {
    let lesson = try #require(course.lessons.first { $0.id == id })
    #expect(LessonAudit.problems(lesson, data: bundledData, languages: course.course.languages) == [])
  }

  /// On a second dataset (another seed): the checks still pass and fail as they should, and the
  /// prose quotes the new data.
  @Test(arguments: course.lessons.map(\.id)) func lessonPassesOnSecondDataset(_ id: String) throws {
    let lesson = try #require(course.lessons.first { $0.id == id })
    #expect(LessonAudit.problems(lesson, data: secondData, languages: course.course.languages) == [])
    let here = LessonAudit.factValues(lesson, data: bundledData)
    let there = LessonAudit.factValues(lesson, data: secondData)
    #expect(here.count == (lesson.facts ?? [:]).count)
    #expect(here.isEmpty || here != there, "no fact of \(id) changes with the data")
  }

  /// The audit itself catches a broken step: a mistake whose result equals the reference.
  @Test func auditCatchesAMistakeThatPasses() throws {
    var lesson = try #require(course.lessons.first)
    let i = try #require(lesson.steps.firstIndex { $0.kind == .query })
    lesson.steps[i].mistakes = [Mistake(query: lesson.steps[i].answer!, feedback: LocalizedText(["en": "x", "it": "x", "pl": "x"]))]
    let problems = LessonAudit.problems(lesson, data: bundledData, languages: ["en"])
    #expect(problems.contains { $0.hasPrefix("step \(lesson.steps[i].id): mistake") })
  }
}
