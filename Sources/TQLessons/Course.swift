/// The course: `lessons/course.yaml` (order, languages, defaults).
public struct Course: Codable, Sendable, Hashable {
  /// Language codes every text must have (`[en, it, pl]`).
  public var languages: [String]
  /// Lesson files in teaching order (`01-touchpoints.yaml`); `learn N` is the N-th.
  public var lessons: [String]
  /// Whether `answer` may reveal a step (default true; off for graded sessions).
  public var allow_answer: Bool?
  /// Misses after which tq suggests `hint` (default 2).
  public var hint_after: Int?
  /// Concepts the course promises to cover; every one must be some lesson's concept.
  public var syllabus: [String]?

  /// Creates a course.
  public init(languages: [String], lessons: [String], allow_answer: Bool? = nil, hint_after: Int? = nil,
              syllabus: [String]? = nil)
  {
    self.languages = languages
    self.lessons = lessons
    self.allow_answer = allow_answer
    self.hint_after = hint_after
    self.syllabus = syllabus
  }
}
