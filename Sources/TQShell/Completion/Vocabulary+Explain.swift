import TQEngine

extension Vocabulary {
  /// The names of `explain`'s topics (none when its texts are not found).
  var explainTopics: [Candidate] {
    ((try? session.library.topics()) ?? []).map { Candidate($0.name, .keyword) }
  }
}
