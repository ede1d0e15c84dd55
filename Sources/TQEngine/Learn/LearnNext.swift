import TQLessons

extension Session {
  /// `next`: goes on after a text step or a step already done; a question waits for its answer.
  func learnNext(_ library: LessonLibrary, emit: (Output) -> Void) throws {
    guard let a = activeLesson(library, emit: emit) else { return }
    let done = lessonProgress.lessons[a.lesson.id]?.done.contains(a.step.id) ?? false
    guard a.step.kind == .read || done else {
      return say(library, a.step.kind == .query ? "query_pending" : "reply_pending", emit: emit)
    }
    completeStep(library, revealed: false, emit: emit)
  }
}
