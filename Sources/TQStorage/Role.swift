/// A journey role: which column of a table plays which part of a customer journey.
///
/// `load` detects roles from column names (`detect(in:)`) and `with role = column`
/// overrides them; journey verbs read columns through roles, never by fixed names.
public enum Role: String, Sendable, CaseIterable, Hashable {
  case journey, customer, time, channel, conversion, stage, event, value, cost
  /// The path column of a path-aggregated table (`a > b > c`).
  case path
  /// The non-conversion count column of a path-aggregated table.
  case nulls

  /// Column names that give a column this role, most specific first (LANGUAGE.md, "Journey roles").
  public var detectedNames: [String] {
    switch self {
    case .journey: return ["journey_id", "session_journey"]
    case .customer: return ["customer_id", "user_id", "client_id"]
    case .time: return ["ts", "timestamp", "time", "event_time", "date"]
    case .channel: return ["channel", "source_medium", "source"]
    case .conversion: return ["converted", "conversion", "is_conversion"]
    case .stage: return ["stage", "phase", "journey_stage"]
    case .event: return ["event", "event_name", "event_type", "interaction"]
    case .value: return ["revenue", "value", "conversion_value"]
    case .cost: return ["cost", "spend"]
    case .path: return ["path"]
    case .nulls: return []
    }
  }

  /// Names that stand in for the journey when no journey column exists.
  public static let journeyFallbackNames = ["customer_id", "user_id", "client_id", "visitor_id", "user_pseudo_id"]

  /// Detects roles from column names (case-insensitive) for a touch-level table.
  public static func detect(in names: [String]) -> [Role: String] {
    let lower = Dictionary(names.map { ($0.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
    var roles: [Role: String] = [:]
    for role in Role.allCases where role != .path && role != .nulls {
      if let hit = role.detectedNames.first(where: { lower[$0] != nil }) { roles[role] = lower[hit] }
    }
    if roles[.journey] == nil, let hit = journeyFallbackNames.first(where: { lower[$0] != nil }) {
      roles[.journey] = lower[hit]
    }
    if roles[.customer] == roles[.journey] { roles[.customer] = nil }
    return roles
  }

  /// Detects the columns of a path-aggregated table (`format paths`).
  public static func detectPaths(in names: [String]) -> [Role: String] {
    let lower = Dictionary(names.map { ($0.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
    func first(_ candidates: [String]) -> String? { candidates.lazy.compactMap { lower[$0] }.first }
    var roles: [Role: String] = [:]
    roles[.path] = first(["path", "paths", "channel_path"])
    roles[.conversion] = first(["total_conversions", "conversions", "conversion"])
    roles[.value] = first(["total_conversion_value", "conversion_value", "value", "revenue"])
    roles[.nulls] = first(["total_null", "total_nulls", "nulls", "null", "non_conversions"])
    return roles
  }
}

/// What one row of a table stands for.
public enum TableKind: String, Sendable {
  /// One row per touch (or event) of a journey.
  case touches
  /// One row per path with its conversions, value and nulls (`load … format paths`).
  case paths
}
