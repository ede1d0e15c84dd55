import TQGenerate
import TQSyntax

extension Session {
  /// The standard effects with those of `settings` put in their place, each checked: a known
  /// channel, given once, a number in [0, 1).
  static func effects(_ settings: [ChannelEffect], source: SourceFile) throws -> JourneyGenerator.Effects {
    var effects = JourneyGenerator.Effects.standard
    var seen: Set<String> = []
    for s in settings {
      let channel = s.channel.name
      guard JourneyGenerator.channels.contains(channel) else {
        throw Diagnostic("unknown channel \"\(channel)\"", in: source, s.channel.range,
                         hint: Suggest.hint(channel, in: JourneyGenerator.channels)
                           ?? "channels: \(JourneyGenerator.channels.joined(separator: ", "))")
      }
      guard seen.insert(channel).inserted else {
        throw Diagnostic("channel \"\(channel)\" is given twice", in: source, s.channel.range)
      }
      guard let p = number(s.value), p >= 0, p < 1 else {
        throw Diagnostic("an effect is a probability from 0 up to (not including) 1", in: source, s.value.range,
                         hint: "write \(channel) = 0.05: touching \(channel) adds 5 percentage points to P(convert)")
      }
      effects.perChannel[channel] = p
    }
    return effects
  }

  /// The value of a number literal, or of a negated one.
  static func number(_ e: Expr) -> Double? {
    switch e.kind {
    case .literal(.int(let v)): return Double(v)
    case .literal(.float(let v)): return v
    case .unary(.negate, let inner): return number(inner).map { -$0 }
    default: return nil
    }
  }
}
