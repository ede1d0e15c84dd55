extension ScriptParser {
  /// The option words each journey verb accepts (besides `by`, `top`, `order`, …).
  static let journeyFlags: [JourneyStage.Verb: Set<String>] = [
    .paths: ["collapse", "all"], .transitions: ["collapse"], .length: ["stats"], .lag: ["stats"],
  ]

  /// Parses the options of a journey verb (the verb is already consumed).
  mutating func parseJourneyStage(_ verb: JourneyStage.Verb) -> Stage.Kind {
    var j = JourneyStage(verb: verb)
    switch verb {
    case .attribute:
      if eatWord("compare") != nil {
        j.compare = true
        repeat { if let m = parseModelSpec() { j.models.append(m) } } while eat(.comma) != nil && !recovering
      } else if let m = parseModelSpec() {
        j.models = [m]
      }
    case .funnel:
      guard let col = eatName() else {
        expected("the column whose values are the steps", hint: "write: funnel stage [awareness, consideration, purchase]")
        return .invalid
      }
      j.column = col
      guard eat(.leftBracket) != nil else {
        expected("the steps in brackets", hint: "write: funnel \(col.name.prefix(40)) [a, b, c]")
        return .invalid
      }
      if !at(.rightBracket) {
        repeat { j.steps.append(parseExpr()) } while eat(.comma) != nil && !recovering
      }
      guard eat(.rightBracket) != nil else {
        expected("\"]\" after the steps")
        return .invalid
      }
    case .pareto:
      guard let col = eatName() else {
        expected("the column to rank", hint: "write: pareto channel by value")
        return .invalid
      }
      j.column = col
    case .compare:
      j.groups = parseProjections(requireName: true)
      return .journey(j)
    default:
      break
    }
    parseJourneyOptions(&j)
    return recovering ? .invalid : .journey(j)
  }

  /// Options in any order: `top N`, `by col`, `order K`, `lookback 30d`, `within 30d`, `on value`, `vs truth`, flags.
  mutating func parseJourneyOptions(_ j: inout JourneyStage) {
    var progress = LoopProgress()
    while !atStageEnd, !recovering, progress.advanced(self) {
      let word = current
      guard word.kind == .identifier else {
        reportUnexpected()
        return
      }
      switch word.text {
      case "top" where j.verb == .paths, "order" where j.verb == .transitions:
        advance()
        guard let n = eat(.integer), n.bits <= 1_000_000_000 else {
          expected("a whole number")
          return
        }
        let lit = IntLiteral(Int64(n.bits), n.range)
        if word.text == "top" { j.top = lit } else { j.order = lit }
      case "by":
        advance()
        guard let col = eatName() else {
          expected("a column name after \"by\"")
          return
        }
        j.by = col
      case "lookback" where j.verb == .paths, "within" where j.verb == .funnel:
        advance()
        let e = parseExpr()
        guard case .literal(.duration(let us)) = e.kind, us > 0 else {
          fail("\(word.text) needs a duration such as 30d", e.range)
          return
        }
        j.window = (us, e.range)
      case "on" where j.compare:
        advance()
        guard let what = eatName(), what.name == "value" || what.name == "conversions" else {
          expected("\"value\" or \"conversions\"")
          return
        }
        j.onValue = what.name == "value"
      case "vs" where j.compare:
        advance()
        guard let what = eatWord("truth") else {
          expected("\"truth\"", hint: "write: attribute compare first, last, markov vs truth")
          return
        }
        j.versus = Ident(what.text, what.range)
      default:
        if ScriptParser.journeyFlags[j.verb]?.contains(word.text) == true {
          j.flags.append(Ident(word.text, advance().range))
        } else {
          let options = journeyOptionWords(j)
          fail("unknown option \(Recovery.quoted(word.text)) for \(j.verb.rawValue)", word.range,
               hint: Recovery.hint(word.text, in: options) ?? (options.isEmpty ? nil : "options: \(options.joined(separator: ", "))"))
          return
        }
      }
    }
  }

  /// The option words a journey verb understands (for hints).
  func journeyOptionWords(_ j: JourneyStage) -> [String] {
    var words = ["by"] + (ScriptParser.journeyFlags[j.verb].map { Array($0).sorted() } ?? [])
    switch j.verb {
    case .paths: words += ["top", "lookback"]
    case .transitions: words += ["order"]
    case .funnel: words += ["within"]
    case .attribute where j.compare: words += ["on", "vs"]
    default: break
    }
    return words
  }

  /// One model: `name [(args)] [order K] [without nulls]`.
  mutating func parseModelSpec() -> ModelSpec? {
    guard let name = eatName() else {
      expected("an attribution model", hint: "models: first, last, linear, position, time_decay, markov, shapley, …")
      return nil
    }
    var args: [Expr] = []
    if eat(.leftParen) != nil {
      if !at(.rightParen) { repeat { args.append(parseExpr()) } while eat(.comma) != nil && !recovering }
      guard eat(.rightParen) != nil else {
        expected("\")\" after the model's arguments")
        return nil
      }
    }
    var order: IntLiteral?
    var withoutNulls = false
    while true {
      if atWord("order"), peek().kind == .integer {
        advance()
        let n = advance()
        order = IntLiteral(Int64(min(n.bits, 1_000)), n.range)
      } else if atWord("without"), peek().isWord("nulls") {
        advance()
        advance()
        withoutNulls = true
      } else {
        break
      }
    }
    let range = SourceRange(name.range.start, previous.range.end)
    return ModelSpec(name: name, arguments: args, order: order, withoutNulls: withoutNulls,
                     text: source.text(of: range), range: range)
  }
}
