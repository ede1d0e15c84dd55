import Foundation

/// The history file on disk: read at start, appended after every statement, trimmed by
/// rewriting through a temp file and a rename.
///
/// libedit's own `H_SAVE` truncates the file before writing, so a kill or a full disk
/// would lose the history (RELIABILITY.md §1.5, §3.5); this type never opens the file
/// with `O_TRUNC`. Appends are one `write` under `flock` with `O_APPEND`, so two sessions
/// never interleave bytes within a line. A symbolic link is followed: the file it points
/// to is appended to and replaced, and the link stays.
public struct HistoryFile: Sendable {
  /// The path as given (`~/.tq_history` or `$TQ_HISTORY`).
  public let path: String

  /// Creates a handle; nothing is opened yet.
  public init(path: String) { self.path = path }

  /// The file the path names, with symbolic links resolved (the path itself when missing).
  var target: String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// The raw lines of the file; empty when it does not exist.
  public func readLines() throws(HistoryFileError) -> [ArraySlice<UInt8>] {
    let fd = open(target, O_RDONLY | O_CLOEXEC)
    if fd < 0 {
      if errno == ENOENT { return [] }
      throw .posix("cannot read", path)
    }
    defer { close(fd) }
    return HistoryCoding.lines(try Self.readAll(fd, path: path))
  }

  /// Appends one entry as one line (creating the file, mode 0600).
  public func append(_ entry: String) throws(HistoryFileError) {
    let line = Array((HistoryCoding.encode(entry) + "\n").utf8)
    for _ in 0..<3 {
      let fd = open(target, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
      if fd < 0 { throw .posix("cannot write", path) }
      defer { close(fd) }
      guard Self.lock(fd) else { throw .posix("cannot lock", path) }
      // A trim in another session may have renamed a new file into place while we waited.
      guard Self.isCurrent(fd, path: target) else { continue }
      var bytes = line
      if Self.lastByte(fd) ?? UInt8(ascii: "\n") != UInt8(ascii: "\n") { bytes.insert(UInt8(ascii: "\n"), at: 0) }
      try Self.writeAll(fd, bytes, path: path)
      return
    }
    throw HistoryFileError(message: "cannot write \(path): it keeps being replaced")
  }

  /// Reads everything from `fd`.
  static func readAll(_ fd: Int32, path: String) throws(HistoryFileError) -> [UInt8] {
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n == 0 { return out }
      if n < 0 {
        if errno == EINTR { continue }
        throw .posix("cannot read", path)
      }
      out.append(contentsOf: chunk[0..<n])
    }
  }

  /// Writes all of `bytes` to `fd`.
  static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(HistoryFileError) {
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
      if n < 0 {
        if errno == EINTR { continue }
        throw .posix("cannot write", path)
      }
      done += n
    }
  }

  /// Takes an exclusive `flock`, waiting through EINTR.
  static func lock(_ fd: Int32) -> Bool {
    while flock(fd, LOCK_EX) != 0 {
      if errno != EINTR { return false }
    }
    return true
  }

  /// Whether `fd` is still the file at `path` (same device and inode).
  static func isCurrent(_ fd: Int32, path: String) -> Bool {
    var a = stat()
    var b = stat()
    guard fstat(fd, &a) == 0, stat(path, &b) == 0 else { return false }
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino
  }

  /// The last byte of the file open on `fd`, or `nil` when it is empty.
  static func lastByte(_ fd: Int32) -> UInt8? {
    var st = stat()
    guard fstat(fd, &st) == 0, st.st_size > 0 else { return nil }
    var b: UInt8 = 0
    return pread(fd, &b, 1, st.st_size - 1) == 1 ? b : nil
  }
}

/// A history file operation that failed: the path and the system's reason.
public struct HistoryFileError: Error, Sendable, CustomStringConvertible {
  /// `cannot write /home/a/.tq_history: Permission denied`.
  public var message: String

  /// The error for the current `errno`.
  static func posix(_ what: String, _ path: String) -> HistoryFileError {
    HistoryFileError(message: "\(what) \(path): \(String(cString: strerror(errno)))")
  }

  /// The message.
  public var description: String { message }
}
