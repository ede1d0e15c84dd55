extension Registry {
  /// The pipeline verbs.
  static let verbs: [Entry] = [
    Entry(.verb, "where", aliases: ["filter"], syntax: "where predicate", summary: "keep the rows where the predicate is true",
          example: "shop | where channel in [\"facebook\", \"instagram\"] and revenue > 0"),
    Entry(.verb, "select", syntax: "select col, name = expr, …", summary: "keep or compute columns, in this order",
          example: "shop | select journey_id, channel, day = date(ts)"),
    Entry(.verb, "derive", syntax: "derive name = expr, …", summary: "add (or replace) computed columns",
          example: "shop | derive paid = medium == \"cpc\""),
    Entry(.verb, "group", syntax: "group keys [agg name = aggregate(…), …]",
          summary: "one row per key combination with aggregates (no agg: n = count())",
          example: "shop | group persona agg n = count(), rev = sum(revenue)"),
    Entry(.verb, "sort", aliases: ["order by"], syntax: "sort [-]col, …", summary: "order rows (- for descending)",
          example: "shop | sort -revenue, persona"),
    Entry(.verb, "take", aliases: ["limit"], syntax: "take N", summary: "keep the first N rows", example: "shop | take 10"),
    Entry(.verb, "distinct", syntax: "distinct [col, …]", summary: "unique combinations of the columns (all when none given)",
          example: "shop | distinct persona, stage"),
    Entry(.verb, "join", aliases: ["left join"], syntax: "[left] join table on col, …", summary: "match rows of another table on equal columns",
          example: "shop | join personas on persona"),
    Entry(.verb, "rename", syntax: "rename new = old, …", summary: "rename columns", example: "shop | rename src = source_group"),
  ]
}
