extension Registry {
  /// The journey verbs: each answers a customer-journey question in one word.
  static let journeyVerbs: [Entry] = [
    Entry(.verb, "journeys", syntax: "journeys",
          summary: "one row per journey: touches, first and last channel, conversions, value, duration",
          example: "shop | journeys | sort -touches | take 5"),
    Entry(.verb, "paths", syntax: "paths [top N] [by col] [collapse] [all] [lookback 30d]",
          summary: "top conversion paths (a > b > c): conversions, value, share, average length",
          example: "shop | paths top 10"),
    Entry(.verb, "attribute", syntax: "attribute MODEL [by col] | attribute compare MODEL, … [on value]",
          summary: "credit of conversions and value per channel under an attribution model, or models side by side",
          example: "shop | attribute compare first, last, linear, markov"),
    Entry(.verb, "transitions", syntax: "transitions [order K] [collapse] [by col]",
          summary: "Markov transitions between channels with (start), (conversion) and (null): count and probability",
          example: "shop | transitions | sort -count | take 10"),
    Entry(.verb, "length", syntax: "length [stats] [by col]",
          summary: "touches before conversion: conversions per path length, or mean/median/p90 with stats",
          example: "shop | length stats"),
    Entry(.verb, "lag", syntax: "lag [stats]",
          summary: "days from a path's first touch to its conversion, in UA's buckets, or hours with stats",
          example: "shop | lag"),
  ]

  /// Attribution models, used after `attribute`.
  static let models: [Entry] = [
    Entry(.model, "first", syntax: "first", summary: "all credit to the first touch", example: "shop | attribute first"),
    Entry(.model, "last", syntax: "last", summary: "all credit to the last touch", example: "shop | attribute last"),
    Entry(.model, "last_non_direct", syntax: "last_non_direct",
          summary: "all credit to the last touch that is not direct", example: "shop | attribute last_non_direct"),
    Entry(.model, "linear", syntax: "linear", summary: "equal credit to every touch (repeats count)",
          example: "shop | attribute linear"),
    Entry(.model, "position", syntax: "position(first, middle, last)",
          summary: "U-shaped: 40% first, 40% last, 20% over the middle by default", example: "shop | attribute position(40, 20, 40)"),
    Entry(.model, "w_shaped", syntax: "w_shaped", summary: "30% first, 30% lead touch, 30% last, 10% the others",
          example: "shop | attribute w_shaped"),
    Entry(.model, "time_decay", syntax: "time_decay(half_life)",
          summary: "touches closer to the conversion get more: weight 2^(−Δt/half-life), 7d by default",
          example: "shop | attribute time_decay(7d)"),
    Entry(.model, "j_shaped", syntax: "j_shaped", summary: "position(20, 20, 60): most credit to the last touch",
          example: "shop | attribute j_shaped"),
    Entry(.model, "inverse_j", syntax: "inverse_j", summary: "position(60, 20, 20): most credit to the first touch",
          example: "shop | attribute inverse_j"),
    Entry(.model, "markov", syntax: "markov [order K] [without nulls]",
          summary: "data-driven: each channel's removal effect in the absorbing Markov chain of the paths",
          example: "shop | attribute markov order 2"),
    Entry(.model, "shapley", syntax: "shapley", summary: "data-driven: Shapley values of the conversion-rate game of channel sets",
          example: "shop | attribute shapley"),
  ]
}
