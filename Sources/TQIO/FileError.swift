/// A problem reading or writing a data file, with the record and field it concerns.
///
/// `line` is the 1-based line of the file where the offending record starts (the header is
/// line 1) and `field` the 1-based field; both are 0 for errors about the file as a whole
/// (missing, a directory, empty, unwritable). JSON errors give the 1-based byte column as
/// `field`. The engine renders it as `path:line:field: error: message`.
public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file's path as the user gave it.
  public var path: String
  /// The 1-based line where the record starts, or 0 for the whole file.
  public var line: Int
  /// The 1-based field (byte column for JSON), or 0 for the whole file.
  public var field: Int
  /// What went wrong: lower-case, no final period.
  public var message: String
  /// An optional suggestion shown under the error.
  public var hint: String?
  /// Whether reading stopped because the user pressed Ctrl-C (not a problem with the file).
  public var isInterrupted = false

  /// The error for a read that the user stopped.
  public static func interrupted(_ path: String) -> FileError {
    var e = FileError(path: path, line: 0, field: 0, message: "interrupted")
    e.isInterrupted = true
    return e
  }

  /// Creates a file error.
  public init(path: String, line: Int, field: Int, message: String, hint: String? = nil) {
    self.path = path
    self.line = line
    self.field = field
    self.message = message
    self.hint = hint
  }

  /// The error in tq's diagnostic form, `path:line:field: error: message`.
  public var description: String {
    var s = "\(path):\(line):\(field): error: \(message)"
    if let hint { s += "\n  = \(hint)" }
    return s
  }
}
