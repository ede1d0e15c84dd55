import TQLessons
import TQStorage

extension Session {
  /// While a query step is under way, compares every query the student runs with the step's
  /// reference: a match completes the step; otherwise one line says what differs (or the
  /// feedback of a recorded mistake).
  func observeLessonQuery(_ result: Table, text: String, emit: (Output) -> Void) throws {
    guard let a = learn.active, a.step.kind == .query, let library = learn.library else { return }
    switch try StepJudge.judge(a.step, student: result, text: text, data: lessonData(a.lesson)) {
    case .pass:
      let spelled = a.step.answer.map { squeezed($0) == squeezed(text) } ?? true
      if spelled { say(library, "correct", emit: emit) } else {
        say(library, "correct_spelling", ["query": a.step.answer ?? ""], emit: emit)
      }
      completeStep(library, revealed: false, emit: emit)
    case .mistake(let m):
      emit(.text(lessonData(a.lesson).fill(m.feedback, a.lesson, lessonLanguage).trimmingTrailingNewlines() + "\n"))
      countMiss(library, emit: emit)
    case .differs(let d):
      say(library, "not_yet", ["difference": describe(d, library)], emit: emit)
      countMiss(library, emit: emit)
    }
  }

  /// A difference in the student's language.
  func describe(_ d: Difference, _ library: LessonLibrary) -> String {
    switch d {
    case .rows(let got, let expected):
      return library.message("diff_rows", lessonLanguage, ["got": String(got), "expected": String(expected)])
    case .column(let name, let expected):
      return library.message("diff_column", lessonLanguage, ["column": name, "columns": expected.joined(separator: ", ")])
    case .row(let row, let got, let expected):
      return library.message("diff_row", lessonLanguage, ["row": String(row), "got": got, "expected": expected])
    case .uses(let words):
      return library.message("diff_uses", lessonLanguage, ["words": words.joined(separator: ", ")])
    }
  }

  /// A query's text with blanks collapsed, to tell the reference spelling from another one.
  func squeezed(_ s: String) -> String { s.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
}
