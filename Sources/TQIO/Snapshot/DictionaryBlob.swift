import TQStorage

/// A string dictionary as two flat buffers: UInt64 offsets (one per string plus an end)
/// into one blob of UTF-8 bytes. String `k` is `bytes[offsets[k] ..< offsets[k + 1]]`.
enum DictionaryBlob {
  /// Dictionaries with at least this many strings are rebuilt on two threads.
  static let parallelThreshold = 1 << 16

  /// The offsets and bytes of `strings`.
  static func encode(_ strings: [String]) -> (offsets: [UInt64], bytes: [UInt8]) {
    var offsets: [UInt64] = [0]
    offsets.reserveCapacity(strings.count + 1)
    var total = 0
    for s in strings {
      total += s.utf8.count
      offsets.append(UInt64(total))
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(total)
    for s in strings { bytes += s.utf8 }
    return (offsets, bytes)
  }

  /// Whether the offsets start at 0, never decrease and end at `byteCount`.
  static func isValid(offsets: [UInt64], byteCount: Int) -> Bool {
    guard offsets.first == 0, offsets.last == UInt64(byteCount) else { return false }
    return offsets.withUnsafeBufferPointer { o in
      var bad = false
      for k in 1..<o.count { bad = bad || o[k] < o[k - 1] }
      return !bad
    }
  }

  /// The strings of valid offsets and bytes (invalid UTF-8 is repaired, as every reader does).
  static func decode(offsets: [UInt64], bytes: [UInt8]) -> [String] {
    let n = offsets.count - 1
    return bytes.withUnsafeBufferPointer { b in
      offsets.withUnsafeBufferPointer { o in
        [String](unsafeUninitializedCapacity: n) { out, initialized in
          if let base = out.baseAddress { RawMemory.adviseHugePages(UnsafeMutableRawPointer(base), n * MemoryLayout<String>.stride) }
          let halves = n >= parallelThreshold ? 2 : 1
          _ = Parallel.map(halves) { h in
            for k in (n * h / halves)..<(n * (h + 1) / halves) {
              let s = UnsafeBufferPointer(rebasing: b[Int(o[k])..<Int(o[k + 1])])
              (out.baseAddress! + k).initialize(to: String(decoding: s, as: UTF8.self))
            }
          }
          initialized = n
        }
      }
    }
  }
}
