#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Replaces a file atomically: the target holds either its old bytes or all the new ones.
///
/// The bytes go to `<dir>/.<name>.tq-tmp-<pid>-<random>` (created with `O_EXCL`), which is
/// `fsync`ed and renamed over the target; then the directory is `fsync`ed. The target is
/// never opened with `O_TRUNC`. On any error the temporary file is removed and the target
/// left untouched (RELIABILITY.md §3.5). A target that is a device or FIFO (`/dev/stdout`,
/// `/dev/full`) is written in place, since it cannot be renamed over; a symbolic link is
/// resolved so that the link survives.
enum AtomicFile {
  /// Writes what `produce` appends to its sink to `path`.
  static func write(path: String, _ produce: (inout ByteSink) -> Void) throws(FileError) {
    var target = path
    var existing = stat()
    var exists = lstat(path, &existing) == 0
    if exists && existing.st_mode & S_IFMT == S_IFLNK, let real = realpath(path, nil) {
      target = String(cString: real)
      free(real)
      exists = stat(target, &existing) == 0
    }
    if exists && existing.st_mode & S_IFMT == S_IFDIR { throw failure(path, EISDIR) }
    if exists && existing.st_mode & S_IFMT != S_IFREG {
      try writeInPlace(target, userPath: path, produce)
      return
    }
    let (dir, name) = split(target)
    let temp = "\(dir)/.\(name).tq-tmp-\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 16))"
    let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    if fd < 0 { throw failure(path, errno) }
    if exists { fchmod(fd, existing.st_mode & 0o7777) }
    var code = stream(fd, produce)
    if code == 0 && fsync(fd) != 0 { code = errno }
    if close(fd) != 0 && code == 0 { code = errno }
    if code == 0 && rename(temp, target) != 0 { code = errno }
    if code != 0 {
      unlink(temp)
      throw failure(path, code)
    }
    let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if dfd >= 0 {
      _ = fsync(dfd)  // some file systems refuse; the rename has happened either way
      close(dfd)
    }
  }

  /// Writes straight into an existing non-regular file (a device or FIFO).
  private static func writeInPlace(_ target: String, userPath: String, _ produce: (inout ByteSink) -> Void)
    throws(FileError)
  {
    let fd = open(target, O_WRONLY | O_CLOEXEC)
    if fd < 0 { throw failure(userPath, errno) }
    var code = stream(fd, produce)
    if close(fd) != 0 && code == 0 { code = errno }
    if code != 0 { throw failure(userPath, code) }
  }

  /// Runs `produce` with a sink drained into `fd`; returns 0 or the first errno.
  private static func stream(_ fd: Int32, _ produce: (inout ByteSink) -> Void) -> Int32 {
    var sink = ByteSink { bytes in writeAll(fd, bytes) }
    produce(&sink)
    sink.flush()
    return sink.error
  }

  /// Writes every byte, retrying partial writes and interruptions; returns 0 or an errno.
  private static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
    guard var p = bytes.baseAddress else { return 0 }
    var left = bytes.count
    while left > 0 {
      let n = Glibc.write(fd, p, left)
      if n < 0 {
        if errno == EINTR { continue }
        return errno
      }
      if n == 0 { return EIO }
      p += n
      left -= n
    }
    return 0
  }

  /// The directory (`.` when none) and the last component of a path.
  private static func split(_ path: String) -> (dir: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let dir = String(path[..<slash])
    return (dir.isEmpty ? "/" : dir, String(path[path.index(after: slash)...]))
  }

  private static func failure(_ path: String, _ code: Int32) -> FileError {
    FileError(path: path, line: 0, field: 0, message: "cannot write \(path): \(errnoText(code))")
  }
}
