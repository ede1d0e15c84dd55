import Testing

@testable import TQSyntax

/// A small deterministic random generator (SplitMix64), so that fuzz runs are repeatable.
struct SplitMix64: RandomNumberGenerator {
  /// The state.
  var state: UInt64

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Mutates valid statements and checks the parser's invariants on every result.
@Suite("Fuzz")
struct FuzzTests {
  /// Valid statements to mutate.
  static let seeds = [
    #"load "datasets/shop.csv" as shop with journey = id, time = ts format csv"#,
    #"shop | where channel in ["facebook", "instagram"] and revenue > 0 | take 10"#,
    "shop | select journey_id, day = date(ts) | sort -day, journey_id desc",
    "shop | group persona, device agg n = count(), rev = sum(revenue), p = quantile(cost, 0.9)",
    #"let social = shop | where source_group == "social" or not (x ~ "^a" and y like "g*")"#,
    #"save shop | left join crm on a, b | rename src = source_group to "out.csv" format csv"#,
    "shop\n  | where ts >= @2024-03-01T10:00 - 30d 12h\n  | distinct persona, stage\n  | order by persona",
    "generate journeys 100 seed 7 as demo; use demo; describe demo; tables; drop demo, x",
    ".mode csv\nhelp order by\nrun \"a.tq\"\nshop | derive paid = if(medium == \"cpc\", -1.5, .5) % 2",
    "where x not in [1, 2,\n 3] | limit 5 # comment",
  ]

  /// Bytes worth inserting: operators, brackets, quotes, escapes, line breaks, odd characters.
  static let alphabet: [String] = [
    "|", "||", ",", ";", "(", ")", "[", "]", "=", "==", "!", "<", "-", "*", ".", "\"", "'", "\\", "\\u{", "@", "#",
    "\n", "\r", "\t", " ", "\u{0}", "é", "\u{301}", "😀", "$", "1e", "99999999999999999999", "d", "and", "not", "in",
    "where", "group", "by", "agg", "to", "select *", "order", "left", ".mode",
  ]

  @Test func mutatedInputsKeepTheInvariants() {
    var rng = SplitMix64(state: 42)
    for round in 0..<3000 {
      var chars = Array(FuzzTests.seeds[round % FuzzTests.seeds.count])
      for _ in 0..<Int.random(in: 1...4, using: &rng) {
        let at = Int.random(in: 0...chars.count, using: &rng)
        switch Int.random(in: 0..<3, using: &rng) {
        case 0 where at < chars.count: chars.remove(at: at)
        case 1 where at < chars.count: chars[at] = FuzzTests.alphabet.randomElement(using: &rng)!.first ?? " "
        default: chars.insert(contentsOf: FuzzTests.alphabet.randomElement(using: &rng)!, at: at)
        }
      }
      check(String(chars))
    }
  }

  /// The invariants of one parse.
  func check(_ text: String) {
    let (script, diagnostics) = parse(text)
    expectInBounds(text, diagnostics)
    for d in diagnostics {
      #expect(!d.message.isEmpty && d.message.first?.isUppercase == false && d.message.last != ".", "\(d.message)")
    }
    for statement in script.statements {
      #expect(statement.range.start >= 0 && statement.range.end <= text.utf8.count)
      for e in expressions(in: statement) { checkExpression(e, in: text) }
    }
  }

  /// Every kept expression has no placeholder and prints to text that parses back to it.
  func checkExpression(_ e: Expr, in text: String) {
    let printed = ExprPrinter.print(e)
    #expect(!printed.contains("?"), "placeholder in a kept statement: \(text.debugDescription)")
    let (again, d) = Parser.parseExpression(SourceFile(name: "p", text: printed))
    #expect(d.isEmpty && again.map(stripped) == stripped(e), "\(printed) from \(text.debugDescription)")
  }

  /// The top-level expressions of a statement.
  func expressions(in statement: Statement) -> [Expr] {
    let pipeline: Pipeline
    switch statement.kind {
    case .query(let p), .let_(_, let p), .save(let p, _, _): pipeline = p
    default: return []
    }
    return pipeline.stages.flatMap { stage -> [Expr] in
      switch stage.kind {
      case .where_(let e): return [e]
      case .select(let ps), .derive(let ps): return ps.map(\.expr)
      case .group(let keys, let aggs): return (keys + aggs).map(\.expr)
      case .sort(let keys): return keys.map(\.expr)
      case .invalid:
        Issue.record("invalid stage kept")
        return []
      default: return []
      }
    }
  }
}
