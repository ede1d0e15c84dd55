import TQStorage

/// Checks that a catalog describes a well-formed file before any section is read: sections
/// back to back in directory order ending at the trailer, each used once, with the element
/// type and element count its column needs. Absurd sizes are refused here, before anything
/// is allocated.
enum SnapshotLayout {
  /// The name of every section for errors (`column "ts" (values)`), after checking the layout.
  static func check(_ c: SnapshotCatalog, _ h: SnapshotHeader, path: String) throws(FileError) -> [String] {
    func corrupt(_ what: String) -> FileError { SnapshotErrors.corrupt(path, what) }
    var expected = h.catalogOffset + SnapshotFormat.padded(h.catalogLength)
    for (i, s) in c.sections.enumerated() {
      guard s.offset == expected else { throw corrupt("section \(i) is at byte \(s.offset), expected \(expected)") }
      guard s.length <= h.fileLength - expected else { throw corrupt("section \(i) claims \(s.length) bytes, past the end of the file") }
      guard s.length % s.element.size == 0 else { throw corrupt("section \(i) holds a partial value") }
      expected += s.paddedLength
    }
    guard expected + SnapshotFormat.trailerSize == h.fileLength else {
      throw corrupt("the sections end at byte \(expected), not where the trailer starts")
    }
    let rows = c.rowCount
    var labels = [String?](repeating: nil, count: c.sections.count)
    func claim(_ i: Int?, _ label: String, _ elements: [SectionData.Element], count: Int?) throws(FileError) {
      guard let i else { return }
      guard i < c.sections.count, labels[i] == nil else { throw corrupt("\(label) points at a missing or shared section") }
      let s = c.sections[i]
      guard elements.contains(s.element) else { throw corrupt("\(label) has the wrong value type") }
      if s.element == .runs {
        guard holdsRowOffsets(s, rows: rows) else { throw corrupt("\(label) holds \(s.count) run starts for \(rows) rows") }
      } else if let count, s.count != count {
        throw corrupt("\(label) holds \(s.count) values, expected \(count)")
      }
      labels[i] = label
    }
    try claim(c.journeyOffsets, "the journey offsets", [.u32], count: nil)
    if let j = c.journeyOffsets, !holdsRowOffsets(c.sections[j], rows: rows) {
      throw corrupt("the journey offsets hold \(c.sections[j].count) values for \(rows) rows")
    }
    for col in c.columns {
      let name = "column \"\(col.name)\""
      try claim(col.values, "\(name) (values)", elements(of: col.type, version: h.version), count: rows)
      try claim(col.validity, "\(name) (null mask)", [.u64], count: (rows + 63) / 64)
      let dictionary = [col.dictionaryOffsets, col.dictionaryBytes].map { $0 != nil }
      guard dictionary == [col.type == .string, col.type == .string] else {
        throw corrupt("\(name) has a dictionary that does not fit its type")
      }
      try claim(col.dictionaryOffsets, "\(name) (dictionary offsets)", [.u64], count: nil)
      try claim(col.dictionaryBytes, "\(name) (dictionary strings)", [.u8], count: nil)
      if let d = col.dictionaryOffsets, c.sections[d].count == 0 { throw corrupt("\(name) has no dictionary end offset") }
    }
    if let unused = labels.firstIndex(where: { $0 == nil }) { throw corrupt("section \(unused) belongs to no column") }
    return labels.map { $0! }
  }

  /// The section element types that hold a column type's values in a format version:
  /// since 2, integers in any signed width and string codes as run starts.
  static func elements(of type: DataType, version: UInt32) -> [SectionData.Element] {
    switch type {
    case .int: return version < 2 ? [.i64] : [.i8, .i16, .i32, .i64]
    case .timestamp: return [.i64]
    case .float: return [.f64]
    case .bool: return [.bool]
    case .date: return [.i32]
    case .string: return version < 2 ? [.u8, .u16, .u32] : [.u8, .u16, .u32, .runs]
    }
  }

  /// Whether a section of row offsets (journey offsets, run starts) has a count they can
  /// have: one start per nonempty run, then the row count.
  static func holdsRowOffsets(_ s: SectionEntry, rows: Int) -> Bool { (1...rows + 1).contains(s.count) }
}
