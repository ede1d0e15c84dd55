import TQLessons

extension Session {
  /// `learn`: one line per lesson: its number, title in the current language, and progress.
  func learnList(_ library: LessonLibrary, emit: (Output) -> Void) {
    let progress = lessonProgress
    var lines = [library.message("list_header", lessonLanguage)]
    for (i, lesson) in library.lessons.enumerated() {
      let status: String
      if let p = progress.lessons[lesson.id] {
        let values = ["done": String(p.doneCount(in: lesson)), "total": String(lesson.steps.count)]
        status = library.message(p.completed ? "status_done" : "status_started", lessonLanguage, values)
      } else {
        status = library.message("status_new", lessonLanguage)
      }
      let marker = learn.active?.lesson.id == lesson.id ? "*" : " "
      lines.append("\(marker)\(String(i + 1).leftPadded(2)). \(lesson.title[lessonLanguage]) — \(status)")
    }
    emit(.text(lines.joined(separator: "\n") + "\n"))
  }
}

extension String {
  /// The string right-aligned in `width` characters.
  func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
