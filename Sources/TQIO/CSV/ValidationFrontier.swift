import TQStorage

/// How far a range has been checked for invalid UTF-8 and NUL bytes.
///
/// The parser checks the bytes a window ahead of the tokeniser instead of in a separate
/// pass over the whole range first: the tokeniser then reads them from cache, and the input
/// streams from memory once. The frontier also maps the pages of a file a few megabytes
/// ahead, one call at a time (`MappedInput.prefault`): mapping a whole half at once holds
/// the process's memory map long enough to delay the other half's thread.
struct ValidationFrontier {
  /// Bytes checked past the position asked for, so that a check covers a few batches.
  static let window = 256 << 10
  /// Most bytes checked between two polls of the cancel check.
  static let slice = 8 << 20
  /// Bytes mapped per `MappedInput.prefault` call.
  static let populateStep = 16 << 20

  /// The end of the range.
  let end: UnsafePointer<UInt8>
  /// The bytes before `limit` are valid; when `problem` is set, the bad byte is at `limit`.
  private(set) var limit: UnsafePointer<UInt8>
  /// The first problem, once found.
  private(set) var problem: UTF8Validation.Problem?
  /// The bytes before this have been mapped.
  private var populated: UnsafePointer<UInt8>

  /// A frontier at the start of `start..<end`.
  init(start: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>) {
    self.end = end
    limit = start
    populated = start
  }

  /// Checks past `p` (a window further, up to the end) unless a problem was found, asking
  /// `meter` between slices whether to stop.
  mutating func advance(past p: UnsafePointer<UInt8>, meter: WorkMeter?, path: String) throws(FileError) {
    let target = end - p > Self.window ? p + Self.window : end
    while limit < target && problem == nil {
      var stop = end - limit > Self.slice ? limit + Self.slice : end
      if stop > target { stop = target }
      if stop > populated {
        let next = end - stop > Self.populateStep ? stop + Self.populateStep : end
        MappedInput.prefault(populated, next - populated)
        populated = next
      }
      while stop < end && stop[0] & 0xC0 == 0x80 { stop += 1 }  // end at a character boundary
      if let found = UTF8Validation.firstProblem(limit, stop - limit, rejectNUL: true) {
        limit += found.offset
        problem = found.problem
        return
      }
      limit = stop
      if limit < target, let meter, meter.isCancelled() { throw FileError.interrupted(path) }
    }
  }
}
