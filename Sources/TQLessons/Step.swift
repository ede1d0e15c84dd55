/// One step of a lesson: a few sentences and, except for `read`, something the student does.
public struct Step: Codable, Sendable, Hashable {
  /// What the student does at this step.
  public enum Kind: String, Codable, Sendable, CaseIterable {
    /// Text only; `next` continues.
    case read
    /// The student writes a tq query; its result is compared with `answer`'s.
    case query
    /// The student replies a number or a name, compared with `answer`'s one-cell result.
    case value
    /// The student replies one of `options`; the right key is `answer`'s one-cell result.
    case choice
  }

  /// Stable id, unique in the lesson (progress is keyed by it).
  public var id: String
  /// What the student does.
  public var kind: Kind
  /// The explanation and the task, with `{placeholders}`.
  public var text: LocalizedText
  /// The reference query (query steps), or the query computing the right value or key.
  public var answer: String?
  /// How the answer is checked (query and value steps).
  public var check: Check?
  /// Hints, shown one per `hint`; the last is a template with blanks.
  public var hints: [LocalizedText]?
  /// Other spellings the author confirmed to pass the check.
  public var also_accepted: [String]?
  /// Known wrong queries and what to tell a student whose result equals theirs.
  public var mistakes: [Mistake]?
  /// The options of a choice step.
  public var options: [Option]?
  /// Shown once the step is done; may quote `{<this step's id>.<column>[row]}`.
  public var after: LocalizedText?

  /// Creates a step.
  public init(id: String, kind: Kind, text: LocalizedText, answer: String? = nil, check: Check? = nil,
              hints: [LocalizedText]? = nil, also_accepted: [String]? = nil, mistakes: [Mistake]? = nil,
              options: [Option]? = nil, after: LocalizedText? = nil)
  {
    self.id = id
    self.kind = kind
    self.text = text
    self.answer = answer
    self.check = check
    self.hints = hints
    self.also_accepted = also_accepted
    self.mistakes = mistakes
    self.options = options
    self.after = after
  }
}

/// A known wrong query and the feedback for it.
public struct Mistake: Codable, Sendable, Hashable {
  /// The wrong query.
  public var query: String
  /// What to tell the student whose result equals this query's.
  public var feedback: LocalizedText

  /// Creates a mistake.
  public init(query: String, feedback: LocalizedText) {
    self.query = query
    self.feedback = feedback
  }
}

/// One option of a choice step.
public struct Option: Codable, Sendable, Hashable {
  /// What the student replies (`reply <key>`).
  public var key: String
  /// The option's text.
  public var text: LocalizedText
  /// Said when this wrong option is chosen.
  public var feedback: LocalizedText?

  /// Creates an option.
  public init(key: String, text: LocalizedText, feedback: LocalizedText? = nil) {
    self.key = key
    self.text = text
    self.feedback = feedback
  }
}
