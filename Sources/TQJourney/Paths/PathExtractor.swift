import TQStorage

/// Builds the conversion paths of a table in one sequential pass over its journeys.
///
/// Touch-level tables follow LANGUAGE.md's definition: a conversion path is the touches of
/// one journey, in time order, after its previous conversion and before its conversion. A
/// conversion row whose event is `conversion` or `purchase` is the purchase itself, not a
/// touch; any other row with the conversion flag is the last touch of its path. A journey
/// without a conversion is one non-converting path; touches after a journey's last
/// conversion belong to no path. Path-aggregated tables are read row by row.
public enum PathExtractor {
  /// The name of the touch that stands for an empty path.
  public static let none = "(none)"
  /// The name of a touch whose channel is null.
  public static let missing = "(missing)"

  /// What to extract.
  public struct Options: Sendable {
    /// The touchpoint column.
    public var touchColumn: String
    /// Keep only touches this many µs before the conversion (or the last touch).
    public var lookback: Int64?
    /// Merge repeated consecutive touches (`a > a > b` → `a > b`).
    public var collapse: Bool
    /// Keep each touch's time and each path's end time (lag, time_decay, lookback).
    public var needTimes: Bool
    /// Keep whether each touch is in stage consideration (w_shaped).
    public var needStages: Bool
    /// Keep which touches count as direct by their source group (last_non_direct).
    public var needDirect: Bool

    /// Creates options.
    public init(touchColumn: String, lookback: Int64? = nil, collapse: Bool = false, needTimes: Bool = false,
                needStages: Bool = false, needDirect: Bool = false)
    {
      self.needDirect = needDirect
      self.touchColumn = touchColumn
      self.lookback = lookback
      self.collapse = collapse
      self.needTimes = needTimes || lookback != nil
      self.needStages = needStages
    }
  }

  /// The paths of `table`.
  public static func extract(_ table: Table, _ o: Options, isCancelled: () -> Bool = { false }) throws -> PathSet {
    let set = table.kind == .paths ? try fromPathTable(table) : try fromTouches(table, o, isCancelled: isCancelled)
    return o.collapse ? set.collapsed() : set
  }

  /// Paths of a path-aggregated table (`path`, conversions, value, nulls columns); an empty path is `(none)`.
  static func fromPathTable(_ t: Table) throws -> PathSet {
    guard let pc = t.column(for: .path), case .string(let d) = pc.data else {
      throw JourneyError("this path table has no path column")
    }
    var names = ChannelNames()
    let parsed: [[UInt32]] = d.dictionary.map { text in
      let parts = text.split(separator: ">").map { $0.trimmingCharacters(in: " \t") }.filter { !$0.isEmpty }
      return parts.isEmpty ? [names.code(none)] : parts.map { names.code($0) }
    }
    let conv = numbers(t.column(for: .conversion), t.rowCount)
    let value = numbers(t.column(for: .value), t.rowCount)
    let nulls = numbers(t.column(for: .nulls), t.rowCount)
    var touches: [UInt32] = []
    var offsets = [0]
    offsets.reserveCapacity(t.rowCount + 1)
    for r in 0..<t.rowCount {
      if !pc.isNull(r) { touches += parsed[d.codes[r]] } else { touches.append(names.code(none)) }
      offsets.append(touches.count)
    }
    return PathSet(channelNames: names.names, touches: touches, offsets: offsets, conversions: conv, values: value, nulls: nulls)
  }

  /// A numeric column as Doubles (0 for null or a missing column).
  static func numbers(_ c: Column?, _ n: Int) -> [Double] {
    guard let c else { return Array(repeating: 0, count: n) }
    var out: [Double]
    switch c.data {
    case .int(let a): out = (0..<a.count).map { Double(a[$0]) }
    case .float(let a): out = a
    case .bool(let a): out = a.map { $0 ? 1 : 0 }
    default: out = Array(repeating: 0, count: n)
    }
    if c.validity != nil { for i in 0..<n where c.isNull(i) { out[i] = 0 } }
    return out
  }
}

/// Channel names and their codes, assigned in order of first appearance.
struct ChannelNames {
  private var index: [String: UInt32] = [:]
  /// Names by code.
  private(set) var names: [String] = []

  /// The code of a name, adding it when new.
  mutating func code<S: StringProtocol>(_ s: S) -> UInt32 {
    let key = String(s)
    if let c = index[key] { return c }
    let c = UInt32(names.count)
    index[key] = c
    names.append(key)
    return c
  }
}

/// A journey question that the table cannot answer (no time, no journey, …).
public struct JourneyError: Error, Sendable, Equatable {
  /// What is wrong.
  public var message: String
  /// What to do about it.
  public var hint: String?

  /// Creates the error.
  public init(_ message: String, hint: String? = nil) {
    self.message = message
    self.hint = hint
  }
}

extension StringProtocol {
  /// The text without leading and trailing characters from `set`.
  func trimmingCharacters(in set: String) -> String {
    var s = Substring(self)
    while let f = s.first, set.contains(f) { s = s.dropFirst() }
    while let l = s.last, set.contains(l) { s = s.dropLast() }
    return String(s)
  }
}
