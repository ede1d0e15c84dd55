/// Conversion paths in flat arrays: the input of every attribution model and path report.
///
/// Path `i` is the channel codes `touches[offsets[i] ..< offsets[i + 1]]` in time order,
/// with `conversions[i]` conversions, `values[i]` money and `nulls[i]` non-conversions.
/// A touch-level table gives one path per conversion (conversions 1, nulls 0) and one per
/// journey without a conversion (conversions 0, nulls 1); a path-aggregated table gives its
/// rows as they are. A conversion with no touch before it has the one-touch path `(none)`.
public struct PathSet: Sendable {
  /// Channel names by code.
  public var channelNames: [String]
  /// Channel codes of every touch of every path, path after path.
  public var touches: [UInt32]
  /// Start of each path in `touches`, plus a final sentinel (`offsets.count == count + 1`).
  public var offsets: [Int]
  /// Conversions of each path.
  public var conversions: [Double]
  /// Conversion value of each path.
  public var values: [Double]
  /// Non-conversions (journeys that ended without converting) of each path.
  public var nulls: [Double]
  /// Time of each touch in µs, when the table has a time role.
  public var touchTimes: [Int64]?
  /// Time of each path's conversion in µs (for a non-converting path: of its last touch).
  public var endTimes: [Int64]?
  /// Whether each touch is in stage `consideration` (for w_shaped's lead touch), when asked for.
  public var touchInConsideration: [Bool]?
  /// Whether each touch counts as direct by its source group though its name is not `direct`
  /// (for `last_non_direct`); nil when no touch does.
  public var directTouches: [Bool]?

  /// Creates a path set.
  public init(channelNames: [String], touches: [UInt32], offsets: [Int], conversions: [Double], values: [Double],
              nulls: [Double], touchTimes: [Int64]? = nil, endTimes: [Int64]? = nil, touchInConsideration: [Bool]? = nil)
  {
    self.channelNames = channelNames
    self.touches = touches
    self.offsets = offsets
    self.conversions = conversions
    self.values = values
    self.nulls = nulls
    self.touchTimes = touchTimes
    self.endTimes = endTimes
    self.touchInConsideration = touchInConsideration
  }

  /// The number of paths.
  public var count: Int { offsets.count - 1 }

  /// The channel codes of path `i`.
  @inline(__always) public func path(_ i: Int) -> ArraySlice<UInt32> { touches[offsets[i]..<offsets[i + 1]] }

  /// Total conversions.
  public var totalConversions: Double { conversions.reduce(0, +) }

  /// Total value.
  public var totalValue: Double { values.reduce(0, +) }
}
