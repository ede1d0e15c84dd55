import TQLessons
import TQSyntax

extension Session {
  /// `learn N` / `learn <id>`: starts a lesson, or resumes it at the step where the student
  /// left it (a finished lesson starts again from its first step).
  func learnStart(_ which: Ident, _ library: LessonLibrary, source: SourceFile, emit: (Output) -> Void) throws {
    guard let (number, lesson) = library.lesson(which.name) else {
      throw Diagnostic("unknown lesson \"\(which.name)\"", in: source, which.range,
                       hint: Suggest.hint(which.name, in: library.lessons.map(\.id)) ?? "type learn for the list")
    }
    let saved = lessonProgress.lessons[lesson.id]
    let index = saved.map { $0.completed ? 0 : $0.resumeIndex(in: lesson) } ?? 0
    learn.active = ActiveLesson(number: number, lesson: lesson, index: index)
    updateProgress(lesson, emit: emit) { $0.version = lesson.version }
    moveTo(index, library, emit: emit)
  }
}
