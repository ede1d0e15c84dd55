/// One lesson, as written in `lessons/NN-name.yaml`.
public struct Lesson: Codable, Sendable, Hashable {
  /// Stable slug (`learn <id>` and progress use it).
  public var id: String
  /// Bumped when steps change; progress of another version resumes at the first step id that still exists.
  public var version: Int
  /// The bundled dataset its queries run on.
  public var dataset: String
  /// Lessons worth doing first.
  public var requires: [String]?
  /// About how long it takes.
  public var minutes: Int?
  /// Concepts it teaches (syllabus coverage).
  public var concepts: [String]?
  /// Its title.
  public var title: LocalizedText
  /// Named queries whose results the text quotes as `{name}` or `{name.column[row]}`.
  public var facts: [String: String]?
  /// The steps, in order.
  public var steps: [Step]

  /// Creates a lesson.
  public init(id: String, version: Int = 1, dataset: String, requires: [String]? = nil, minutes: Int? = nil,
              concepts: [String]? = nil, title: LocalizedText, facts: [String: String]? = nil, steps: [Step])
  {
    self.id = id
    self.version = version
    self.dataset = dataset
    self.requires = requires
    self.minutes = minutes
    self.concepts = concepts
    self.title = title
    self.facts = facts
    self.steps = steps
  }

  /// The index of the step with an id.
  public func stepIndex(_ id: String) -> Int? { steps.firstIndex { $0.id == id } }
}
