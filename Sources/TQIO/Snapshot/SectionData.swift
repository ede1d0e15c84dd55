/// The typed buffer behind one snapshot section: what a writer saves and a reader restores.
///
/// Every case holds a plain array of a trivial element type, so its bytes are the section's
/// bytes (little-endian hosts) and move in bulk.
enum SectionData: Sendable {
  case u8([UInt8])
  case u16([UInt16])
  case u32([UInt32])
  case u64([UInt64])
  case i32([Int32])
  case i64([Int64])
  case f64([Double])
  case bool([Bool])
  case i8([Int8])
  case i16([Int16])
  /// Run starts of a string column's codes (`RunCodes.starts`): one per run, then the row count.
  case runs([UInt32])

  /// The element type of a section, as the catalog records it (9 and up since format 2).
  enum Element: UInt8, Sendable {
    case u8 = 1, u16 = 2, u32 = 3, u64 = 4, i32 = 5, i64 = 6, f64 = 7, bool = 8
    case i8 = 9, i16 = 10, runs = 11

    /// Bytes per element.
    var size: Int {
      switch self {
      case .u8, .bool, .i8: return 1
      case .u16, .i16: return 2
      case .u32, .i32, .runs: return 4
      case .u64, .i64, .f64: return 8
      }
    }
  }

  /// The element type.
  var element: Element {
    switch self {
    case .u8: return .u8
    case .u16: return .u16
    case .u32: return .u32
    case .u64: return .u64
    case .i32: return .i32
    case .i64: return .i64
    case .f64: return .f64
    case .bool: return .bool
    case .i8: return .i8
    case .i16: return .i16
    case .runs: return .runs
    }
  }

  /// Runs `body` over the buffer's bytes.
  func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
    switch self {
    case .u8(let a): return a.withUnsafeBytes(body)
    case .u16(let a): return a.withUnsafeBytes(body)
    case .u32(let a): return a.withUnsafeBytes(body)
    case .u64(let a): return a.withUnsafeBytes(body)
    case .i32(let a): return a.withUnsafeBytes(body)
    case .i64(let a): return a.withUnsafeBytes(body)
    case .f64(let a): return a.withUnsafeBytes(body)
    case .bool(let a): return a.withUnsafeBytes(body)
    case .i8(let a): return a.withUnsafeBytes(body)
    case .i16(let a): return a.withUnsafeBytes(body)
    case .runs(let a): return a.withUnsafeBytes(body)
    }
  }

  /// The number of bytes.
  var byteCount: Int { withBytes { $0.count } }
}
