#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import TQStorage
import Testing

@testable import TQIO

@Suite("File writer")
struct FileWriterTests {
  /// A table read from CSV with every type, nulls, empty strings and characters that need quoting.
  static func roundTripTable() throws -> Table {
    try read(
      "id,name,score,ok,ts,day,note\n"
        + "1,alpha,2.5,true,2024-03-05T12:34:56Z,2024-03-05,\"a, \"\"quoted\"\" note\"\n"
        + "2,\"\",,false,2024-03-05T12:34:56.123456Z,,\"line\nbreak\"\n"
        + "3,,1e-7,,,1999-12-31,\" padded \"\n"
        + ",gamma,3,true,1969-12-31T23:59:59Z,2024-02-29,tab\there\n")
  }

  /// Checks that two tables have the same names, types and values.
  func expectSame(_ a: Table, _ b: Table, _ format: FileFormat) {
    #expect(a.columnNames == b.columnNames, "\(format)")
    #expect(a.rowCount == b.rowCount, "\(format)")
    for name in a.columnNames {
      #expect(a.type(name) == b.type(name), "\(format) \(name)")
      #expect(a.values(name) == b.values(name), "\(format) \(name)")
    }
  }

  @Test(arguments: [FileFormat.csv, .tsv, .jsonl, .json])
  func roundTrip(_ format: FileFormat) throws {
    let dir = makeTempDirectory()
    defer { removeTree(dir) }
    let original = try Self.roundTripTable()
    let path = "\(dir)/out.\(format.rawValue)"
    try FileWriter.write(original, to: path, format: format)
    expectSame(original, try TableReader.read(path: path), format)
    #expect(listDirectory(dir) == ["out.\(format.rawValue)"])
  }

  @Test func writesMarkdown() throws {
    let dir = makeTempDirectory()
    defer { removeTree(dir) }
    let t = try read("a,n\nx,1\n")
    try FileWriter.write(t, to: "\(dir)/t.md", format: .markdown)
    #expect(fileBytes("\(dir)/t.md") == Array("| a | n |\n| --- | ---: |\n| x | 1 |\n".utf8))
  }

  @Test func replacesAnExistingFileAndKeepsItsMode() throws {
    let dir = makeTempDirectory()
    defer { removeTree(dir) }
    let path = "\(dir)/t.csv"
    writeFile(path, "old\n")
    chmod(path, 0o640)
    try FileWriter.write(try read("a\n1\n"), to: path, format: .csv)
    #expect(fileBytes(path) == Array("a\n1\n".utf8))
    var st = stat()
    stat(path, &st)
    #expect(st.st_mode & 0o777 == 0o640)
    #expect(listDirectory(dir) == ["t.csv"])
  }

  @Test func writesThroughASymbolicLink() throws {
    let dir = makeTempDirectory()
    defer { removeTree(dir) }
    writeFile("\(dir)/real.csv", "old\n")
    symlink("\(dir)/real.csv", "\(dir)/link.csv")
    try FileWriter.write(try read("a\n1\n"), to: "\(dir)/link.csv", format: .csv)
    #expect(fileBytes("\(dir)/real.csv") == Array("a\n1\n".utf8))
    var st = stat()
    lstat("\(dir)/link.csv", &st)
    #expect(st.st_mode & S_IFMT == S_IFLNK)
  }

  @Test func targetThatIsADirectoryIsRefused() throws {
    let dir = makeTempDirectory()
    defer { removeTree(dir) }
    mkdir("\(dir)/sub", 0o755)
    defer { rmdir("\(dir)/sub") }
    let error = FileError(path: "\(dir)/sub", line: 0, field: 0, message: "cannot write \(dir)/sub: Is a directory")
    #expect(throws: error) { try FileWriter.write(try read("a\n1\n"), to: "\(dir)/sub", format: .csv) }
    #expect(listDirectory(dir) == ["sub"])
  }

  @Test func missingDirectoryIsAnError() throws {
    let path = "/nonexistent-tq-dir/out.csv"
    let error = FileError(path: path, line: 0, field: 0, message: "cannot write \(path): No such file or directory")
    #expect(throws: error) { try FileWriter.write(try read("a\n1\n"), to: path, format: .csv) }
  }

  @Test(.enabled(if: geteuid() != 0, "root ignores directory permissions"))
  func unwritableDirectoryKeepsTheOldFile() throws {
    let dir = makeTempDirectory()
    defer {
      chmod(dir, 0o755)
      removeTree(dir)
    }
    let path = "\(dir)/t.csv"
    writeFile(path, "old\n")
    chmod(dir, 0o555)
    #expect(throws: FileError.self) { try FileWriter.write(try read("a\n1\n"), to: path, format: .csv) }
    #expect(fileBytes(path) == Array("old\n".utf8))
    #expect(listDirectory(dir) == ["t.csv"])
  }

  @Test(.enabled(if: access("/dev/full", W_OK) == 0))
  func fullDeviceReportsNoSpace() throws {
    let error = FileError(path: "/dev/full", line: 0, field: 0, message: "cannot write /dev/full: No space left on device")
    #expect(throws: error) { try FileWriter.write(try read("a\n1\n"), to: "/dev/full", format: .csv) }
  }

  @Test func formatForExtension() {
    #expect(FileWriter.format(forExtension: "a/b.CSV") == .csv)
    #expect(FileWriter.format(forExtension: "x.tsv") == .tsv)
    #expect(FileWriter.format(forExtension: "x.tab") == .tsv)
    #expect(FileWriter.format(forExtension: "x.jsonl") == .jsonl)
    #expect(FileWriter.format(forExtension: "x.ndjson") == .jsonl)
    #expect(FileWriter.format(forExtension: "x.json") == .json)
    #expect(FileWriter.format(forExtension: "x.md") == .markdown)
    #expect(FileWriter.format(forExtension: "x.txt") == nil)
    #expect(FileWriter.format(forExtension: ".csv") == nil)
    #expect(FileWriter.format(forExtension: "dir.csv/file") == nil)
  }
}
