#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import TQStorage
import Testing

@testable import TQIO

/// Reads `bytes` as a file named `path`.
func read(bytes: [UInt8], path: String = "t.csv", format: FileFormat? = nil) throws(FileError) -> Table {
  let result = bytes.withUnsafeBytes { raw in
    Result { () throws(FileError) -> Table in try TableReader.read(bytes: raw, path: path, format: format) }
  }
  return try result.get()
}

/// Reads `text` as a file named `path`.
func read(_ text: String, path: String = "t.csv", format: FileFormat? = nil) throws(FileError) -> Table {
  try read(bytes: Array(text.utf8), path: path, format: format)
}

/// The error reading `bytes` gives, or `nil` when it reads.
func readError(bytes: [UInt8], path: String = "t.csv", format: FileFormat? = nil) -> FileError? {
  do {
    _ = try read(bytes: bytes, path: path, format: format)
    return nil
  } catch {
    return error
  }
}

/// The error reading `text` gives, or `nil` when it reads.
func readError(_ text: String, path: String = "t.csv", format: FileFormat? = nil) -> FileError? {
  readError(bytes: Array(text.utf8), path: path, format: format)
}

/// A file error at a record and field.
func fileError(_ line: Int, _ field: Int, _ message: String, path: String = "t.csv") -> FileError {
  FileError(path: path, line: line, field: field, message: message)
}

extension FileError {
  /// The error without its hint (most tests check location and message only).
  var withoutHint: FileError {
    var e = self
    e.hint = nil
    return e
  }
}

extension Table {
  /// The values of the column named `name`.
  func values(_ name: String) -> [Value] {
    guard let c = column(name) else { return [] }
    return (0..<rowCount).map { c.value(at: $0) }
  }

  /// The type of the column named `name`.
  func type(_ name: String) -> DataType? { column(name)?.type }
}

/// A fresh temporary directory, removed by `removeTree`.
func makeTempDirectory() -> String {
  var template = Array("/tmp/tqio-test-XXXXXX".utf8CString)
  return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
}

/// Removes a directory and the files in it (one level).
func removeTree(_ dir: String) {
  for name in listDirectory(dir) { unlink("\(dir)/\(name)") }
  rmdir(dir)
}

/// The entry names of a directory (without `.` and `..`).
func listDirectory(_ dir: String) -> [String] {
  guard let d = opendir(dir) else { return [] }
  defer { closedir(d) }
  var names: [String] = []
  while let e = readdir(d) {
    let name = withUnsafeBytes(of: e.pointee.d_name) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
    if name != "." && name != ".." { names.append(name) }
  }
  return names.sorted()
}

/// The bytes of a file, or `nil`.
func fileBytes(_ path: String) -> [UInt8]? {
  guard let f = fopen(path, "rb") else { return nil }
  defer { fclose(f) }
  var out: [UInt8] = []
  var buf = [UInt8](repeating: 0, count: 65536)
  while true {
    let n = fread(&buf, 1, buf.count, f)
    if n <= 0 { break }
    out += buf[0..<n]
  }
  return out
}

/// Writes `text` to `path`.
func writeFile(_ path: String, _ text: String) {
  let f = fopen(path, "wb")!
  _ = text.utf8CString.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count - 1, f) }
  fclose(f)
}
