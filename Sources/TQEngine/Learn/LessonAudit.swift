import TQLessons
import TQStorage

/// Runs a lesson end to end on some data, as the lesson tests and authors need (LESSONS.md §3.5).
///
/// Every fact and query runs; every placeholder of every text resolves in every language;
/// each reference answer and each `also_accepted` passes its own check; each recorded
/// mistake fails it and triggers its own feedback; a trivial query fails every query step;
/// a value step accepts its live value and rejects another; a choice step accepts its live
/// key and rejects every other option.
public enum LessonAudit {
  /// Every problem found, one line each (empty when the lesson is sound on `data`).
  public static func problems(_ lesson: Lesson, data: LessonData, languages: [String]) -> [String] {
    var out: [String] = []
    for (name, query) in (lesson.facts ?? [:]).sorted(by: { $0.key < $1.key }) {
      do { if try data.result(query).rowCount == 0 { out.append("fact \(name) is empty") } } catch {
        out.append("fact \(name): \(error)")
      }
    }
    out += placeholderProblems(lesson, data: data, languages: languages)
    for step in lesson.steps {
      do {
        out += try stepProblems(step, lesson: lesson, data: data).map { "step \(step.id): \($0)" }
      } catch {
        out.append("step \(step.id): \(error)")
      }
    }
    return out
  }

  /// The facts' values as lesson text shows them in English (to compare two datasets).
  public static func factValues(_ lesson: Lesson, data: LessonData) -> [String: String] {
    var out: [String: String] = [:]
    for name in (lesson.facts ?? [:]).keys {
      if let v = try? data.value(of: Template.Placeholder(name: name, column: nil, row: 0), in: lesson) {
        out[name] = LessonFormat.value(v, language: "en")
      }
    }
    return out
  }

  /// The placeholders that do not resolve on `data`.
  static func placeholderProblems(_ lesson: Lesson, data: LessonData, languages: [String]) -> [String] {
    var texts = [("title", lesson.title)]
    for s in lesson.steps {
      texts.append(("\(s.id) text", s.text))
      if let a = s.after { texts.append(("\(s.id) after", a)) }
      texts += (s.hints ?? []).map { ("\(s.id) hint", $0) }
      texts += (s.mistakes ?? []).map { ("\(s.id) mistake", $0.feedback) }
      texts += (s.options ?? []).flatMap { o in [("\(s.id) option", o.text)] + (o.feedback.map { [("\(s.id) option", $0)] } ?? []) }
    }
    var out: [String] = []
    for (at, text) in texts {
      for l in languages {
        for p in Template.placeholders(in: text[l]) where ((try? data.value(of: p, in: lesson)) ?? nil) == nil {
          out.append("\(at) (\(l)): {\(p)} has no value")
        }
      }
    }
    return out
  }

  /// The problems of one step on `data`.
  static func stepProblems(_ step: Step, lesson: Lesson, data: LessonData) throws -> [String] {
    guard let answer = step.answer else { return [] }
    var out: [String] = []
    switch step.kind {
    case .read:
      break
    case .query:
      let reference = try data.result(answer)
      for c in step.check?.same_result?.columns ?? [] where reference.column(c) == nil {
        out.append("the reference result has no column \(c)")
      }
      for q in [answer] + (step.also_accepted ?? []) {
        let j = try StepJudge.judge(step, student: try data.result(q), text: q, data: data)
        if j != .pass { out.append("\(q) does not pass: \(j)") }
      }
      for m in step.mistakes ?? [] {
        let j = try StepJudge.judge(step, student: try data.result(m.query), text: m.query, data: data)
        if j != .mistake(m) { out.append("mistake \(m.query) gives \(j), not its feedback") }
      }
      let trivial = "\(lesson.dataset) | take 3"
      if try StepJudge.judge(step, student: try data.result(trivial), text: trivial, data: data) == .pass {
        out.append("the trivial query \(trivial) passes")
      }
    case .value:
      let v = try data.scalar(answer)
      if v.isNull { out.append("the answer is null") }
      for l in ["en", "it"] where !ValueCheck.matches(LessonFormat.value(v, language: l), v, step.check?.same_value) {
        out.append("the live value \(LessonFormat.value(v, language: l)) is rejected")
      }
      let wrong = v.asDouble.map { LessonFormat.value(.float($0 * 2 + 7), language: "en") } ?? "not-an-answer"
      if ValueCheck.matches(wrong, v, step.check?.same_value) { out.append("a wrong reply \(wrong) is accepted") }
    case .choice:
      let v = try data.scalar(answer)
      let keys = (step.options ?? []).map(\.key)
      if !keys.contains(where: { ValueCheck.matches($0, v, nil) }) { out.append("the live answer \(v) is no option") }
      if keys.filter({ ValueCheck.matches($0, v, nil) }).count > 1 { out.append("two options match the live answer") }
    }
    return out
  }
}
