import TQLessons

extension Session {
  /// Shows the current step: a header, its text with live numbers, the options of a choice,
  /// and what the student does next.
  func presentStep(_ library: LessonLibrary, emit: (Output) -> Void) {
    guard let a = learn.active else { return }
    let data = lessonData(a.lesson)
    let title = a.lesson.title[lessonLanguage]
    say(library, "step_header", ["lesson": String(a.number + 1), "title": title, "step": String(a.index + 1),
                                 "total": String(a.lesson.steps.count)], emit: emit)
    var text = data.fill(a.step.text, a.lesson, lessonLanguage).trimmingTrailingNewlines() + "\n"
    for o in a.step.options ?? [] { text += "  \(o.key): \(data.fill(o.text, a.lesson, lessonLanguage))\n" }
    emit(.text(text))
    say(library, "cue_\(a.step.kind.rawValue)", emit: emit)
  }

  /// Ends the current step (solved, read or revealed): its `after` text, progress, then the next step.
  func completeStep(_ library: LessonLibrary, revealed: Bool, emit: (Output) -> Void) {
    guard let a = learn.active else { return }
    if let after = a.step.after {
      emit(.text(lessonData(a.lesson).fill(after, a.lesson, lessonLanguage).trimmingTrailingNewlines() + "\n"))
    }
    updateProgress(a.lesson, emit: emit) { p in
      p.markDone(a.step.id)
      if revealed, !p.revealed.contains(a.step.id) { p.revealed.append(a.step.id) }
    }
    guard a.index + 1 < a.lesson.steps.count else {
      updateProgress(a.lesson, emit: emit) { $0.completed = true }
      learn.active = nil
      return say(library, "lesson_done", ["title": a.lesson.title[lessonLanguage]], emit: emit)
    }
    moveTo(a.index + 1, library, emit: emit)
  }

  /// Makes step `index` of the active lesson current, records it, and shows it.
  func moveTo(_ index: Int, _ library: LessonLibrary, emit: (Output) -> Void) {
    guard var a = learn.active else { return }
    a.index = index
    a.misses = 0
    a.hintsShown = 0
    learn.active = a
    updateProgress(a.lesson, emit: emit) { $0.step = a.step.id }
    presentStep(library, emit: emit)
  }

  /// Counts a miss at the current step and suggests `hint` once misses reach the course's threshold.
  func countMiss(_ library: LessonLibrary, emit: (Output) -> Void) {
    guard var a = learn.active else { return }
    a.misses += 1
    learn.active = a
    updateProgress(a.lesson, emit: emit) { $0.misses += 1 }
    if a.misses >= (library.course.hint_after ?? 2), a.hintsShown < (a.step.hints ?? []).count {
      say(library, "suggest_hint", emit: emit)
    }
  }

  /// The active lesson, or nil after saying that none is.
  func activeLesson(_ library: LessonLibrary, emit: (Output) -> Void) -> ActiveLesson? {
    if let a = learn.active { return a }
    say(library, "no_lesson", emit: emit)
    return nil
  }
}

extension String {
  /// The text without trailing line breaks (YAML block scalars end with one).
  func trimmingTrailingNewlines() -> String {
    var s = self
    while s.hasSuffix("\n") { s.removeLast() }
    return s
  }
}
