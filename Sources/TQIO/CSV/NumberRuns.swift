/// The codes of a numbered column (`NumberedKeys`) while its ids come in ascending runs, as
/// the journeys of an export sorted by journey do: the first row and the number of each
/// run, instead of four bytes per row.
///
/// `ColumnAccumulator` keeps a column this way from its first batch for as long as the runs
/// hold, and writes the codes out (`write`) at the first null, other value or smaller
/// number; assembly turns the runs of every chunk into `RunCodes` without reading a code per
/// row.
struct NumberRuns {
  /// The first row of each run.
  private(set) var starts: [UInt32] = []
  /// The number of each run, ascending.
  private(set) var numbers: [UInt32] = []
  /// The rows the runs cover.
  private(set) var rows = 0

  /// The runs of the `count` codes at `codes`, or `nil` when they are not ascending
  /// numbers of the shape (a code at or above `NumberedKeys.hashedFlag` is another value).
  init?(codes: UnsafePointer<UInt32>, count: Int) {
    var last = -1
    for r in 0..<count {
      let v = Int(codes[r])
      if v == last { continue }
      guard v > last && v < Int(NumberedKeys.hashedFlag) else { return nil }
      starts.append(UInt32(truncatingIfNeeded: r))
      numbers.append(UInt32(truncatingIfNeeded: v))
      last = v
    }
    rows = count
  }

  /// The number of runs.
  var count: Int { starts.count }

  /// Appends fields `first...` of `batch` (rows from `firstRow + first`, which must be
  /// `rows`) while they continue the runs, marking each new number seen in `keys`; returns
  /// the first field that does not (a null, a value of another shape, a smaller number),
  /// or `batch.count`.
  mutating func extend(_ batch: FieldBatch, from first: Int, firstRow: Int, keys: NumberedKeys) -> Int {
    var last = numbers.last.map { Int($0) } ?? -1
    var k = first
    while k < batch.count {
      let len = batch.lengths[k]
      let v = len == 0 ? -1 : keys.shape.number(batch.fields[k], len < 0 ? ~len : len)
      if v != last || v < 0 {
        guard v > last else { break }
        starts.append(UInt32(truncatingIfNeeded: firstRow &+ k))
        numbers.append(UInt32(truncatingIfNeeded: v))
        keys.mark(number: v)
        last = v
      }
      k += 1
    }
    rows = firstRow + k
    return k
  }

  /// Writes the code (number) of every row the runs cover into `dst`.
  func write(to dst: UnsafeMutablePointer<UInt32>) {
    for j in 0..<count {
      let end = j + 1 < count ? Int(starts[j + 1]) : rows
      let from = Int(starts[j])
      (dst + from).initialize(repeating: numbers[j], count: end - from)
    }
  }

  /// The index of the run holding row `r`, searching forward from run `j`.
  @inline(__always) func run(holding r: Int, from j: Int) -> Int {
    var j = j
    while j + 1 < count && Int(starts[j + 1]) <= r { j += 1 }
    return j
  }
}
