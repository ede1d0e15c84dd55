/// The reader's error messages, in one place so the header and the records agree.
enum CSVErrors {
  /// A file with no header row (0 bytes, only a BOM, only newlines).
  static func empty(_ path: String) -> FileError {
    FileError(path: path, line: 0, field: 0, message: "file is empty: expected a header row")
  }

  /// A quoted field without its closing quote (reported at the record, field 1).
  static func unterminatedQuote(_ path: String, line: Int) -> FileError {
    FileError(path: path, line: line, field: 1, message: "unterminated quoted field")
  }

  /// Text between a closing quote and the next delimiter, as in `"ab"c`.
  static func junkAfterQuote(_ path: String, line: Int, field: Int) -> FileError {
    FileError(
      path: path, line: line, field: field, message: "unexpected character after closing quote",
      hint: "a quote inside a quoted field is written as two quotes (\"\")")
  }

  /// A record with the wrong number of fields.
  static func ragged(_ path: String, line: Int, expected: Int, found: Int) -> FileError {
    FileError(
      path: path, line: line, field: 1, message: "expected \(expected) field\(expected == 1 ? "" : "s"), found \(found)")
  }

  /// An invalid UTF-8 sequence or a NUL byte in a field.
  static func badByte(_ path: String, _ problem: UTF8Validation.Problem, line: Int, field: Int) -> FileError {
    switch problem {
    case .invalidUTF8:
      return FileError(
        path: path, line: line, field: field, message: "invalid UTF-8 in field",
        hint: "tq reads UTF-8 text; convert the file first, e.g. iconv -f latin1 -t utf-8")
    case .nul:
      return FileError(path: path, line: line, field: field, message: "NUL byte in field")
    }
  }
}
