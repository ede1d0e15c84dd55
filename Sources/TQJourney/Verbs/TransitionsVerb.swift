import TQStorage

/// `transitions`: the Markov transitions between touchpoints, with their counts and probabilities.
enum TransitionsVerb {
  /// From, to, count and probability.
  static func run(_ t: Table, _ plan: JourneyPlan, isCancelled: () -> Bool) throws -> Table {
    let p = try PathExtractor.extract(t, .init(touchColumn: plan.touchColumn), isCancelled: isCancelled)
    let rows = try Transitions.compute(p, order: plan.order, collapse: plan.collapse, isCancelled: isCancelled)
    return JourneyVerbs.table([
      JourneyVerbs.strings("from", rows.map(\.from)),
      JourneyVerbs.strings("to", rows.map(\.to)),
      JourneyVerbs.floats("count", rows.map(\.count)),
      JourneyVerbs.floats("probability", rows.map(\.probability)),
    ])
  }
}
