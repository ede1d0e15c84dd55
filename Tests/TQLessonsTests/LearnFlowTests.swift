import Foundation
import TQEngine
import TQLessons
import Testing

/// The lesson statements at work in a session (LESSONS.md §3.4).
@Suite(.serialized) struct LearnFlowTests {
  /// `learn` lists every lesson with its number, title in the current language and progress.
  @Test func listShowsEveryLessonInTheLanguage() throws {
    let s = lessonSession()
    let en = try transcript(s, "learn")
    #expect(en.split(separator: "\n").count == course.lessons.count + 1)
    #expect(en.contains(" 1. What a touchpoint is — not started"))
    _ = try s.collect(".lang it")
    #expect(try transcript(s, "learn").contains(" 1. Che cos'è un touchpoint — da iniziare"))
    _ = try s.collect(".lang pl")
    #expect(try transcript(s, "learn").contains(" 1. Czym jest punkt styku — nierozpoczęta"))
  }

  /// A query step: a wrong result says what differs, a recorded mistake gives its feedback,
  /// two misses suggest `hint`, the right result (spelt otherwise) completes the step.
  @Test func queryStepComparesResults() throws {
    let s = lessonSession()
    _ = try s.collect("learn 1; next")
    #expect(s.learn.position?.step == "kinds")
    let wrong = try transcript(s, "shop | take 3")
    #expect(wrong.contains("Not yet: your result has 3 rows, the expected one 2."))
    let mistake = try transcript(s, "shop | group touch_kind, managed")
    #expect(mistake.contains("You split by two columns at once."))
    #expect(mistake.contains("Stuck? Type hint."))
    #expect(try transcript(s, "hint").contains("Hint 1/2: The verb that counts rows per value is group."))
    let right = try transcript(s, "shop | group touch_kind agg touches = count() | sort -touches")
    #expect(right.contains("Correct! (The lesson wrote it as: shop | group touch_kind)"))
    #expect(s.learn.position?.step == "physical_share")
  }

  /// A value step accepts the live value (rounded as typed, comma or point) and rejects another.
  @Test func valueStepChecksTheLiveNumber() throws {
    let s = lessonSession()
    _ = try s.collect("learn 1; next; answer")
    let live = try flowData.scalar(course.lessons[0].steps[2].answer!).asDouble!
    #expect(try transcript(s, "reply \(live + 3)").contains("Not that one"))
    #expect(s.learn.position?.step == "physical_share")
    let itStyle = String(format: "%.1f", live).replacingOccurrences(of: ".", with: ",")
    #expect(try transcript(s, "reply \(itStyle)").contains("Correct!"))
    #expect(s.learn.position?.step == "managed")
  }

  /// A choice step takes only its options, accepts the key computed live, rejects the other.
  @Test func choiceStepChecksTheLiveKey() throws {
    let s = lessonSession()
    _ = try s.collect("learn 1; next; answer; answer; answer")
    #expect(s.learn.position?.step == "top_physical")
    #expect(try transcript(s, "reply kiosk").contains("Reply with one of: store, call_center"))
    let right = ValueFormatForTests.plain(try flowData.scalar(course.lessons[0].steps[4].answer!))
    let other = right == "store" ? "call_center" : "store"
    #expect(try transcript(s, "reply \(other)").contains("Not that one"))
    #expect(try transcript(s, "reply \(right)").contains("Correct!"))
  }

  /// `answer` shows and runs the reference query and moves on; `back` returns; `next` waits on a question.
  @Test func answerBackAndNext() throws {
    let s = lessonSession()
    _ = try s.collect("learn 1; next")
    #expect(try transcript(s, "next").contains("This step waits for your query"))
    let shown = try transcript(s, "answer")
    #expect(shown.contains("The lesson's answer: shop | group touch_kind\n[table 2 rows]"))
    #expect(s.learn.position?.step == "physical_share")
    _ = try s.collect("back")
    #expect(s.learn.position?.step == "kinds")
    _ = try s.collect("next")
    #expect(s.learn.position?.step == "physical_share")
  }

  /// Reference queries run apart: the student's tables and table in use do not change.
  @Test func lessonsLeaveTheTablesAlone() throws {
    let s = lessonSession()
    _ = try s.collect("let mine = shop | take 2; use mine")
    _ = try s.collect("learn 2; next; answer; answer; answer")
    #expect(s.current == "mine")
    #expect(s.tables.keys.sorted() == ["mine", "shop"])
    #expect(s.tables["mine"]?.rowCount == 2)
  }

  /// Progress survives a new session with the same home; `quit lesson` keeps it; `learn reset` forgets it.
  @Test func progressSurvivesRestart() throws {
    let home = tempHome()
    let first = lessonSession(home: home)
    _ = try first.collect("learn 2; next; answer; quit lesson")
    #expect(first.learn.position == nil)
    #expect(FileManager.default.fileExists(atPath: home.path("learn.json")))
    let second = lessonSession(home: home)
    #expect(try transcript(second, "learn").contains(" 2. The five phases of the customer journey — in progress, 2/"))
    let resumed = try transcript(second, "learn 2")
    #expect(resumed.contains("step 3 of"))
    #expect(second.learn.position?.step == "busiest")
    _ = try second.collect("quit lesson; learn reset 2")
    #expect(try transcript(lessonSession(home: home), "learn").contains(" 2. The five phases of the customer journey — not started"))
  }

  /// Switching language mid-lesson keeps the step and speaks the new language.
  @Test func languageSwitchKeepsTheStep() throws {
    let s = lessonSession()
    _ = try s.collect("learn 1; next")
    _ = try s.collect(".lang pl")
    #expect(try transcript(s, "shop | take 3").contains("Jeszcze nie: liczba wierszy twojego wyniku: 3, oczekiwana: 2."))
    #expect(try transcript(s, "back").contains("Liczba kontaktów: 35342"))
  }

  /// Lesson statements without a lesson under way say so; an unknown lesson is an error.
  @Test func withoutALesson() throws {
    let s = lessonSession()
    #expect(try transcript(s, "hint").contains("No lesson is under way"))
    #expect(throws: (any Error).self) { try s.collect("learn nosuch") }
    #expect(try transcript(s, "shop | take 1") == "[table 1 rows]\n")
  }
}
