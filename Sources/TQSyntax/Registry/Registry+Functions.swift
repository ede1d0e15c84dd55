extension Registry {
  /// The scalar functions.
  static let functions: [Entry] = [
    Entry(.function, "lower", syntax: "lower(text)", summary: "text in lower case", example: "shop | select c = lower(channel) | take 3"),
    Entry(.function, "upper", syntax: "upper(text)", summary: "text in upper case", example: "shop | select c = upper(channel) | take 3"),
    Entry(.function, "len", syntax: "len(text)", summary: "number of characters", example: "shop | select n = len(campaign) | take 3"),
    Entry(.function, "coalesce", syntax: "coalesce(a, b, …)", summary: "the first argument that is not null",
          example: "shop | select c = coalesce(campaign, \"none\") | take 3"),
    Entry(.function, "round", syntax: "round(x[, digits])", summary: "x rounded half away from zero to digits decimals (0 by default)",
          example: "shop | group channel agg c = avg(cost) | derive c = round(c, 2)"),
    Entry(.function, "abs", syntax: "abs(x)", summary: "absolute value", example: "shop | select d = abs(cost - 1) | take 3"),
    Entry(.function, "if", syntax: "if(cond, a, b)", summary: "a where cond is true, else b",
          example: "shop | select paid = if(medium == \"cpc\", \"paid\", \"free\") | take 3"),
    Entry(.function, "date", syntax: "date(ts)", summary: "the calendar day of a timestamp", example: "shop | group day = date(ts) | take 3"),
    Entry(.function, "hour", syntax: "hour(ts)", summary: "hour of day, 0–23", example: "shop | group h = hour(ts) | sort h | take 3"),
    Entry(.function, "weekday", syntax: "weekday(ts)", summary: "day of week, 1 = Monday … 7 = Sunday",
          example: "shop | group d = weekday(ts) | sort d"),
    Entry(.function, "week", syntax: "week(ts)", summary: "ISO week number, 1–53", example: "shop | group w = week(ts) | sort w | take 3"),
    Entry(.function, "month", syntax: "month(ts)", summary: "month, 1–12", example: "shop | group m = month(ts) | sort m"),
    Entry(.function, "year", syntax: "year(ts)", summary: "calendar year", example: "shop | group y = year(ts)"),
  ]

  /// The aggregate functions (allowed in `group … agg`).
  static let aggregates: [Entry] = [
    Entry(.aggregate, "count", syntax: "count() | count(x)", summary: "rows in the group, or rows where x is not null",
          example: "shop | group channel agg n = count()"),
    Entry(.aggregate, "distinct", syntax: "distinct(x)", summary: "number of distinct non-null values",
          example: "shop | group channel agg journeys = distinct(journey_id)"),
    Entry(.aggregate, "sum", syntax: "sum(x)", summary: "total", example: "shop | group channel agg rev = sum(revenue)"),
    Entry(.aggregate, "avg", syntax: "avg(x)", summary: "mean", example: "shop | group channel agg c = avg(cost)"),
    Entry(.aggregate, "min", syntax: "min(x)", summary: "smallest value", example: "shop | group channel agg first_seen = min(ts)"),
    Entry(.aggregate, "max", syntax: "max(x)", summary: "largest value", example: "shop | group channel agg last_seen = max(ts)"),
    Entry(.aggregate, "median", syntax: "median(x)", summary: "middle value (mean of the two middle ones)",
          example: "shop | group persona agg m = median(revenue)"),
    Entry(.aggregate, "quantile", syntax: "quantile(x, q)", summary: "the q-quantile, linear interpolation",
          example: "shop | group persona agg p90 = quantile(cost, 0.9)"),
    Entry(.aggregate, "first", syntax: "first(x)", summary: "value of the group's first row",
          example: "shop | group journey_id agg first_channel = first(channel) | take 5"),
    Entry(.aggregate, "last", syntax: "last(x)", summary: "value of the group's last row",
          example: "shop | group journey_id agg last_channel = last(channel) | take 5"),
    Entry(.aggregate, "share", syntax: "share()", summary: "the group's rows as a share of all rows",
          example: "shop | group channel agg n = count(), s = share()"),
  ]
}
