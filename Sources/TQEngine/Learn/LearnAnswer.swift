import TQLessons

extension Session {
  /// `answer`: prints the reference answer (and, for a query, runs it, so the result is on
  /// screen), records the step as revealed, and moves on. A course may turn it off.
  func learnAnswer(_ library: LessonLibrary, emit: (Output) -> Void) throws {
    guard let a = activeLesson(library, emit: emit) else { return }
    guard library.course.allow_answer ?? true else { return say(library, "answer_disabled", emit: emit) }
    guard let query = a.step.answer else { return completeStep(library, revealed: false, emit: emit) }
    let data = lessonData(a.lesson)
    if a.step.kind == .query {
      say(library, "answer_query", ["query": query], emit: emit)
      emit(.table(try data.result(query)))
    } else {
      let value = LessonFormat.value(try data.scalar(query), language: lessonLanguage)
      say(library, "answer_value", ["value": value, "query": query], emit: emit)
    }
    completeStep(library, revealed: true, emit: emit)
  }
}
