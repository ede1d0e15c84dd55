/// Dictionary codes that are run numbers: rows `starts[j] ..< starts[j + 1]` all have code j.
///
/// A journey-ordered table's journey column is exactly this when its dictionary lists the
/// journeys in order (ids of a sorted export, coded in order of appearance): its codes are
/// then the journey offsets the table keeps anyway, and the column needs no bytes per row
/// (`Table.compactJourneyColumn()`).
public struct RunCodes: Sendable, Equatable {
  /// Start row of each run, plus the row count.
  public let starts: [UInt32]

  /// Runs with these starts (ascending, ending with the row count).
  public init(starts: [UInt32]) { self.starts = starts }

  /// The number of rows.
  public var count: Int { Int(starts.last ?? 0) }

  /// The code (run number) of row `r`, by binary search: loops over many rows should use
  /// `lookup` or `widened` instead.
  public subscript(r: Int) -> Int {
    var lo = 0, hi = starts.count - 1
    while hi - lo > 1 {
      let mid = (lo + hi) / 2
      if Int(starts[mid]) <= r { lo = mid } else { hi = mid }
    }
    return lo
  }

  /// `table[code]` of every row, run by run.
  @inlinable public func lookup<T>(_ table: [T]) -> [T] {
    [T](unsafeUninitializedCapacity: count) { out, n in
      starts.withUnsafeBufferPointer { s in
        for j in 0..<max(0, s.count - 1) {
          let v = table[j]
          for r in Int(s[j])..<Int(s[j + 1]) { (out.baseAddress! + r).initialize(to: v) }
        }
      }
      n = count
    }
  }

  /// The code of every row.
  public var widened: [UInt32] { lookup(Array(0..<UInt32(max(0, starts.count - 1)))) }

  /// The codes of rows `rows` (a cursor walks the runs while the rows ascend).
  public func gathered(_ rows: [UInt32]) -> [UInt32] {
    var cursor = Cursor(runs: self)
    return rows.map { UInt32(cursor.code(of: Int($0))) }
  }

  /// Reads run codes row after row by walking the runs (rows mostly ascending) rather than
  /// by a binary search per row.
  public struct Cursor {
    /// The runs.
    let runs: RunCodes
    /// The run of the last row asked.
    var run = 0

    /// A cursor over `runs`.
    public init(runs: RunCodes) { self.runs = runs }

    /// A cursor over `codes` when they are runs.
    public init?(_ codes: Codes) {
      guard case .runs(let r) = codes else { return nil }
      runs = r
    }

    /// The code of `row`.
    @inline(__always) public mutating func code(of row: Int) -> Int {
      if row < Int(runs.starts[run]) { run = runs[row] }
      while row >= Int(runs.starts[run + 1]) { run += 1 }
      return run
    }
  }
}
