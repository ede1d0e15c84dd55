/// Builds a dictionary-coded string column one value at a time.
///
/// Codes are assigned in order of first appearance. Readers with a faster byte-level
/// hash table may build `DictColumn` directly instead.
public struct StringDictionaryBuilder: Sendable {
  private var index: [String: UInt32] = [:]
  /// Distinct strings in code order.
  public private(set) var dictionary: [String] = []
  /// One code per appended row.
  public private(set) var codes: [UInt32] = []
  /// Validity of the appended rows.
  public private(set) var validity: Bitmap = Bitmap(count: 0, value: true)
  private var hasNull = false

  /// Creates an empty builder.
  public init(capacity: Int = 0) { codes.reserveCapacity(capacity) }

  /// The code of `s`, adding it to the dictionary when new.
  public mutating func code(of s: String) -> UInt32 {
    if let c = index[s] { return c }
    let c = UInt32(dictionary.count)
    index[s] = c
    dictionary.append(s)
    return c
  }

  /// Appends a string (or a null).
  public mutating func append(_ s: String?) {
    if let s {
      codes.append(code(of: s))
      validity.append(true)
    } else {
      codes.append(0)
      validity.append(false)
      hasNull = true
    }
  }

  /// The finished column data and its validity (`nil` when there was no null).
  public func finish() -> (DictColumn, Bitmap?) {
    var dict = dictionary
    if dict.isEmpty { dict = [""] }
    return (DictColumn(codes: Codes(codes, cardinality: dict.count), dictionary: dict), hasNull ? validity : nil)
  }
}

/// A dictionary-coded string column: codes per row and the distinct strings.
public struct DictColumn: Sendable, Equatable {
  /// The code of each row.
  public var codes: Codes
  /// The distinct strings; `dictionary[code]` is the row's string.
  public var dictionary: [String]

  /// Creates a column from codes and their dictionary.
  public init(codes: Codes, dictionary: [String]) {
    self.codes = codes
    self.dictionary = dictionary
  }

  /// The string of row `i`.
  @inline(__always) public subscript(i: Int) -> String { dictionary[codes[i]] }

  /// The code of `s`, or `nil` when no row can hold it.
  public func code(of s: String) -> Int? { dictionary.firstIndex(of: s) }

  /// The rank of each code when the dictionary is sorted by UTF-8 bytes (for sorting rows).
  ///
  /// A dictionary already in order (ids of a sorted export, coded in order of appearance)
  /// costs one pass.
  public func sortRanks() -> [UInt32] {
    if UTF8Order.isAscending(dictionary) { return (0..<UInt32(dictionary.count)).map { $0 } }
    let order = dictionary.indices.sorted { UTF8Order.precedes(dictionary[$0], dictionary[$1]) }
    var rank = [UInt32](repeating: 0, count: dictionary.count)
    for (r, c) in order.enumerated() { rank[c] = UInt32(r) }
    return rank
  }
}

extension DictColumn {
  /// The same values with a dictionary of only the strings in use (in order of first use),
  /// so that a few rows taken from a large table do not carry its whole dictionary into
  /// sorting and printing.
  public func compacted() -> DictColumn {
    var newCode = [Int32](repeating: -1, count: dictionary.count)
    var strings: [String] = []
    var codes = [UInt32](repeating: 0, count: self.codes.count)
    for i in 0..<codes.count {
      let old = self.codes[i]
      if newCode[old] < 0 {
        newCode[old] = Int32(strings.count)
        strings.append(dictionary[old])
      }
      codes[i] = UInt32(newCode[old])
    }
    return DictColumn(codes: Codes(codes, cardinality: strings.count), dictionary: strings)
  }
}
