extension ScriptParser {
  /// `[channel = p, …]` after `generate … effects`; nil after an error (reported).
  ///
  /// A channel is a name or a quoted name; a value is any expression here, and the session
  /// checks that it is a number in [0, 1) and that the channel is one the generator knows.
  mutating func parseChannelEffects() -> [ChannelEffect]? {
    let example = "write: effects [email = 0.05, facebook = 0.01]"
    guard eat(.leftBracket) != nil else {
      expected("\"[\"", hint: example)
      return nil
    }
    var list: [ChannelEffect] = []
    if !at(.rightBracket) {
      repeat {
        let channel: Ident
        if let name = eatName() {
          channel = name
        } else if let quoted = eat(.string) {
          channel = Ident(quoted.text, quoted.range)
        } else {
          expected("a channel name", hint: example)
          return nil
        }
        guard eat(.assign) != nil else {
          expected("\"=\"", hint: "write \"\(channel.name.prefix(40)) = 0.05\"")
          return nil
        }
        let value = parseExpr()
        if recovering { return nil }
        list.append(ChannelEffect(channel: channel, value: value))
      } while eat(.comma) != nil
    }
    guard eat(.rightBracket) != nil else {
      expected("\"]\" after the effects")
      return nil
    }
    return list
  }
}
