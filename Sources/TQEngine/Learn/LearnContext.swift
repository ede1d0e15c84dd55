import Foundation
import TQLessons

/// A session's lessons: where the course is, the lesson under way, and the student's progress.
///
/// Progress lives in the session's `UserHome` as `learn.json` (written atomically after
/// every change); a session without a home keeps it in memory.
public final class LearnContext: @unchecked Sendable {
  /// The course folder; nil: `$TQ_LESSONS`, else a `lessons/` folder found like `datasets/`.
  public var directory: String?
  /// Where lesson queries run, by dataset name (made on first use; tests may set one).
  public var data: [String: LessonData] = [:]
  /// The course, read on first use.
  var library: LessonLibrary?
  /// The student's progress, read on first use.
  var progress: LearnProgress?
  /// The lesson under way.
  var active: ActiveLesson?

  /// Creates an empty context.
  public init() {}

  /// The id of the lesson under way and its current step's id (nil when none).
  public var position: (lesson: String, step: String)? {
    active.map { ($0.lesson.id, $0.step.id) }
  }

  /// The course folder: the set one, else `$TQ_LESSONS`, else the bundled `lessons/`.
  func courseDirectory() -> String? {
    if let directory { return directory }
    return ProjectFolder.find("lessons", marker: "course.yaml", env: "TQ_LESSONS")
  }
}

/// The lesson under way: which one, at which step, and this step's misses and hints.
struct ActiveLesson {
  /// Its 0-based position in the course.
  var number: Int
  /// The lesson.
  var lesson: Lesson
  /// The current step's index.
  var index: Int
  /// Answers that did not pass at this step.
  var misses = 0
  /// Hints shown at this step.
  var hintsShown = 0

  /// The current step.
  var step: Step { lesson.steps[index] }
}
