import TQLessons

extension Session {
  /// `quit lesson`: leaves the lesson under way; `learn N` resumes it where it was left.
  func learnQuit(_ library: LessonLibrary, emit: (Output) -> Void) {
    guard let a = activeLesson(library, emit: emit) else { return }
    learn.active = nil
    say(library, "left", ["lesson": String(a.number + 1)], emit: emit)
  }
}
