/// One `explain` topic, read from `explain/<name>.yaml`: a verb, a model or a concept.
public struct ExplainTopic: Sendable, Decodable {
  /// What sort of topic it is.
  public enum Kind: String, Sendable, Decodable, CaseIterable {
    case verb, model, concept
  }

  /// The topic's name (a registry name for verbs and models).
  public var name: String
  /// Other words that find it (`phase` for `stage`, `80/20` for `pareto`).
  public var aliases: [String]
  /// What sort of topic it is.
  public var kind: Kind
  /// The definition, by language code (`en`, `it`, `pl`).
  public var definition: [String: String]
  /// A pipeline over the bundled `shop` dataset, run live when the topic is shown.
  public var example: String
  /// Names of related topics.
  public var related: [String]

  /// The keys of the file.
  enum CodingKeys: String, CodingKey {
    case name, aliases, kind, definition, example, related
  }

  /// Reads a topic; `aliases` and `related` may be left out.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    name = try c.decode(String.self, forKey: .name)
    aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
    kind = try c.decode(Kind.self, forKey: .kind)
    definition = try c.decode([String: String].self, forKey: .definition)
    example = try c.decode(String.self, forKey: .example)
    related = try c.decodeIfPresent([String].self, forKey: .related) ?? []
  }

  /// Whether `key` (already normalised) names this topic.
  public func answers(to key: String) -> Bool {
    TextLibrary.key(name) == key || aliases.contains { TextLibrary.key($0) == key }
  }
}
