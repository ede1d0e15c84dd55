import TQLessons
import TQStorage

/// What tq makes of a student's result at a query step.
public enum Judgement: Equatable, Sendable {
  /// The result is the reference's (and uses the words asked for).
  case pass
  /// The result equals a recorded mistake's.
  case mistake(Mistake)
  /// The result differs from the reference.
  case differs(Difference)
}

/// Judges a query step: the student's result against the reference, then the recorded mistakes.
enum StepJudge {
  /// The judgement of `student` (written as `text`) at `step`, with queries run in `data`.
  static func judge(_ step: Step, student: Table, text: String, data: LessonData) throws -> Judgement {
    guard let answer = step.answer, let options = step.check?.same_result else { return .differs(.rows(got: 0, expected: 0)) }
    if let d = ResultCheck.compare(student, try data.result(answer), options) {
      var whole = options
      whole.columns = nil  // a mistake's result is compared on all of its own columns
      for m in step.mistakes ?? [] where ResultCheck.compare(student, try data.result(m.query), whole) == nil {
        return .mistake(m)
      }
      return .differs(d)
    }
    let words = Set(text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
    let missing = (step.check?.uses ?? []).filter { !words.contains($0.lowercased()) }
    return missing.isEmpty ? .pass : .differs(.uses(missing))
  }
}
