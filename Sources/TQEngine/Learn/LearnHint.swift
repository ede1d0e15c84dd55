import TQLessons

extension Session {
  /// `hint`: the next hint of the current step, one per call; after the last, the way to `answer`.
  func learnHint(_ library: LessonLibrary, emit: (Output) -> Void) {
    guard var a = activeLesson(library, emit: emit) else { return }
    let hints = a.step.hints ?? []
    guard a.hintsShown < hints.count else {
      return say(library, hints.isEmpty ? "no_hints" : "no_more_hints", emit: emit)
    }
    let text = lessonData(a.lesson).fill(hints[a.hintsShown], a.lesson, lessonLanguage)
    a.hintsShown += 1
    learn.active = a
    updateProgress(a.lesson, emit: emit) { $0.hints += 1 }
    say(library, "hint", ["n": String(a.hintsShown), "total": String(hints.count), "text": text.trimmingTrailingNewlines()],
        emit: emit)
  }
}
