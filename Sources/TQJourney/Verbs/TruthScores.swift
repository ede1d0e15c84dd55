import TQStorage

/// `attribute compare … vs truth`: the models beside the true incremental conversions, and
/// how well each recovers them.
///
/// The result has one row per channel (the models' credits and a `truth` column), then two
/// score rows named `(spearman)` and `(mae_share)`: per model, Spearman's rank correlation
/// of its credits with the truth, and the mean absolute error over the channels once the truth
/// is scaled to the same total, as a share of that total (the mean gap between a channel's
/// share of the model's credit and its share of the true incremental conversions). Models
/// hand out every conversion, the baseline ones too, so only shares compare fairly. The
/// `truth` column scores itself (1 and 0), the mark of a perfect model.
/// Channels without a truth (a `(none)` row) have a null `truth` and are left out of the scores.
public enum TruthScores {
  /// The label of the Spearman row.
  public static let spearmanRow = "(spearman)"
  /// The label of the mean-absolute-error row.
  public static let maeRow = "(mae_share)"

  /// The comparison table for channels `names` (in display order).
  static func table(label: String, names: [String], models: [String], credits: [[String: Double]],
                    truth: [String: Double], total: Double) -> Table
  {
    let scored = names.filter { truth[$0] != nil }
    let truthValues = scored.map { truth[$0]! }
    var cols = [JourneyVerbs.strings(label, names + [spearmanRow, maeRow])]
    for (name, credit) in zip(models, credits) {
      let values = scored.map { credit[$0] ?? 0 }
      let scores = [spearman(values, truthValues), maeShare(values, truthValues, total: total)]
      cols.append(nullable(name, names.map { credit[$0] ?? 0 } + scores))
    }
    let truthTotal = truthValues.reduce(0, +)
    let truthColumn = names.map { truth[$0] } + [spearman(truthValues, truthValues), maeShare(truthValues, truthValues, total: truthTotal)]
    cols.append(nullable("truth", truthColumn))
    return JourneyVerbs.table(cols)
  }

  /// Spearman's rank correlation: Pearson's correlation of the ranks, ties given their mean
  /// rank (as `scipy.stats.spearmanr`); nil with fewer than two values or a constant side.
  public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
    guard x.count == y.count, x.count >= 2 else { return nil }
    return pearson(ranks(x), ranks(y))
  }

  /// The mean of |x / total − y / Σy| over the pairs: the mean absolute error of credits `x`
  /// (out of `total` conversions) against truth `y` scaled to the same total, as a share of
  /// it; nil when empty or a total is 0.
  public static func maeShare(_ x: [Double], _ y: [Double], total: Double) -> Double? {
    let truthTotal = y.reduce(0, +)
    guard !x.isEmpty, x.count == y.count, total != 0, truthTotal != 0 else { return nil }
    return zip(x, y).reduce(0) { $0 + abs($1.0 / total - $1.1 / truthTotal) } / Double(x.count)
  }

  /// 1-based ranks, ties sharing the mean of the ranks they span.
  public static func ranks(_ v: [Double]) -> [Double] {
    let order = v.indices.sorted { v[$0] < v[$1] }
    var r = [Double](repeating: 0, count: v.count)
    var i = 0
    while i < order.count {
      var j = i
      while j + 1 < order.count, v[order[j + 1]] == v[order[i]] { j += 1 }
      let mean = Double(i + j) / 2 + 1
      for k in i...j { r[order[k]] = mean }
      i = j + 1
    }
    return r
  }

  /// Pearson's correlation; nil when either side is constant.
  static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
    let n = Double(x.count)
    let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
    var sxy = 0.0, sxx = 0.0, syy = 0.0
    for (a, b) in zip(x, y) {
      sxy += (a - mx) * (b - my)
      sxx += (a - mx) * (a - mx)
      syy += (b - my) * (b - my)
    }
    guard sxx > 0, syy > 0 else { return nil }
    return sxy / (sxx * syy).squareRoot()
  }

  /// A float column whose nils are nulls.
  static func nullable(_ name: String, _ values: [Double?]) -> Column {
    let column = JourneyVerbs.floats(name, values.map { $0 ?? 0 })
    guard values.contains(where: { $0 == nil }) else { return column }
    var validity = Bitmap(count: values.count, value: true)
    for (i, v) in values.enumerated() where v == nil { validity[i] = false }
    return Column(name: name, data: column.data, validity: validity)
  }
}
