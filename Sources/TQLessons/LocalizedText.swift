/// A learner-facing text in every language of the course, keyed by language code
/// (`{en: …, it: …, pl: …}`).
///
/// Which languages must be present is the course's business (`Course.languages`);
/// `LessonValidator` reports a missing or empty one, so a gap is a test failure and never a
/// silent fallback at the prompt.
public struct LocalizedText: Codable, Sendable, Hashable {
  /// The text per language code.
  public var byLanguage: [String: String]

  /// Creates a text from its translations.
  public init(_ byLanguage: [String: String]) { self.byLanguage = byLanguage }

  /// Decodes a `{code: text}` mapping.
  public init(from decoder: any Decoder) throws {
    byLanguage = try decoder.singleValueContainer().decode([String: String].self)
  }

  /// Encodes the `{code: text}` mapping.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(byLanguage)
  }

  /// The text in `language`, else English, else any translation (validation makes the
  /// fallbacks unreachable for a shipped course).
  public subscript(language: String) -> String {
    byLanguage[language] ?? byLanguage["en"] ?? byLanguage.values.first ?? ""
  }
}
