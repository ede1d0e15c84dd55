import TQLessons
import TQSyntax

extension Session {
  /// `learn reset N|<id>`: forgets a lesson's progress (and leaves it if it is under way).
  func learnReset(_ which: Ident, _ library: LessonLibrary, source: SourceFile, emit: (Output) -> Void) throws {
    guard let (number, lesson) = library.lesson(which.name) else {
      throw Diagnostic("unknown lesson \"\(which.name)\"", in: source, which.range, hint: "type learn for the list")
    }
    if learn.active?.lesson.id == lesson.id { learn.active = nil }
    var all = lessonProgress
    all.lessons[lesson.id] = nil
    storeProgress(all, emit: emit)
    say(library, "reset", ["lesson": String(number + 1)], emit: emit)
  }
}
