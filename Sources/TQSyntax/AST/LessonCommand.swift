/// A statement that drives a lesson (`learn`, `next`, `reply 4.7`, …); see docs/language.md.
public enum LessonCommand: Hashable, Sendable {
  /// `learn`: the lessons with the student's progress.
  case list
  /// `learn N` or `learn <id>`: start or resume a lesson.
  case start(Ident)
  /// `learn reset N|<id>`: forget a lesson's progress.
  case reset(Ident)
  /// `next`: go on after a text step (or a solved one).
  case next
  /// `back`: show the previous step again.
  case back
  /// `hint`: the next hint of the current step.
  case hint
  /// `answer`: reveal and run the reference answer, then go on.
  case answer
  /// `reply TEXT`: answer a value or choice step (`reply 4.7`, `reply facebook`).
  case reply(StringLiteral)
  /// `quit lesson`: leave the lesson; progress is kept.
  case quit
}
