/// One entry of the catalog's section directory: where a buffer lies and what it hashes to.
struct SectionEntry: Sendable, Equatable {
  /// The element type of the buffer.
  var element: SectionData.Element
  /// Byte offset from the start of the file (a multiple of the alignment).
  var offset: Int
  /// Bytes of the buffer, without padding.
  var length: Int
  /// XXH64 of the buffer and its zero padding.
  var checksum: UInt64

  /// Bytes of the buffer with its padding.
  var paddedLength: Int { SnapshotFormat.padded(length) }

  /// The number of elements.
  var count: Int { length / element.size }

  /// Appends the entry: element, offset, length, checksum.
  func encode(to e: inout CatalogEncoder) {
    e.u8(element.rawValue)
    e.int(offset)
    e.int(length)
    e.u64(checksum)
  }

  /// Reads an entry, refusing an unknown element type.
  static func decode(from d: inout CatalogDecoder) throws(FileError) -> SectionEntry {
    let code = try d.u8()
    let offset = try d.int()
    let length = try d.int()
    let checksum = try d.u64()
    guard let element = SectionData.Element(rawValue: code) else { throw d.corrupt("unknown section element type \(code)") }
    return SectionEntry(element: element, offset: offset, length: length, checksum: checksum)
  }
}
