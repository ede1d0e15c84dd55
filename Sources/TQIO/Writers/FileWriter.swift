import TQStorage

/// Saves tables to files in any writable format, atomically.
public enum FileWriter {
  /// Writes `t` to `path` in `format` through a temporary file renamed over the target;
  /// on failure the target is untouched and the error reads `cannot write <path>: <reason>`.
  public static func write(_ t: Table, to path: String, format: FileFormat) throws(FileError) {
    let mode: OutputMode
    switch format {
    case .tqc: return try SnapshotWriter.write(t, to: path)
    case .csv: mode = .csv
    case .tsv: mode = .tsv
    case .json: mode = .json
    case .jsonl: mode = .jsonl
    case .markdown: mode = .markdown
    }
    try AtomicFile.write(path: path) { sink in TableRenderer.write(t, mode: mode, to: &sink) }
  }

  /// The format a file name's extension implies (case-insensitive): `.csv`, `.tsv`/`.tab`,
  /// `.jsonl`/`.ndjson`, `.json`, `.md`/`.markdown`, `.tqc`; `nil` for anything else.
  public static func format(forExtension path: String) -> FileFormat? {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    switch name[name.index(after: dot)...].lowercased() {
    case "csv": return .csv
    case "tsv", "tab": return .tsv
    case "jsonl", "ndjson": return .jsonl
    case "json": return .json
    case "md", "markdown": return .markdown
    case "tqc": return .tqc
    default: return nil
    }
  }
}

extension FileWriter {
  /// Writes raw bytes to `path` atomically (temp file, fsync, rename).
  public static func write(bytes: [UInt8], to path: String) throws(FileError) {
    try AtomicFile.write(path: path) { sink in sink.append(bytes) }
  }

  /// Writes UTF-8 text to `path` atomically.
  public static func write(text: String, to path: String) throws(FileError) {
    try write(bytes: Array(text.utf8), to: path)
  }
}
