import Foundation

/// A language tq's lessons, `help` and `explain` texts are written in.
public enum Language: String, Sendable, CaseIterable, Codable {
  case en, it, pl

  /// The language's own name (`italiano`).
  public var name: String {
    switch self {
    case .en: "English"
    case .it: "italiano"
    case .pl: "polski"
    }
  }

  /// The language `$LC_ALL`, `$LC_MESSAGES` or `$LANG` asks for (`it_IT.UTF-8` → `it`), else English.
  public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Language {
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      guard let v = env[key], !v.isEmpty else { continue }
      return Language(rawValue: String(v.prefix(2)).lowercased()) ?? .en
    }
    return .en
  }
}
