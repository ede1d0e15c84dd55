/// Appends little-endian fields to a byte buffer (the snapshot's header and catalog).
struct CatalogEncoder {
  /// The bytes so far.
  private(set) var bytes: [UInt8] = []

  /// Creates an empty encoder.
  init() {}

  /// Appends raw bytes.
  mutating func raw(_ b: [UInt8]) { bytes += b }

  /// Appends one byte.
  mutating func u8(_ v: UInt8) { bytes.append(v) }

  /// Appends a little-endian UInt32.
  mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }

  /// Appends a little-endian UInt64.
  mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }

  /// Appends a non-negative Int as a UInt64.
  mutating func int(_ v: Int) { u64(UInt64(v)) }

  /// Appends a string: UInt32 byte count, then UTF-8.
  mutating func string(_ s: String) {
    u32(UInt32(s.utf8.count))
    bytes += s.utf8
  }

  /// Appends zero bytes up to a multiple of `alignment`.
  mutating func pad(to alignment: Int) {
    bytes += repeatElement(0, count: (alignment - bytes.count % alignment) % alignment)
  }
}
