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

  /// The element type of a section, as the catalog records it.
  enum Element: UInt8, Sendable {
    case u8 = 1, u16, u32, u64, i32, i64, f64, bool

    /// Bytes per element.
    var size: Int {
      switch self {
      case .u8, .bool: return 1
      case .u16: return 2
      case .u32, .i32: return 4
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
    }
  }

  /// The number of bytes.
  var byteCount: Int { withBytes { $0.count } }
}
