import TQStorage

/// A bound journey verb: what to compute, with every option resolved (a plain value).
public struct JourneyPlan: Sendable, Equatable {
  /// Which verb.
  public enum Verb: String, Sendable, Equatable {
    case journeys, paths, attribute, transitions, length, lag, funnel, pareto, assists, compare
  }

  /// What `pareto` ranks by.
  public enum Measure: String, Sendable, Equatable {
    case value, conversions, touches
  }

  /// Which verb.
  public var verb: Verb
  /// The touchpoint column (the channel role unless `by` says otherwise).
  public var touchColumn: String
  /// The name of the result's touchpoint column (`channel` for a path table).
  public var label: String
  /// `paths top N`.
  public var top: Int?
  /// Merge repeated consecutive touches (`collapse`).
  public var collapse = false
  /// Include non-converting paths (`paths all`).
  public var includeNonConverting = false
  /// `lookback`: only touches within this many µs before the conversion.
  public var lookback: Int64?
  /// `transitions order K`.
  public var order = 1
  /// `length stats` / `lag stats`.
  public var stats = false
  /// The models of `attribute` (one, or several for compare).
  public var models: [AttributionModel] = []
  /// `attribute compare`.
  public var compare = false
  /// `attribute compare … on value`.
  public var onValue = false
  /// `attribute compare … vs truth`: the true incremental conversions per channel.
  public var truth: [String: Double]?
  /// The column of `funnel` and `pareto`.
  public var column: String?
  /// The steps of `funnel`, in order.
  public var steps: [String] = []
  /// `funnel … within`: µs from the first step.
  public var within: Int64?
  /// What `pareto` ranks by.
  public var measure: Measure = .value
  /// The group names of `compare` (their row masks come with the call).
  public var groups: [String] = []

  /// Creates a plan.
  public init(verb: Verb, touchColumn: String) {
    self.verb = verb
    self.touchColumn = touchColumn
    label = touchColumn
  }
}

/// An attribution model with its parameters, and its name as written.
public struct AttributionModel: Sendable, Equatable {
  /// The rule.
  public enum Rule: Sendable, Equatable {
    case first, last, lastNonDirect, linear
    /// Shares for the first, the middle and the last touch.
    case position(Double, Double, Double)
    case wShaped
    /// Half-life in µs.
    case timeDecay(Int64)
    case markov(order: Int, withNulls: Bool)
    case shapley
  }

  /// The rule.
  public var rule: Rule
  /// The name as written (`position(30, 40, 30)`): the column name in `attribute compare`.
  public var name: String

  /// Creates a model.
  public init(_ rule: Rule, name: String) {
    self.rule = rule
    self.name = name
  }

  /// Whether the model needs touch times.
  public var needsTime: Bool {
    if case .timeDecay = rule { return true }
    return false
  }
}
