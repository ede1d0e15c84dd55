import TQStorage

/// The value of an expression over a relation's rows: a column, or one constant for every row.
///
/// Constants are not broadcast until a kernel needs an array (DuckDB's constant vectors).
enum Vector {
  case constant(Value, DataType?)
  case column(Column)

  /// The type of the values (nil for an untyped null constant).
  var type: DataType? {
    switch self {
    case .constant(_, let t): return t
    case .column(let c): return c.type
    }
  }

  /// The vector as a column of `count` rows.
  func column(count: Int, type: DataType) -> Column {
    switch self {
    case .column(let c): return c
    case .constant(let v, _): return Vector.broadcast(v, count: count, type: type)
    }
  }

  /// Validity for `count` rows (nil when all rows are valid).
  func validity(count: Int) -> Bitmap? {
    switch self {
    case .constant(let v, _): return v.isNull ? Bitmap(count: count, value: false) : nil
    case .column(let c): return c.validity
    }
  }

  /// A column holding `v` in every one of `count` rows.
  static func broadcast(_ v: Value, count: Int, type: DataType) -> Column {
    let data: ColumnData
    switch (v, type) {
    case (.int(let x), .float): data = .float(Array(repeating: Double(x), count: count))
    case (.int(let x), _): data = .int(Array(repeating: x, count: count))
    case (.float(let x), _): data = .float(Array(repeating: x, count: count))
    case (.bool(let x), _): data = .bool(Array(repeating: x, count: count))
    case (.timestamp(let x), _): data = .timestamp(Array(repeating: x, count: count))
    case (.date(let x), .timestamp): data = .timestamp(Array(repeating: Int64(x) * 86_400_000_000, count: count))
    case (.date(let x), _): data = .date(Array(repeating: x, count: count))
    case (.string(let s), _):
      data = .string(DictColumn(codes: .u8(Array(repeating: 0, count: count)), dictionary: [s]))
    case (.null, _):
      return Column(name: "", data: Vector.empty(type, count: count), validity: Bitmap(count: count, value: false))
    }
    return Column(name: "", data: data)
  }

  /// Zero values of a type.
  static func empty(_ t: DataType, count: Int) -> ColumnData {
    switch t {
    case .int: return .int(Array(repeating: 0, count: count))
    case .float: return .float(Array(repeating: 0, count: count))
    case .bool: return .bool(Array(repeating: false, count: count))
    case .timestamp: return .timestamp(Array(repeating: 0, count: count))
    case .date: return .date(Array(repeating: 0, count: count))
    case .string: return .string(DictColumn(codes: .u8(Array(repeating: 0, count: count)), dictionary: [""]))
    }
  }
}

/// Combines two validity masks (a row is valid when valid in both).
func andValidity(_ a: Bitmap?, _ b: Bitmap?) -> Bitmap? {
  guard var a else { return b }
  guard let b else { return a }
  for i in 0..<a.count where !b[i] { a[i] = false }
  return a
}
