/// `channel = p` in `generate journeys N effects [channel = p, …]`: a channel's true
/// incremental effect on P(convert), checked against the generator's channels when run.
public struct ChannelEffect: Hashable, Sendable {
  /// The channel as written (a name or a quoted name).
  public var channel: Ident
  /// The effect as written (a number literal, possibly negated; checked when run).
  public var value: Expr

  /// Creates a setting.
  public init(channel: Ident, value: Expr) {
    self.channel = channel
    self.value = value
  }
}
