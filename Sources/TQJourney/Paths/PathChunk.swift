import TQStorage

/// The paths of a run of journeys, written into raw buffers by one thread.
///
/// Touches are written as they are met; a conversion commits the open path, and the
/// touches after a journey's last conversion are dropped by moving the write position back.
/// Two chunks (one per core) are concatenated into a `PathSet`.
struct PathChunk {
  /// Channel codes of the touches.
  var touches: GrowBuffer<UInt32>
  /// End of each path in `touches` (relative to the chunk).
  var ends: GrowBuffer<Int>
  /// Conversions, value and non-conversions of each path.
  var conversions: GrowBuffer<Double>, values: GrowBuffer<Double>, nulls: GrowBuffer<Double>
  /// Touch times and path end times, when kept.
  var touchTimes: GrowBuffer<Int64>?, endTimes: GrowBuffer<Int64>?
  /// Per touch: in stage consideration / counted as direct, when kept.
  var consideration: GrowBuffer<Bool>?, direct: GrowBuffer<Bool>?

  /// An empty chunk for about `rows` rows and `journeys` journeys.
  init(rows: Int, journeys: Int, times: Bool, stages: Bool, direct keepDirect: Bool) {
    touches = GrowBuffer(capacity: rows + 1)
    let p = journeys + journeys / 4 + 16
    ends = GrowBuffer(capacity: p)
    conversions = GrowBuffer(capacity: p)
    values = GrowBuffer(capacity: p)
    nulls = GrowBuffer(capacity: p)
    touchTimes = times ? GrowBuffer(capacity: rows + 1) : nil
    endTimes = times ? GrowBuffer(capacity: p) : nil
    consideration = stages ? GrowBuffer(capacity: rows + 1) : nil
    direct = keepDirect ? GrowBuffer(capacity: rows + 1) : nil
  }

  /// Frees every buffer.
  func release() {
    touches.release()
    ends.release()
    conversions.release()
    values.release()
    nulls.release()
    touchTimes?.release()
    endTimes?.release()
    consideration?.release()
    direct?.release()
  }

  /// Where the open path starts.
  @inline(__always) var openStart: Int { ends.count == 0 ? 0 : ends[ends.count - 1] }

  /// Ends the open path.
  @inline(__always) mutating func close(conversions c: Double, value: Double, nulls n: Double, end: Int64) {
    ends.append(touches.count)
    conversions.append(c)
    values.append(value)
    nulls.append(n)
    endTimes?.append(end)
  }

  /// Drops the touches of the open path.
  @inline(__always) mutating func dropOpenPath() {
    let keep = openStart
    touches.count = keep
    touchTimes?.count = keep
    consideration?.count = keep
    direct?.count = keep
  }
}

/// A growable buffer of trivial values with unchecked appends (for the hot loops).
struct GrowBuffer<T> {
  /// The storage.
  private(set) var base: UnsafeMutablePointer<T>
  /// Values written.
  var count = 0
  /// Room.
  private(set) var capacity: Int

  /// A buffer with room for `capacity` values.
  init(capacity: Int) {
    self.capacity = max(capacity, 16)
    base = .allocate(capacity: self.capacity)
    HugePages.advise(UnsafeMutableRawPointer(base), bytes: self.capacity * MemoryLayout<T>.stride)
  }

  /// Value `i`.
  @inline(__always) subscript(i: Int) -> T { base[i] }

  /// Appends a value, growing when full.
  @inline(__always) mutating func append(_ v: T) {
    if count == capacity { grow() }
    base[count] = v
    count += 1
  }

  /// Doubles the room.
  mutating func grow() {
    let bigger = UnsafeMutablePointer<T>.allocate(capacity: capacity * 2)
    HugePages.advise(UnsafeMutableRawPointer(bigger), bytes: capacity * 2 * MemoryLayout<T>.stride)
    bigger.moveInitialize(from: base, count: count)
    base.deallocate()
    base = bigger
    capacity *= 2
  }

  /// Frees the storage.
  func release() { base.deallocate() }

  /// The values of several buffers, one after another, as an array.
  static func concatenate(_ parts: [GrowBuffer<T>]) -> [T] {
    let total = parts.reduce(0) { $0 + $1.count }
    return HugePages.array(count: total) { out in
      var at = 0
      for p in parts {
        (out + at).initialize(from: p.base, count: p.count)
        at += p.count
      }
    }
  }
}
