#if canImport(Glibc)
  import Glibc
#endif

/// The process's heap.
public enum Memory {
  /// Gives the pages of freed heap memory back to the system, so that the resident size
  /// after a load is the table's and not the load's temporaries (glibc keeps freed blocks
  /// below its mmap threshold in its arenas otherwise). glibc's `malloc_trim`, looked up
  /// at run time because Swift's Glibc module does not export `malloc.h`.
  public static func returnFreePages() {
    #if canImport(Glibc)
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
      typealias Trim = @convention(c) (Int) -> Int32
      _ = unsafeBitCast(symbol, to: Trim.self)(0)
    #endif
  }
}
