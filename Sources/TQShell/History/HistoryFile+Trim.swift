import Foundation

extension HistoryFile {
  /// Keeps the last `limit` lines: writes them to a temp file in the same folder, `fsync`s
  /// it, renames it over the file and `fsync`s the folder (RELIABILITY.md §1.5). On any
  /// error the temp file is removed and the file is left as it was.
  public func trim(keeping limit: Int) throws(HistoryFileError) {
    let file = target
    let fd = open(file, O_RDONLY | O_CLOEXEC)
    if fd < 0 {
      if errno == ENOENT { return }
      throw .posix("cannot read", path)
    }
    defer { close(fd) }  // closing releases the lock, after the rename
    guard Self.lock(fd) else { throw .posix("cannot lock", path) }
    guard Self.isCurrent(fd, path: file) else { return }  // another session just trimmed it
    let lines = HistoryCoding.lines(try Self.readAll(fd, path: path))
    guard lines.count > limit else { return }
    var bytes: [UInt8] = []
    for line in lines.suffix(limit) {
      bytes.append(contentsOf: line)
      bytes.append(UInt8(ascii: "\n"))
    }
    var st = stat()
    let mode = fstat(fd, &st) == 0 ? st.st_mode & 0o777 : 0o600
    try Self.replace(file, with: bytes, mode: mode, displayPath: path)
  }

  /// Writes `bytes` to a new temp file beside `file` and renames it over `file`.
  static func replace(_ file: String, with bytes: [UInt8], mode: mode_t, displayPath: String) throws(HistoryFileError) {
    let url = URL(fileURLWithPath: file)
    let dir = url.deletingLastPathComponent().path
    let temp = "\(dir)/.\(url.lastPathComponent).tq-tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    if fd < 0 { throw .posix("cannot write a temp file for", displayPath) }
    do throws(HistoryFileError) {
      defer { close(fd) }
      try writeAll(fd, bytes, path: displayPath)
      if fsync(fd) != 0 { throw .posix("cannot sync", displayPath) }
    } catch {
      unlink(temp)
      throw error
    }
    if rename(temp, file) != 0 {
      let failure = HistoryFileError.posix("cannot replace", displayPath)
      unlink(temp)
      throw failure
    }
    let dirFD = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if dirFD >= 0 {
      fsync(dirFD)
      close(dirFD)
    }
  }

  /// Removes temp files a killed trim left beside the history file (their process is gone).
  public func removeStaleTempFiles() {
    let url = URL(fileURLWithPath: target)
    let prefix = ".\(url.lastPathComponent).tq-tmp-"
    let dir = url.deletingLastPathComponent().path
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
    for name in names where name.hasPrefix(prefix) {
      let pid = name.dropFirst(prefix.count).split(separator: "-").first.flatMap { Int32($0) }
      if let pid, pid != getpid(), kill(pid, 0) == 0 || errno == EPERM { continue }
      unlink("\(dir)/\(name)")
    }
  }
}
