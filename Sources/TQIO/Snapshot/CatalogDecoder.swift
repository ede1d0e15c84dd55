/// Reads little-endian fields from a byte buffer, refusing to read past its end.
///
/// Every read throws when the bytes run out, so a damaged catalog is refused instead of
/// read out of bounds.
struct CatalogDecoder {
  private let bytes: [UInt8]
  /// The snapshot's path, for errors.
  let path: String
  /// The offset of the next field.
  private(set) var position = 0

  /// Reads `bytes` (the catalog of the snapshot at `path`) from the start.
  init(_ bytes: [UInt8], path: String) {
    self.bytes = bytes
    self.path = path
  }

  /// A corruption error about this snapshot.
  func corrupt(_ what: String) -> FileError { SnapshotErrors.corrupt(path, what) }

  /// The number of bytes not yet read.
  var remaining: Int { bytes.count - position }

  /// Reads `n` raw bytes.
  mutating func raw(_ n: Int) throws(FileError) -> ArraySlice<UInt8> {
    guard n >= 0, n <= remaining else { throw corrupt("the catalog ends in the middle of a field") }
    defer { position += n }
    return bytes[position..<position + n]
  }

  /// Reads one byte.
  mutating func u8() throws(FileError) -> UInt8 { try raw(1).first! }

  /// Reads a little-endian UInt32.
  mutating func u32() throws(FileError) -> UInt32 { UInt32(truncatingIfNeeded: try little(4)) }

  /// Reads a little-endian UInt64.
  mutating func u64() throws(FileError) -> UInt64 { try little(8) }

  /// Reads a UInt64 that must fit an Int.
  mutating func int() throws(FileError) -> Int {
    let v = try u64()
    guard v <= UInt64(Int.max) else { throw corrupt("a size of \(v) bytes") }
    return Int(v)
  }

  /// Reads a string written by `CatalogEncoder.string` (invalid UTF-8 is repaired).
  mutating func string() throws(FileError) -> String {
    let n = Int(try u32())
    return String(decoding: try raw(n), as: UTF8.self)
  }

  /// Reads an element count, refusing one that the remaining bytes cannot hold at
  /// `minimumBytes` per element.
  mutating func count(minimumBytes: Int) throws(FileError) -> Int {
    let n = Int(try u32())
    guard n * minimumBytes <= remaining else {
      throw corrupt("the catalog claims \(n) entries but holds only \(remaining) more bytes")
    }
    return n
  }

  /// Reads `n` bytes as a little-endian unsigned integer.
  private mutating func little(_ n: Int) throws(FileError) -> UInt64 {
    var v: UInt64 = 0
    for (k, b) in try raw(n).enumerated() { v |= UInt64(b) << UInt64(8 * k) }
    return v
  }
}
