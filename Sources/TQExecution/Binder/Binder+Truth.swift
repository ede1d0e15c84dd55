import TQSyntax

extension Binder {
  /// The truth `attribute compare … vs truth` compares with: the true incremental conversions
  /// per channel of the generated table the verb reads directly.
  func bindTruth(_ versus: Ident, _ j: JourneyStage, input: LogicalPlan, schema: Schema, touch: String) throws -> [String: Double] {
    guard case .scan(table: let name) = input else {
      throw Diagnostic("vs truth needs the generated table itself: its truth is known for all of its journeys", in: source,
                       versus.range, hint: "remove the stages before attribute")
    }
    guard let truth = truths[name] else {
      throw Diagnostic("table \"\(name)\" has no known truth: only tables made by generate carry one", in: source, versus.range,
                       hint: "try: generate journeys 5000 seed 7 as g, then: g | attribute compare first, last, markov vs truth")
    }
    if j.onValue {
      throw Diagnostic("vs truth compares conversions, not value", in: source, versus.range, hint: "remove \"on value\"")
    }
    if let by = j.by, touch != schema.roles[.channel] {
      throw Diagnostic("vs truth needs the channel column: the truth is known per channel", in: source, by.range,
                       hint: "remove \"by \(by.name)\"")
    }
    return truth
  }
}
