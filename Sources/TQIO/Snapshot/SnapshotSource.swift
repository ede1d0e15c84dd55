#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a snapshot's bytes come from: an open file read with `pread` (straight into the
/// column buffers, no intermediate copy or mapping), or bytes already in memory.
final class SnapshotSource: @unchecked Sendable {
  private enum Storage {
    case file(Int32)
    case memory(UnsafeRawBufferPointer)
  }

  private let storage: Storage
  /// The number of bytes in the file.
  let size: Int

  private init(_ storage: Storage, size: Int) {
    self.storage = storage
    self.size = size
  }

  deinit { if case .file(let fd) = storage { close(fd) } }

  /// Opens the file at `path` (a regular file; a stream is read into memory first).
  static func open(_ path: String) throws(FileError) -> SnapshotSource {
    let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw failure(path, errno) }
    var st = stat()
    if fstat(fd, &st) != 0 {
      let e = errno
      close(fd)
      throw failure(path, e)
    }
    if st.st_mode & S_IFMT == S_IFDIR {
      close(fd)
      throw FileError(path: path, line: 0, field: 0, message: "is a directory, not a file")
    }
    return SnapshotSource(.file(fd), size: Int(st.st_size))
  }

  /// Reads from bytes in memory, which must outlive the source.
  static func memory(_ bytes: UnsafeRawBufferPointer) -> SnapshotSource {
    SnapshotSource(.memory(bytes), size: bytes.count)
  }

  /// Fills `buffer` from byte `offset` on; returns 0, an errno, or `EIO` past the end.
  func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int32 {
    guard offset >= 0, buffer.count <= size - offset else { return EIO }
    guard let dst = buffer.baseAddress, buffer.count > 0 else { return 0 }
    switch storage {
    case .memory(let bytes):
      dst.copyMemory(from: bytes.baseAddress! + offset, byteCount: buffer.count)
      return 0
    case .file(let fd):
      var done = 0
      while done < buffer.count {
        let n = pread(fd, dst + done, buffer.count - done, off_t(offset + done))
        if n < 0 {
          if errno == EINTR { continue }
          return errno
        }
        if n == 0 { return EIO }
        done += n
      }
      return 0
    }
  }

  /// Reads `count` bytes at `offset` into a new array.
  func bytes(at offset: Int, count: Int, path: String) throws(FileError) -> [UInt8] {
    var code: Int32 = 0
    let out = [UInt8](unsafeUninitializedCapacity: count) { buf, n in
      code = read(into: UnsafeMutableRawBufferPointer(buf), at: offset)
      n = code == 0 ? count : 0
    }
    if code != 0 { throw Self.failure(path, code) }
    return out
  }

  /// A read failure.
  static func failure(_ path: String, _ code: Int32) -> FileError {
    FileError(path: path, line: 0, field: 0, message: "cannot read file: \(errnoText(code))")
  }
}
