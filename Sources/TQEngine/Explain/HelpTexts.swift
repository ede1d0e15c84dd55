import Foundation
import TQSyntax

/// The words of `help` and `explain` in one language: fixed phrases and the registry's
/// one-line summaries. English comes from the code (the registry is the source); other
/// languages from `explain/help.<lang>.yaml`, falling back to English for anything missing.
public struct HelpTexts: Sendable {
  /// What a `help.<lang>.yaml` file holds.
  struct File: Decodable {
    /// Translated phrases by `Phrase` raw value.
    var phrases: [String: String]
    /// Translated registry summaries by kind (`verb`, `dot_command`, …), then entry name.
    var summaries: [String: [String: String]]
  }

  /// The language.
  public var language: Language
  /// Translated phrases by `Phrase` raw value (empty for English).
  public var phrases: [String: String]
  /// Translated registry summaries by kind (`verb`, `dot_command`, …), then entry name
  /// (a name alone is not enough: `first` is an aggregate and a model); empty for English.
  public var summaries: [String: [String: String]]

  /// The English texts.
  public static let english = HelpTexts(language: .en, phrases: [:], summaries: [:])

  /// Creates texts.
  public init(language: Language, phrases: [String: String], summaries: [String: [String: String]]) {
    self.language = language
    self.phrases = phrases
    self.summaries = summaries
  }

  /// A phrase in this language.
  public func phrase(_ p: Phrase) -> String { phrases[p.rawValue] ?? p.english }

  /// An entry's one-line summary in this language.
  public func summary(_ e: Registry.Entry) -> String { summaries[Self.key(e.kind)]?[e.name] ?? e.summary }

  /// The key of a kind in the files (`dot_command`).
  public static func key(_ kind: Registry.Entry.Kind) -> String { kind.rawValue.replacingOccurrences(of: " ", with: "_") }

  /// The name of a kind of registry entry in this language.
  public func kindName(_ kind: Registry.Entry.Kind) -> String {
    switch kind {
    case .statement: phrase(.statement)
    case .verb: phrase(.verb)
    case .function: phrase(.function)
    case .aggregate: phrase(.aggregate)
    case .model: phrase(.model)
    case .dotCommand: phrase(.dotCommand)
    }
  }
}
