import Foundation

/// A student's progress in every lesson, keyed by lesson id (`~/.tq/learn.json`).
public struct LearnProgress: Codable, Sendable, Hashable {
  /// Progress per lesson id.
  public var lessons: [String: LessonProgress]

  /// Creates an empty record.
  public init(lessons: [String: LessonProgress] = [:]) { self.lessons = lessons }

  /// Reads the JSON form; nil when it is not a progress record.
  public static func decode(_ text: String) -> LearnProgress? {
    try? JSONDecoder().decode(LearnProgress.self, from: Data(text.utf8))
  }

  /// The JSON form (keys sorted, so the file diffs well).
  public func encoded() -> String {
    let e = JSONEncoder()
    e.outputFormatting = [.prettyPrinted, .sortedKeys]
    return ((try? e.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
  }
}

/// Where a student is in one lesson and what they used on the way.
public struct LessonProgress: Codable, Sendable, Hashable {
  /// The lesson version this was recorded against.
  public var version: Int
  /// The id of the step to resume at.
  public var step: String
  /// Ids of the steps done (solved, read or revealed).
  public var done: [String]
  /// Ids of the steps whose answer was revealed.
  public var revealed: [String]
  /// Answers tried that did not pass.
  public var misses: Int
  /// Hints shown.
  public var hints: Int
  /// Whether the lesson was finished.
  public var completed: Bool

  /// Progress at the first step of a lesson.
  public init(lesson: Lesson) {
    version = lesson.version
    step = lesson.steps.first?.id ?? ""
    done = []
    revealed = []
    misses = 0
    hints = 0
    completed = false
  }

  /// The step to resume at: the recorded one if the lesson still has it, else the first not done.
  public func resumeIndex(in lesson: Lesson) -> Int {
    if let i = lesson.stepIndex(step) { return i }
    return lesson.steps.firstIndex { !done.contains($0.id) } ?? 0
  }

  /// Records a step as done (once).
  public mutating func markDone(_ id: String) {
    if !done.contains(id) { done.append(id) }
  }

  /// How many of the lesson's steps are done.
  public func doneCount(in lesson: Lesson) -> Int { lesson.steps.filter { done.contains($0.id) }.count }
}
