import TQStorage

/// One column of the catalog: its name, type and the sections holding its buffers.
///
/// Section references are indices into the catalog's section directory. A string column's
/// `values` are its codes (the section's element type gives their width) and it has a
/// dictionary: UInt64 offsets (one per string plus an end) into a blob of UTF-8 bytes.
struct ColumnEntry: Sendable, Equatable {
  /// The section index that stands for "no section".
  static let none = UInt32.max

  /// The column name.
  var name: String
  /// The column type.
  var type: DataType
  /// The values (or codes) section.
  var values: Int
  /// The null mask section (packed UInt64 words, bit set = value present), if any.
  var validity: Int?
  /// The dictionary offsets section of a string column.
  var dictionaryOffsets: Int?
  /// The dictionary bytes section of a string column.
  var dictionaryBytes: Int?

  /// Appends the column: name, type code, then four section indices.
  func encode(to e: inout CatalogEncoder) {
    e.string(name)
    e.u8(SnapshotFormat.code(of: type))
    for s in [values, validity, dictionaryOffsets, dictionaryBytes] { e.u32(s.map(UInt32.init) ?? Self.none) }
  }

  /// Reads a column, refusing an unknown type code or a missing values section.
  static func decode(from d: inout CatalogDecoder) throws(FileError) -> ColumnEntry {
    let name = try d.string()
    let code = try d.u8()
    var refs: [Int?] = []
    for _ in 0..<4 {
      let r = try d.u32()
      refs.append(r == none ? nil : Int(r))
    }
    guard let type = SnapshotFormat.type(ofCode: code) else { throw d.corrupt("column \"\(name)\" has unknown type \(code)") }
    guard let values = refs[0] else { throw d.corrupt("column \"\(name)\" has no values") }
    return ColumnEntry(name: name, type: type, values: values, validity: refs[1], dictionaryOffsets: refs[2],
                       dictionaryBytes: refs[3])
  }
}
