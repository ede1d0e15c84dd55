import Foundation
import TQIO
import TQStorage

/// How live values appear in lesson text: numbers rounded for reading, in the
/// language's decimal style (`4.73` in English, `4,73` in Italian and Polish).
enum LessonFormat {
  /// A value for lesson text.
  static func value(_ v: Value, language: String) -> String {
    switch v {
    case .float(let x):
      var s = String(format: "%.2f", x)
      while s.contains("."), s.hasSuffix("0") { s.removeLast() }
      if s.hasSuffix(".") { s.removeLast() }
      return language == "en" ? s : s.replacingOccurrences(of: ".", with: ",")
    default:
      return ValueFormat.plain(v)
    }
  }
}
