import Foundation

/// Static checks of a course: what can be known without running a query.
///
/// Every learner-facing text has exactly the course's languages, none empty, with the same
/// placeholders in each; placeholders name facts (or a step's own reference result in its
/// `after`, or an earlier step's); step ids are unique; each step has the fields its kind
/// needs and none it cannot use; the course lists each lesson once and covers its syllabus.
/// Running the queries is the engine's part (`LessonAudit`).
public enum LessonValidator {
  /// Every problem of the course, one line each (empty when it is sound).
  public static func problems(_ library: LessonLibrary) -> [String] {
    let langs = library.course.languages
    var out: [String] = []
    if Set(library.course.lessons).count != library.course.lessons.count { out.append("course.yaml: a lesson is listed twice") }
    let ids = library.lessons.map(\.id)
    if Set(ids).count != ids.count { out.append("course.yaml: two lessons share an id") }
    for (key, text) in library.messages {
      out += textProblems(text, langs, where: "messages.yaml: \(key)", allowed: nil)
    }
    for (file, lesson) in zip(library.course.lessons, library.lessons) {
      out += problems(lesson, languages: langs).map { "\(file): \($0)" }
      for r in lesson.requires ?? [] where !ids.contains(r) { out.append("\(file): requires unknown lesson \"\(r)\"") }
    }
    let covered = Set(library.lessons.flatMap { $0.concepts ?? [] })
    for c in library.course.syllabus ?? [] where !covered.contains(c) { out.append("course.yaml: no lesson teaches \"\(c)\"") }
    return out
  }

  /// The problems of one lesson.
  public static func problems(_ lesson: Lesson, languages: [String]) -> [String] {
    var out = textProblems(lesson.title, languages, where: "title", allowed: [])
    let facts = Set((lesson.facts ?? [:]).keys)
    let stepIds = lesson.steps.map(\.id)
    if Set(stepIds).count != stepIds.count { out.append("two steps share an id") }
    for id in stepIds where facts.contains(id) { out.append("step \(id) has the name of a fact") }
    if lesson.steps.isEmpty { out.append("no steps") }
    for (i, step) in lesson.steps.enumerated() {
      let earlier = Set(lesson.steps[..<i].filter { $0.answer != nil }.map(\.id))
      let before = facts.union(earlier)
      let at = "step \(step.id)"
      out += textProblems(step.text, languages, where: "\(at) text", allowed: before)
      if let after = step.after {
        out += textProblems(after, languages, where: "\(at) after", allowed: step.answer == nil ? before : before.union([step.id]))
      }
      for (k, h) in (step.hints ?? []).enumerated() { out += textProblems(h, languages, where: "\(at) hint \(k + 1)", allowed: before) }
      for (k, m) in (step.mistakes ?? []).enumerated() {
        out += textProblems(m.feedback, languages, where: "\(at) mistake \(k + 1)", allowed: before)
      }
      for o in step.options ?? [] {
        out += textProblems(o.text, languages, where: "\(at) option \(o.key)", allowed: before)
        if let f = o.feedback { out += textProblems(f, languages, where: "\(at) option \(o.key) feedback", allowed: before) }
      }
      out += kindProblems(step).map { "\(at): \($0)" }
    }
    return out
  }

  /// What a step's kind requires and forbids.
  static func kindProblems(_ s: Step) -> [String] {
    var out: [String] = []
    let hasCheckable = s.kind != .read
    if hasCheckable, s.answer == nil { out.append("a \(s.kind.rawValue) step needs answer") }
    if !hasCheckable, s.answer != nil || s.check != nil || s.hints != nil || s.mistakes != nil || s.options != nil || s.also_accepted != nil {
      out.append("a read step has only text and after")
    }
    if hasCheckable, (s.hints ?? []).isEmpty { out.append("needs at least one hint") }
    if s.kind != .query, s.mistakes != nil || s.also_accepted != nil { out.append("mistakes and also_accepted belong to query steps") }
    if s.kind != .choice, s.options != nil { out.append("options belong to choice steps") }
    if s.kind == .query, s.check?.same_result == nil { out.append("a query step needs check: {same_result: …}") }
    if s.kind != .query, s.check?.same_result != nil { out.append("same_result belongs to query steps") }
    if s.kind != .value, s.check?.same_value != nil { out.append("same_value belongs to value steps") }
    if s.check?.uses != nil, s.check?.same_result == nil { out.append("uses is allowed only with same_result") }
    if s.kind == .choice {
      let keys = (s.options ?? []).map { $0.key.lowercased() }
      if keys.count < 2 { out.append("a choice step needs at least two options") }
      if Set(keys).count != keys.count { out.append("two options share a key") }
    }
    return out
  }

  /// The problems of one text: languages missing, extra or empty; placeholders that differ
  /// between languages or name nothing in `allowed` (nil: any name).
  static func textProblems(_ t: LocalizedText, _ languages: [String], where at: String, allowed: Set<String>?) -> [String] {
    var out: [String] = []
    for l in languages where (t.byLanguage[l] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      out.append("\(at): missing or empty \(l) text")
    }
    for l in t.byLanguage.keys.sorted() where !languages.contains(l) { out.append("\(at): \(l) is not a course language") }
    let sets = languages.compactMap { t.byLanguage[$0] }.map { Set(Template.placeholders(in: $0)) }
    if let first = sets.first, sets.contains(where: { $0 != first }) {
      out.append("\(at): the languages use different placeholders")
    }
    if let allowed {
      for p in sets.first ?? [] where !allowed.contains(p.name) { out.append("\(at): {\(p)} names no fact or earlier step") }
    }
    return out
  }
}
