import TQStorage

/// The constants of the `.tqc` snapshot format (docs/snapshot.md describes the layout).
///
/// A file is a 64-byte header, the catalog (table metadata and a directory of sections),
/// the sections (raw little-endian column buffers), each starting on a 64-byte boundary and
/// zero-padded to one, and a 16-byte trailer. Every region is checksummed with XXH64.
enum SnapshotFormat {
  /// The first 8 bytes of every snapshot: `\x89 T Q C \r \n \x1A \n` (PNG-style, so that
  /// text-mode transfers and truncation to 7 bits show).
  static let magic: [UInt8] = [0x89, 0x54, 0x51, 0x43, 0x0D, 0x0A, 0x1A, 0x0A]
  /// The last 8 bytes of every snapshot.
  static let endMagic: [UInt8] = Array("TQC-END\n".utf8)
  /// The format version this tq writes (2: integers in their own width, run codes as run starts).
  static let version: UInt32 = 2
  /// The newest format version this tq reads.
  static let newestReadable: UInt32 = 2
  /// Written as a native UInt32; reads back as itself only on a machine of the same byte order.
  static let byteOrderMark: UInt32 = 0x0A0B_0C0D
  /// Bytes of the header.
  static let headerSize = 64
  /// Bytes of the trailer (file length, end magic).
  static let trailerSize = 16
  /// Every section (and the catalog) starts at a multiple of this and is zero-padded to it.
  static let alignment = 64
  /// The most rows a snapshot may hold (row numbers are UInt32 throughout tq).
  static let maxRows = Int(UInt32.max)

  /// `n` rounded up to the alignment.
  static func padded(_ n: Int) -> Int { (n + alignment - 1) / alignment * alignment }

  /// The on-disk code of a column type.
  static func code(of type: DataType) -> UInt8 {
    switch type {
    case .int: return 1
    case .float: return 2
    case .bool: return 3
    case .timestamp: return 4
    case .date: return 5
    case .string: return 6
    }
  }

  /// The column type of an on-disk code, or `nil` for an unknown code.
  static func type(ofCode code: UInt8) -> DataType? {
    DataType.allCases.first { self.code(of: $0) == code }
  }
}
