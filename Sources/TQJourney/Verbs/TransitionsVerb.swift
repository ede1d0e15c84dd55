import TQStorage

/// `transitions`: the Markov transitions between touchpoints, with their counts and probabilities.
enum TransitionsVerb {
  /// From, to, count and probability.
  static func run(_ t: Table, _ plan: JourneyPlan, isCancelled: () -> Bool) throws -> Table {
    let rows = try transitions(t, plan, isCancelled: isCancelled)
    return JourneyVerbs.table([
      JourneyVerbs.strings("from", rows.map(\.from)),
      JourneyVerbs.strings("to", rows.map(\.to)),
      JourneyVerbs.floats("count", rows.map(\.count)),
      JourneyVerbs.floats("probability", rows.map(\.probability)),
    ])
  }

  /// The transition rows: first order without `collapse` in one pass over path runs when the
  /// table allows, else through the paths.
  static func transitions(_ t: Table, _ plan: JourneyPlan, isCancelled: () -> Bool) throws -> [TransitionRow] {
    if plan.order == 1, !plan.collapse, let runs = PathRuns(t, touchColumn: plan.touchColumn),
      runs.touch.dictionary.count <= TransitionTally.maxCodes
    {
      let codes = runs.touch.dictionary.count
      let parts = try runs.visit(isCancelled: isCancelled) { TransitionTally(codes: codes) }
      return Transitions.rows(TransitionTally.merged(parts), names: ["(start)", "(conversion)", "(null)"] + runs.names)
    }
    let p = try PathExtractor.extract(t, .init(touchColumn: plan.touchColumn), isCancelled: isCancelled)
    return try Transitions.compute(p, order: plan.order, collapse: plan.collapse, isCancelled: isCancelled)
  }
}
