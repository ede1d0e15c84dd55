import Foundation
import TQIO
import TQLessons
import TQStorage

/// The checks of `reply`: a typed number or name against a value computed live.
enum ValueCheck {
  /// Whether `reply` matches `expected`. Numbers: within `options.tolerance` if given, else
  /// the live value rounded to the decimals typed (`4.7` for 4.73; `4,7` and a trailing `%`
  /// are accepted). Text: equal ignoring case and surrounding blanks.
  static func matches(_ reply: String, _ expected: Value, _ options: SameValue?) -> Bool {
    guard let want = expected.asDouble else { return normalized(reply) == normalized(ValueFormat.plain(expected)) }
    guard let (got, decimals) = number(reply) else { return false }
    if let t = options?.tolerance { return abs(got - want) <= t + 1e-9 }
    let step = pow(10, -Double(decimals))
    return abs(got - want) <= step / 2 + 1e-9
  }

  /// A typed number and how many decimals it has (`4,70%` → 4.7, 2).
  static func number(_ text: String) -> (Double, Int)? {
    var t = text.trimmingCharacters(in: .whitespaces)
    if t.hasSuffix("%") { t = String(t.dropLast()).trimmingCharacters(in: .whitespaces) }
    if !t.contains("."), t.filter({ $0 == "," }).count == 1 { t = t.replacingOccurrences(of: ",", with: ".") }
    guard let x = Double(t), x.isFinite else { return nil }
    let decimals = t.firstIndex(of: ".").map { t.distance(from: $0, to: t.endIndex) - 1 } ?? 0
    return (x, decimals)
  }

  /// Text compared loosely: trimmed, lowercased, quotes removed.
  static func normalized(_ s: String) -> String {
    s.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\"'"))).lowercased()
  }
}
