import TQLessons

extension Session {
  /// `back`: shows the previous step again (its answer is kept if it was done).
  func learnBack(_ library: LessonLibrary, emit: (Output) -> Void) throws {
    guard let a = activeLesson(library, emit: emit) else { return }
    guard a.index > 0 else { return say(library, "first_step", emit: emit) }
    moveTo(a.index - 1, library, emit: emit)
  }
}
