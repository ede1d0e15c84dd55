/// The errors a snapshot is refused with: lower-case messages about the file as a whole.
enum SnapshotErrors {
  /// The hint shown under every refusal of a damaged snapshot.
  static let rewriteHint = "the snapshot is damaged; save the table again"

  /// The file does not start with the snapshot magic.
  static func notASnapshot(_ path: String) -> FileError {
    FileError(path: path, line: 0, field: 0, message: "not a tq snapshot (the file does not start with the .tqc signature)",
              hint: "save a table to a .tqc file with: save <table> to \"file.tqc\"")
  }

  /// The file was written by a newer tq.
  static func newer(_ path: String, version: UInt32) -> FileError {
    FileError(path: path, line: 0, field: 0,
              message: "written by a newer tq: format \(version), this tq reads up to \(SnapshotFormat.newestReadable)",
              hint: "update tq, or save the table as CSV from the newer tq")
  }

  /// The file was written on a machine of the other byte order.
  static func byteOrder(_ path: String) -> FileError {
    FileError(path: path, line: 0, field: 0, message: "written on a machine of the other byte order",
              hint: "save the table as CSV on that machine")
  }

  /// The file is shorter than its header says (or than any snapshot, when `atLeast`).
  static func truncated(_ path: String, expected: Int, actual: Int, atLeast: Bool = false) -> FileError {
    FileError(path: path, line: 0, field: 0,
              message: "truncated snapshot: expected \(atLeast ? "at least " : "")\(expected) bytes, file has \(actual)",
              hint: rewriteHint)
  }

  /// A region's checksum does not match its bytes.
  static func checksum(_ path: String, _ what: String) -> FileError {
    FileError(path: path, line: 0, field: 0, message: "corrupt snapshot: checksum mismatch in \(what)", hint: rewriteHint)
  }

  /// Something in the file is impossible (a size, an offset, a code, a name).
  static func corrupt(_ path: String, _ what: String) -> FileError {
    FileError(path: path, line: 0, field: 0, message: "corrupt snapshot: \(what)", hint: rewriteHint)
  }
}
