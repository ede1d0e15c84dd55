#if canImport(Glibc)
  import Glibc
#endif
import TQStorage

/// Reads `.tqc` snapshots: every check passes before a table is returned, so a damaged
/// file is refused and never half-loaded.
///
/// Order: header (signature, byte order, version, checksum), length against the file size
/// (truncation), trailer, catalog checksum, layout (sizes, types, offsets), then the
/// sections, read straight into column buffers with their checksums verified on two
/// threads, then codes and offsets.
public enum SnapshotReader {
  /// Reads the snapshot at `path`; `meter` (optional) sees the bytes read and is asked
  /// whether to stop (a stopped read throws `FileError.interrupted` and keeps nothing).
  public static func read(path: String, meter: WorkMeter? = nil) throws(FileError) -> Table {
    try read(SnapshotSource.open(path), path: path, meter: meter)
  }

  /// Reads a snapshot held in memory; `path` names it in errors.
  public static func read(bytes: UnsafeRawBufferPointer, path: String, meter: WorkMeter? = nil) throws(FileError) -> Table {
    try read(SnapshotSource.memory(bytes), path: path, meter: meter)
  }

  /// Whether bytes start with the snapshot signature.
  public static func isSnapshot(_ bytes: UnsafeRawBufferPointer) -> Bool {
    bytes.count >= SnapshotFormat.magic.count && zip(bytes, SnapshotFormat.magic).allSatisfy { $0 == $1 }
  }

  /// Whether the file at `path` starts with the snapshot signature (`false` when unreadable
  /// or not a regular file: a FIFO or a device is never opened just to look, since opening
  /// and closing one would lose its data).
  public static func isSnapshot(path: String) -> Bool {
    var st = stat()
    guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return false }
    guard let source = try? SnapshotSource.open(path), source.size >= SnapshotFormat.magic.count,
      let head = try? source.bytes(at: 0, count: SnapshotFormat.magic.count, path: path)
    else { return false }
    return head == SnapshotFormat.magic
  }

  /// Reads and checks everything, then builds the table.
  private static func read(_ source: SnapshotSource, path: String, meter: WorkMeter?) throws(FileError) -> Table {
    let size = source.size
    meter?.begin(total: size, unit: .bytes, label: "loading")
    defer { meter?.end() }
    let head = try source.bytes(at: 0, count: min(size, SnapshotFormat.headerSize), path: path)
    let header = try SnapshotHeader.decode(head, fileSize: size, path: path)
    if size < header.fileLength { throw SnapshotErrors.truncated(path, expected: header.fileLength, actual: size) }
    if size > header.fileLength {
      throw SnapshotErrors.corrupt(path, "\(size - header.fileLength) unexpected bytes after the end of the snapshot")
    }
    let trailerStart = size - SnapshotFormat.trailerSize
    guard trailerStart >= SnapshotFormat.headerSize,
      try source.bytes(at: trailerStart, count: SnapshotFormat.trailerSize, path: path)
        == SnapshotPlan.trailer(fileLength: header.fileLength)
    else { throw SnapshotErrors.corrupt(path, "the trailer does not match the header") }
    guard header.catalogOffset == SnapshotFormat.headerSize,
      header.catalogLength <= trailerStart - header.catalogOffset
    else { throw SnapshotErrors.corrupt(path, "the catalog lies outside the file") }
    let padded = try source.bytes(at: header.catalogOffset, count: SnapshotFormat.padded(header.catalogLength), path: path)
    guard padded.withUnsafeBytes({ Checksum.of($0) }) == header.catalogChecksum else {
      throw SnapshotErrors.checksum(path, "the catalog")
    }
    let catalog = try SnapshotCatalog.decode(Array(padded[0..<header.catalogLength]), path: path)
    let labels = try SnapshotLayout.check(catalog, header, path: path)
    meter?.advance(by: size - catalog.sections.reduce(0) { $0 + $1.paddedLength })  // all but the sections
    let sections = try SectionLoader.load(catalog.sections, labels: labels, from: source, path: path, meter: meter)
    return try SnapshotAssembly.table(catalog, sections, version: header.version, path: path)
  }
}
