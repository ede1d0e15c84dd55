import TQStorage

/// Reads a data file into a table: CSV/TSV, JSON Lines or a `.tqc` snapshot, by extension,
/// content or request.
///
/// A snapshot comes back as it was saved: roles, kind and journey order included. Any other
/// table has kind `.touches` and no roles; the engine detects roles and arranges
/// journeys. Column types are inferred from every row (int, float, bool, timestamp, date,
/// else string; an empty field is null).
public enum TableReader {
  /// Reads the file at `path`; `format` overrides detection.
  ///
  /// CSV/TSV delimiters are sniffed from the header line (`,` tab `;` `|`). JSON Lines is
  /// chosen by the extensions `.jsonl`, `.ndjson`, `.json`, or content starting with `{`.
  /// `meter` (optional) sees the bytes done and is asked whether to stop; a stopped read
  /// throws `FileError.interrupted` and keeps nothing.
  public static func read(path: String, format: FileFormat? = nil, meter: WorkMeter? = nil) throws(FileError) -> Table {
    if (format ?? FileWriter.format(forExtension: path)) == .tqc { return try SnapshotReader.read(path: path, meter: meter) }
    // The CSV reader maps its halves' pages on their own threads.
    let csv = [.csv, .tsv].contains(format ?? FileWriter.format(forExtension: path))
    let input = try MappedInput.load(path, populate: !csv)
    return try withExtendedLifetime(input) { () throws(FileError) -> Table in
      try read(
        bytes: UnsafeRawBufferPointer(start: input.base, count: input.count), path: path, format: format, meter: meter,
        fileBacked: input.isMapped)
    }
  }

  /// Reads a file's bytes; `path` names it in errors and picks the format by extension.
  /// `fileBacked` says that the bytes are a mapping of a file, whose pages a reader may drop
  /// once read (they come back from the file if touched again).
  public static func read(
    bytes: UnsafeRawBufferPointer, path: String, format: FileFormat?, meter: WorkMeter? = nil, fileBacked: Bool = false
  ) throws(FileError) -> Table {
    if (format ?? FileWriter.format(forExtension: path)) == .tqc {
      return try SnapshotReader.read(bytes: bytes, path: path, meter: meter)
    }
    meter?.begin(total: bytes.count, unit: .bytes, label: "loading")
    defer { meter?.end() }
    guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count > 0 else {
      if format == .json || format == .jsonl || (format == nil && isJSONPath(path)) {
        throw FileError(path: path, line: 0, field: 0, message: "file is empty: expected a JSON object")
      }
      throw CSVErrors.empty(path)
    }
    switch format ?? detect(bytes, path: path) {
    case .tqc:
      return try SnapshotReader.read(bytes: bytes, path: path, meter: meter)
    case .json, .jsonl:
      return try JSONLReader.read(base, count: bytes.count, path: path, meter: meter)
    case .csv:
      return try CSVReader.read(base, count: bytes.count, path: path, delimiter: nil, meter: meter, fileBacked: fileBacked)
    case .tsv:
      return try CSVReader.read(
        base, count: bytes.count, path: path, delimiter: UInt8(ascii: "\t"), meter: meter, fileBacked: fileBacked)
    case .markdown:
      throw FileError(
        path: path, line: 0, field: 0, message: "cannot read markdown tables",
        hint: "markdown is an output format; read CSV, TSV or JSON Lines")
    }
  }

  /// Whether the extension names a JSON format.
  private static func isJSONPath(_ path: String) -> Bool {
    let f = FileWriter.format(forExtension: path)
    return f == .json || f == .jsonl
  }

  /// The format by extension (`.tsv`/`.tab` are TSV), else a snapshot by its signature, else
  /// by the first non-blank byte.
  private static func detect(_ bytes: UnsafeRawBufferPointer, path: String) -> FileFormat {
    if let f = FileWriter.format(forExtension: path), f != .markdown { return f }
    if SnapshotReader.isSnapshot(bytes) { return .tqc }
    let base = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count = bytes.count
    var i = ByteOrderMark.length(base, count)
    while i < count && (base[i] == 0x20 || base[i] == 0x09 || base[i] == 0x0A || base[i] == 0x0D) { i += 1 }
    return i < count && base[i] == UInt8(ascii: "{") ? .jsonl : .csv
  }
}
