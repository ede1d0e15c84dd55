import TQStorage

/// Join keys as 64-bit numbers that are equal exactly when the values are equal.
///
/// Text compares through one numbering of the strings of both sides' dictionaries (so the
/// work is per distinct string, not per row); integers and decimals meet as decimals, as
/// `==` does; other types use their stored numbers. A null key is `nil`: it matches nothing.
struct JoinKeys {
  /// Per key column, the number of each left row.
  var left: [[Int64]]
  /// Per key column, the number of each right row.
  var right: [[Int64]]
  /// Per side, which rows have a null in some key column.
  var leftNull: [Bool], rightNull: [Bool]

  /// Encodes the key columns of both sides.
  init(left l: [Column], right r: [Column]) {
    left = []
    right = []
    leftNull = Array(repeating: false, count: l.first?.count ?? 0)
    rightNull = Array(repeating: false, count: r.first?.count ?? 0)
    for (a, b) in zip(l, r) {
      let (x, y) = JoinKeys.encode(a, b)
      left.append(x)
      right.append(y)
      JoinKeys.markNulls(a, &leftNull)
      JoinKeys.markNulls(b, &rightNull)
    }
  }

  /// The numbers of one pair of key columns.
  static func encode(_ a: Column, _ b: Column) -> ([Int64], [Int64]) {
    if case .string(let da) = a.data, case .string(let db) = b.data {
      var ids: [String: Int64] = [:]
      let ma = da.dictionary.map { number($0, &ids) }
      let mb = db.dictionary.map { number($0, &ids) }
      return (da.codes.lookup(ma), db.codes.lookup(mb))
    }
    let numeric: Set<DataType> = [.int, .float]
    if a.type != b.type && numeric.contains(a.type) && numeric.contains(b.type) {
      return (decimalBits(a.doubles), decimalBits(b.doubles))
    }
    if a.type != b.type {
      // Values of different types are never equal: keep the two number ranges apart.
      return (Array(repeating: 0, count: a.count), Array(repeating: 1, count: b.count))
    }
    if a.type == .float { return (decimalBits(a.doubles), decimalBits(b.doubles)) }
    return (a.int64s, b.int64s)
  }

  /// The number of a string, given on first sight.
  static func number(_ s: String, _ ids: inout [String: Int64]) -> Int64 {
    if let n = ids[s] { return n }
    ids[s] = Int64(ids.count)
    return Int64(ids.count - 1)
  }

  /// The bits of each decimal, with -0 as 0.
  static func decimalBits(_ d: [Double]) -> [Int64] { d.map { Int64(bitPattern: ($0 == 0 ? 0 : $0).bitPattern) } }

  /// Marks the rows where `c` is null.
  static func markNulls(_ c: Column, _ nulls: inout [Bool]) {
    guard let v = c.validity else { return }
    for i in 0..<nulls.count where !v[i] { nulls[i] = true }
  }
}
