/// The rule models that credit a path from its length and touch positions alone (first,
/// last, linear, position), computed in one pass over path runs: no path is copied.
struct RuleRunCredit: PathRunVisitor {
  /// The models, in order.
  let rules: [AttributionModel.Rule]
  /// Touch codes plus one slot for `(none)`.
  let slots: Int
  /// Path values by closing row.
  let values: RowValues
  /// Credit of conversions and value: `slots` per rule, rule after rule.
  var conversions: [Double], value: [Double]
  /// Whether each code is a touch of some path.
  var present: [Bool]
  /// Touch codes not yet seen present (once none are, paths need no more marking).
  private var unseen: Int
  /// Converting paths seen.
  var paths = 0
  /// Scratch weights of one path.
  private var weights: [Double] = []

  /// Whether runs can compute `rule`.
  static func handles(_ rule: AttributionModel.Rule) -> Bool {
    switch rule {
    case .first, .last, .linear, .position: return true
    default: return false
    }
  }

  /// An empty tally for `rules` over `codes` touch codes.
  init(rules: [AttributionModel.Rule], codes: Int, values: RowValues) {
    self.rules = rules
    slots = codes + 1
    self.values = values
    conversions = [Double](repeating: 0, count: slots * rules.count)
    value = conversions
    present = [Bool](repeating: false, count: slots)
    unseen = codes
  }

  mutating func converting<C: FixedWidthInteger>(_ touches: Range<Int>, close: Int, codes: UnsafePointer<C>) {
    paths += 1
    let v = values[close]
    let n = touches.count
    if n == 0 {
      present[slots - 1] = true
      for m in rules.indices { add(m, slots - 1, 1, v) }
      return
    }
    mark(touches, codes)
    let first = touches.lowerBound, last = touches.upperBound - 1
    for (m, rule) in rules.enumerated() {
      switch rule {
      case .first: add(m, Int(codes[first]), 1, v)
      case .last: add(m, Int(codes[last]), 1, v)
      case .linear:
        let w = 1 / Double(n)
        for r in touches { add(m, Int(codes[r]), w, w * v) }
      case .position(let f, let mid, let l):
        if weights.count < n { weights = [Double](repeating: 0, count: n) }
        RuleModels.position(f, mid, l, n: n, into: &weights)
        for r in touches { add(m, Int(codes[r]), weights[r - first], weights[r - first] * v) }
      default: break
      }
    }
  }

  mutating func nonConverting<C: FixedWidthInteger>(_ touches: Range<Int>, codes: UnsafePointer<C>) {
    mark(touches, codes)
  }

  /// Marks the codes of `touches` present (nothing to do once every code is).
  @inline(__always) private mutating func mark<C: FixedWidthInteger>(_ touches: Range<Int>, _ codes: UnsafePointer<C>) {
    guard unseen > 0 else { return }
    for r in touches where !present[Int(codes[r])] {
      present[Int(codes[r])] = true
      unseen -= 1
    }
  }

  /// Adds credit `c` and value `v` to `code` under model `m`.
  @inline(__always) private mutating func add(_ m: Int, _ code: Int, _ c: Double, _ v: Double) {
    conversions[m * slots + code] += c
    value[m * slots + code] += v
  }

  /// The tallies of several visitors added up (in order).
  static func merged(_ parts: [RuleRunCredit]) -> RuleRunCredit {
    var total = parts[0]
    for p in parts.dropFirst() {
      for i in total.conversions.indices {
        total.conversions[i] += p.conversions[i]
        total.value[i] += p.value[i]
      }
      for i in total.present.indices where p.present[i] { total.present[i] = true }
      total.paths += p.paths
    }
    return total
  }
}
