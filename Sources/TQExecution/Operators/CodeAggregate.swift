import TQStorage

/// `group` by text columns in one pass over the codes, on both cores.
///
/// Takes `count()`, `count(x)`, `sum` and `avg` of number columns without nulls, and
/// `distinct(journey)` on journey-ordered rows (a journey's rows are contiguous, so a group
/// meets a new journey exactly when the journey code changes for it). The rows are split in
/// two halves, each half computes partial results, and the halves are merged. Anything else
/// returns nil and takes the general path (`Aggregate`), which gives the same results.
enum CodeAggregate {
  /// The result of `group keys agg aggregates` over `rel` with text `filters` folded in, or nil.
  static func run(keys: [NamedExpr], aggregates: [BoundAggregate], filters: [(column: Int, mask: [Bool])], over rel: Relation,
                  isCancelled: () -> Bool) throws -> Relation?
  {
    guard let groups = CodeGroups(keys: keys, filters: filters, in: rel) else { return nil }
    var plans: [Accumulator.Kind] = []
    for a in aggregates {
      guard let p = plan(a, rel) else { return nil }
      plans.append(p)
    }
    if isCancelled() { throw Interrupted() }
    let n = rel.count
    let halves = split(n, rel)
    let partials = Parallel.map(halves.count) { h in
      Accumulator.run(plans, groups: groups, range: halves[h], rows: rel.selection, relation: rel)
    }
    var total = partials[0]
    for p in partials.dropFirst() { try total.merge(p) }
    if total.overflow { throw ExecutionError("integer overflow in sum") }
    return try output(total, plans: plans, aggregates: aggregates, keys: keys, groups: groups, rel: rel)
  }

  /// How an aggregate is computed here, or nil when it takes the general path.
  static func plan(_ a: BoundAggregate, _ rel: Relation) -> Accumulator.Kind? {
    switch a.function {
    case .countAll: return .count
    case .count:
      guard let i = a.argument?.columnIndex, rel.columns[i].validity == nil else { return nil }
      return .count
    case .sum, .avg:
      guard let i = a.argument?.columnIndex, rel.columns[i].validity == nil else { return nil }
      switch rel.columns[i].data {
      case .int(let v): return a.function == .sum ? .sumInt(v.widened) : .avg(rel.columns[i].doubles)
      case .float(let v): return a.function == .sum ? .sumFloat(v) : .avg(v)
      default: return nil
      }
    case .distinct:
      guard let i = a.argument?.columnIndex, rel.journeyOffsets != nil, rel.columns[i].validity == nil,
        rel.roles[.journey] == rel.columns[i].name, case .string(let d) = rel.columns[i].data
      else { return nil }
      return .journeys(d.codes)
    default: return nil
    }
  }

  /// Two halves of the rows (one when there are few).
  static func split(_ n: Int, _ rel: Relation) -> [Range<Int>] {
    n < 1 << 16 ? [0..<n] : [0..<(n / 2), (n / 2)..<n]
  }

  /// The result table: one row per group that has rows (always one row without keys),
  /// ordered by the keys.
  static func output(_ acc: Accumulator, plans: [Accumulator.Kind], aggregates: [BoundAggregate], keys: [NamedExpr],
                     groups: CodeGroups, rel: Relation) throws -> Relation
  {
    let present = keys.isEmpty ? [0] : (0..<groups.count).filter { acc.rows[$0] > 0 }
    var columns: [Column] = []
    for (k, key) in groups.keys.enumerated() {
      let card = max(key.dictionary.count, 1)
      let codes = present.map { UInt32(($0 / key.radix) % card) }
      let dict = DictColumn(codes: Codes(codes, cardinality: key.dictionary.count), dictionary: key.dictionary)
      columns.append(Column(name: keys[k].name, data: .string(dict)))
    }
    for (j, a) in aggregates.enumerated() {
      var c = acc.column(j, plans[j], groups: present)
      c.name = a.name
      columns.append(c)
    }
    let sortKeys = columns.prefix(keys.count).map { RadixSort.Key(values: Table.sortKey($0), validity: nil, descending: false) }
    let order = try RadixSort.order(sortKeys, count: present.count)
    return Relation(columns: columns.map { $0.gather(order) }, count: present.count, roles: rel.roles, kind: rel.kind)
  }
}
