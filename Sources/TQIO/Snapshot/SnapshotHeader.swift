/// The 64 bytes at the start of a snapshot: what it is and where its catalog lies.
///
/// Layout: magic (8 bytes), format version (u32), byte-order mark (u32), file length (u64),
/// catalog offset (u64), catalog length (u64), catalog checksum (u64), reserved (u64, 0),
/// header checksum (u64: XXH64 of the first 56 bytes).
struct SnapshotHeader: Sendable, Equatable {
  /// The format version the file follows (what a reader expects in its sections).
  var version = SnapshotFormat.version
  /// The total length of the file, trailer included.
  var fileLength: Int
  /// Where the catalog starts (right after the header).
  var catalogOffset: Int
  /// Bytes of the catalog, without padding.
  var catalogLength: Int
  /// XXH64 of the catalog and its zero padding.
  var catalogChecksum: UInt64

  /// The header's 64 bytes.
  func encoded() -> [UInt8] {
    var e = CatalogEncoder()
    e.raw(SnapshotFormat.magic)
    e.u32(version)
    e.u32(SnapshotFormat.byteOrderMark)
    e.int(fileLength)
    e.int(catalogOffset)
    e.int(catalogLength)
    e.u64(catalogChecksum)
    e.u64(0)
    e.u64(Checksum.of(e.bytes))
    return e.bytes
  }

  /// Reads and checks a header: magic, byte order, version, checksum, in that order, so that
  /// a file from a newer tq is named as such even if its header changed shape.
  ///
  /// `bytes` holds the first (up to) 64 bytes of a file of `fileSize` bytes.
  static func decode(_ bytes: [UInt8], fileSize: Int, path: String) throws(FileError) -> SnapshotHeader {
    let magic = SnapshotFormat.magic
    guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else { throw SnapshotErrors.notASnapshot(path) }
    guard bytes.count == SnapshotFormat.headerSize else {
      throw SnapshotErrors.truncated(
        path, expected: SnapshotFormat.headerSize + SnapshotFormat.trailerSize, actual: fileSize, atLeast: true)
    }
    var d = CatalogDecoder(bytes, path: path)
    _ = try d.raw(magic.count)
    let version = try d.u32()
    let mark = try d.u32()
    guard mark == SnapshotFormat.byteOrderMark else {
      if mark == SnapshotFormat.byteOrderMark.byteSwapped { throw SnapshotErrors.byteOrder(path) }
      throw SnapshotErrors.checksum(path, "the header")
    }
    if version > SnapshotFormat.newestReadable { throw SnapshotErrors.newer(path, version: version) }
    let header = SnapshotHeader(version: version, fileLength: try d.int(), catalogOffset: try d.int(),
                                catalogLength: try d.int(), catalogChecksum: try d.u64())
    _ = try d.u64()
    let stored = try d.u64()
    guard version >= 1, stored == Checksum.of(Array(bytes[0..<56])) else { throw SnapshotErrors.checksum(path, "the header") }
    return header
  }
}
