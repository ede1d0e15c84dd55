#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The bytes of an input file: mapped for regular files, read into memory for streams.
///
/// Regular files are `mmap`ed, which costs a tenth of a read (PERFORMANCE.md, recipe 1), and
/// populated up front (`MAP_POPULATE` on Linux) unless the reader populates the parts it
/// parses on their own threads (`prefault`). FIFOs, devices and other streams are read until end of
/// file; reading stops early after a chunk holding a NUL byte, since the parse will stop
/// there anyway (this keeps `/dev/zero` bounded).
final class MappedInput {
  /// The first byte (never dereferenced when `count` is 0).
  let base: UnsafePointer<UInt8>
  /// The number of bytes.
  let count: Int
  private let mapped: Bool

  /// Whether the bytes are a mapping of a file (else a copy in memory).
  var isMapped: Bool { mapped }

  private init(base: UnsafePointer<UInt8>, count: Int, mapped: Bool) {
    self.base = base
    self.count = count
    self.mapped = mapped
  }

  deinit {
    if mapped {
      munmap(UnsafeMutableRawPointer(mutating: base), count)
    } else {
      free(UnsafeMutableRawPointer(mutating: base))
    }
  }

  /// Opens and maps (or reads) `path`; `populate` maps every page up front.
  static func load(_ path: String, populate: Bool = true) throws(FileError) -> MappedInput {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw failure(path, errno) }
    defer { close(fd) }
    var st = stat()
    if fstat(fd, &st) != 0 { throw failure(path, errno) }
    let kind = st.st_mode & S_IFMT
    if kind == S_IFDIR {
      throw FileError(path: path, line: 0, field: 0, message: "is a directory, not a file")
    }
    if kind == S_IFREG {
      let size = Int(st.st_size)
      if size == 0 { return MappedInput(base: emptyBase, count: 0, mapped: false) }
      let flags = MAP_PRIVATE | (populate ? mapPopulate : 0)
      guard let p = mmap(nil, size, PROT_READ, flags, fd, 0), p != MAP_FAILED else {
        return try readAll(fd, path: path)
      }
      return MappedInput(base: UnsafePointer(p.assumingMemoryBound(to: UInt8.self)), count: size, mapped: true)
    }
    return try readAll(fd, path: path)
  }

  #if os(Linux)
    private static let mapPopulate = MAP_POPULATE
  #else
    private static let mapPopulate: Int32 = 0
  #endif

  /// Maps the pages of `n` bytes at `p` in one call instead of a fault at a time (Linux;
  /// elsewhere, and when the kernel declines, pages fault in as they are read).
  static func prefault(_ p: UnsafePointer<UInt8>, _ n: Int) {
    #if os(Linux)
      if n <= 0 { return }
      let page = 4096
      let first = Int(bitPattern: p) & ~(page - 1)
      let last = (Int(bitPattern: p) + n + page - 1) & ~(page - 1)
      _ = madvise(UnsafeMutableRawPointer(bitPattern: first), last - first, populateRead)
    #endif
  }

  /// Drops the pages wholly inside `n` bytes at `p` of a file mapping from the process (they
  /// stay in the page cache and map again if touched), so that a parsed part of a large
  /// file stops counting towards memory and costs nothing to unmap later.
  static func release(_ p: UnsafePointer<UInt8>, _ n: Int) {
    let page = 4096
    let first = (Int(bitPattern: p) + page - 1) & ~(page - 1)
    let last = (Int(bitPattern: p) + n) & ~(page - 1)
    if last > first { _ = madvise(UnsafeMutableRawPointer(bitPattern: first), last - first, MADV_DONTNEED) }
  }

  #if os(Linux)
    /// `MADV_POPULATE_READ` (Linux 5.14).
    private static let populateRead: Int32 = 22
  #endif

  /// A fresh one-byte block standing in for an empty input (freed by `deinit`).
  private static var emptyBase: UnsafePointer<UInt8> { UnsafePointer(RawMemory.allocate(UInt8.self, 1)) }

  /// Reads a stream to its end (or past its first NUL byte).
  private static func readAll(_ fd: Int32, path: String) throws(FileError) -> MappedInput {
    var capacity = 1 << 20
    var buffer = RawMemory.allocate(UInt8.self, capacity)
    var used = 0
    while true {
      if used == capacity {
        capacity *= 2
        buffer = RawMemory.reallocate(buffer, capacity)
      }
      let n = read(fd, buffer + used, capacity - used)
      if n < 0 {
        if errno == EINTR { continue }
        let e = errno
        RawMemory.release(buffer)
        throw failure(path, e)
      }
      if n == 0 { break }
      let sawNUL = memchr(buffer + used, 0, n) != nil
      used += n
      if sawNUL { break }
    }
    return MappedInput(base: UnsafePointer(buffer), count: used, mapped: false)
  }

  private static func failure(_ path: String, _ code: Int32) -> FileError {
    FileError(path: path, line: 0, field: 0, message: "cannot open file: \(errnoText(code))")
  }
}
