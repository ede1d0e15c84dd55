/// One named, typed column: a contiguous buffer of values plus an optional validity mask.
///
/// Columns are values (copy-on-write arrays underneath), so operators that keep a
/// column unchanged share its buffer. There are no per-row objects.
public struct Column: Sendable {
  /// The column's name as the user writes it.
  public var name: String
  /// The values.
  public var data: ColumnData
  /// Which rows hold a value; `nil` means none is null.
  public var validity: Bitmap?

  /// Creates a column.
  public init(name: String, data: ColumnData, validity: Bitmap? = nil) {
    self.name = name
    self.data = data
    self.validity = (validity?.allSet ?? true) ? nil : validity
  }

  /// The column's type.
  public var type: DataType { data.type }

  /// The number of rows.
  public var count: Int { data.count }

  /// Whether row `i` is null.
  @inline(__always) public func isNull(_ i: Int) -> Bool {
    guard let v = validity else { return false }
    return !v[i]
  }

  /// The number of null rows.
  public var nullCount: Int { validity.map { $0.count - $0.setCount } ?? 0 }

  /// The value of row `i` (slow path: display, describe, group keys of small results).
  public func value(at i: Int) -> Value {
    if isNull(i) { return .null }
    switch data {
    case .int(let a): return .int(a[i])
    case .float(let a): return .float(a[i])
    case .bool(let a): return .bool(a[i])
    case .timestamp(let a): return .timestamp(a[i])
    case .date(let a): return .date(a[i])
    case .string(let d): return .string(d[i])
    }
  }

  /// The rows at the given positions, in that order.
  public func gather(_ rows: [UInt32]) -> Column {
    var v: Bitmap?
    if let validity {
      var b = Bitmap(count: rows.count, value: true)
      for (k, r) in rows.enumerated() where !validity[Int(r)] { b[k] = false }
      v = b
    }
    return Column(name: name, data: data.gather(rows), validity: v)
  }

  /// Bytes of memory the column holds (values, codes, dictionary, mask).
  public var memoryBytes: Int {
    let mask = validity.map { $0.words.count * 8 } ?? 0
    switch data {
    case .int(let a): return a.count * a.width + mask
    case .float(let a): return a.count * 8 + mask
    case .bool(let a): return a.count + mask
    case .timestamp(let a): return a.count * 8 + mask
    case .date(let a): return a.count * 4 + mask
    case .string(let d):
      return d.codes.bytes + d.dictionary.reduce(0) { $0 + Self.stringBytes($1) } + mask
    }
  }

  /// The bytes a dictionary string takes: its 16-byte value, plus for text over 15 UTF-8
  /// bytes (too long to be stored inline) a heap block of a 32-byte header and the text
  /// with its terminator, in 16-byte steps.
  static func stringBytes(_ s: String) -> Int {
    let n = s.utf8.count
    return n <= 15 ? 16 : 16 + 32 + (n + 1 + 15) / 16 * 16
  }

  /// Builds a column from scalar values of one type (slow path: small results, tests).
  public static func from(name: String, type: DataType, values: [Value]) -> Column {
    var validity = Bitmap(count: values.count, value: true)
    for (i, v) in values.enumerated() where v.isNull { validity[i] = false }
    let data: ColumnData
    switch type {
    case .int: data = .int(values.map { if case .int(let x) = $0 { return x }; return Int64($0.asDouble ?? 0) })
    case .float: data = .float(values.map { $0.asDouble ?? 0 })
    case .bool: data = .bool(values.map { if case .bool(let x) = $0 { return x }; return false })
    case .timestamp: data = .timestamp(values.map { if case .timestamp(let x) = $0 { return x }; return 0 })
    case .date: data = .date(values.map { if case .date(let x) = $0 { return x }; return 0 })
    case .string:
      var b = StringDictionaryBuilder(capacity: values.count)
      for v in values { if case .string(let s) = v { b.append(s) } else { b.append(nil) } }
      data = .string(b.finish().0)
    }
    return Column(name: name, data: data, validity: validity)
  }
}

/// The typed buffer of a column.
public enum ColumnData: Sendable {
  case int(IntValues)
  case float([Double])
  case bool([Bool])
  case timestamp([Int64])
  case date([Int32])
  case string(DictColumn)

  /// 64-bit integers, as computed values are (loaded ones are narrowed).
  public static func int(_ values: [Int64]) -> ColumnData { .int(.i64(values)) }

  /// The type of the values.
  public var type: DataType {
    switch self {
    case .int: return .int
    case .float: return .float
    case .bool: return .bool
    case .timestamp: return .timestamp
    case .date: return .date
    case .string: return .string
    }
  }

  /// The number of rows.
  public var count: Int {
    switch self {
    case .int(let a): return a.count
    case .float(let a): return a.count
    case .bool(let a): return a.count
    case .timestamp(let a): return a.count
    case .date(let a): return a.count
    case .string(let d): return d.codes.count
    }
  }

  /// The rows at the given positions.
  public func gather(_ rows: [UInt32]) -> ColumnData {
    switch self {
    case .int(let a): return .int(a.gathered(rows))
    case .float(let a): return .float(a.gathered(rows))
    case .bool(let a): return .bool(a.gathered(rows))
    case .timestamp(let a): return .timestamp(a.gathered(rows))
    case .date(let a): return .date(a.gathered(rows))
    case .string(let d):
      let g = DictColumn(codes: d.codes.gather(rows), dictionary: d.dictionary)
      return .string(rows.count * 4 < d.dictionary.count ? g.compacted() : g)
    }
  }
}
