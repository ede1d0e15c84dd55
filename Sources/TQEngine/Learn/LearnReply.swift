import TQLessons

extension Session {
  /// `reply TEXT`: answers a value step (a number or a name, checked against the live value)
  /// or a choice step (an option's key, checked against the key computed live).
  func learnReply(_ reply: String, _ library: LessonLibrary, emit: (Output) -> Void) throws {
    guard let a = activeLesson(library, emit: emit) else { return }
    guard a.step.kind == .value || a.step.kind == .choice, let query = a.step.answer else {
      return say(library, "not_question", emit: emit)
    }
    let expected = try lessonData(a.lesson).scalar(query)
    if a.step.kind == .choice {
      let options = a.step.options ?? []
      guard let chosen = options.first(where: { ValueCheck.normalized($0.key) == ValueCheck.normalized(reply) }) else {
        return say(library, "choice_keys", ["keys": options.map(\.key).joined(separator: ", ")], emit: emit)
      }
      if ValueCheck.matches(chosen.key, expected, nil) {
        say(library, "correct", emit: emit)
        return completeStep(library, revealed: false, emit: emit)
      }
      if let f = chosen.feedback { emit(.text(lessonData(a.lesson).fill(f, a.lesson, lessonLanguage).trimmingTrailingNewlines() + "\n")) }
    } else if ValueCheck.matches(reply, expected, a.step.check?.same_value) {
      say(library, "correct", emit: emit)
      return completeStep(library, revealed: false, emit: emit)
    }
    say(library, "wrong_reply", emit: emit)
    countMiss(library, emit: emit)
  }
}
