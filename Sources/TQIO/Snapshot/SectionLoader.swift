import TQStorage

/// Reads a snapshot's sections straight into fresh typed arrays and verifies their checksums,
/// on two threads.
///
/// Each section is read in 1 MB pieces, each hashed right after it lands (while it is still
/// in cache), so checking costs little beyond the copy. A section whose checksum or bytes
/// are wrong is an error naming it; nothing read is kept. Each piece advances the meter, which
/// is asked whether to stop.
enum SectionLoader {
  /// Bytes read (and hashed) at a time.
  static let piece = 1 << 20

  /// The sections, in directory order; `labels[i]` names section `i` in errors.
  static func load(_ sections: [SectionEntry], labels: [String], from source: SnapshotSource, path: String,
                   meter: WorkMeter? = nil) throws(FileError) -> [SectionData]
  {
    let groups = balance(sections.map(\.paddedLength), workers: sections.count > 1 ? 2 : 1)
    let parts = Parallel.map(groups.count) { g in
      groups[g].map { i in (i, load(sections[i], label: labels[i], from: source, path: path, meter: meter)) }
    }
    var out = [SectionData?](repeating: nil, count: sections.count)
    var firstError: (Int, FileError)?
    for (i, result) in parts.joined() {
      switch result {
      case .success(let data): out[i] = data
      case .failure(let e): if firstError == nil || i < firstError!.0 { firstError = (i, e) }
      }
    }
    if let firstError { throw firstError.1 }
    return out.map { $0! }
  }

  /// Splits jobs of the given sizes between `workers` threads, largest first to the least loaded.
  static func balance(_ sizes: [Int], workers: Int) -> [[Int]] {
    var groups = [[Int]](repeating: [], count: max(1, workers))
    var load = [Int](repeating: 0, count: groups.count)
    for i in sizes.indices.sorted(by: { sizes[$0] > sizes[$1] }) {
      let g = load.indices.min { load[$0] < load[$1] }!
      groups[g].append(i)
      load[g] += sizes[i]
    }
    return groups
  }

  /// One section as an array of its element type.
  private static func load(_ s: SectionEntry, label: String, from source: SnapshotSource, path: String, meter: WorkMeter?)
    -> Result<SectionData, FileError>
  {
    switch s.element {
    case .u8: return read(UInt8.self, s, label, source, path, meter).map { .u8($0) }
    case .u16: return read(UInt16.self, s, label, source, path, meter).map { .u16($0) }
    case .u32: return read(UInt32.self, s, label, source, path, meter).map { .u32($0) }
    case .u64: return read(UInt64.self, s, label, source, path, meter).map { .u64($0) }
    case .i32: return read(Int32.self, s, label, source, path, meter).map { .i32($0) }
    case .i64: return read(Int64.self, s, label, source, path, meter).map { .i64($0) }
    case .f64: return read(Double.self, s, label, source, path, meter).map { .f64($0) }
    case .bool:
      return read(Bool.self, s, label, source, path, meter, valid: onlyZeroOrOne).map { .bool($0) }
    case .i8: return read(Int8.self, s, label, source, path, meter).map { .i8($0) }
    case .i16: return read(Int16.self, s, label, source, path, meter).map { .i16($0) }
    case .runs: return read(UInt32.self, s, label, source, path, meter).map { .runs($0) }
    }
  }

  /// Reads a section (with its padding) into an array of `T` and checks it.
  ///
  /// The padding lands in the array's spare capacity; `valid` sees the section's bytes
  /// before they count as values (so a Bool never holds anything but 0 or 1).
  private static func read<T: BitwiseCopyable>(
    _: T.Type, _ s: SectionEntry, _ label: String, _ source: SnapshotSource, _ path: String, _ meter: WorkMeter?,
    valid: (UnsafeRawBufferPointer) -> Bool = { _ in true }
  ) -> Result<[T], FileError> {
    var failure: FileError?
    let values = [T](unsafeUninitializedCapacity: max(1, s.paddedLength / MemoryLayout<T>.stride)) { buf, n in
      n = 0
      let raw = UnsafeMutableRawBufferPointer(start: UnsafeMutableRawPointer(buf.baseAddress!), count: s.paddedLength)
      if raw.count >= RawMemory.hugePageThreshold { RawMemory.adviseHugePages(raw.baseAddress!, raw.count) }
      var sum = Checksum()
      var done = 0
      while done < raw.count {
        let piece = UnsafeMutableRawBufferPointer(rebasing: raw[done..<min(raw.count, done + Self.piece)])
        let code = source.read(into: piece, at: s.offset + done)
        if code != 0 {
          failure = SnapshotSource.failure(path, code)
          return
        }
        sum.absorb(UnsafeRawBufferPointer(piece))
        done += piece.count
        if let meter {
          meter.advance(by: piece.count)
          if meter.isCancelled() {
            failure = FileError.interrupted(path)
            return
          }
        }
      }
      if sum.finish(tail: UnsafeRawBufferPointer(start: nil, count: 0)) != s.checksum {
        failure = SnapshotErrors.checksum(path, label)
      } else if !valid(UnsafeRawBufferPointer(rebasing: raw[0..<s.length])) {
        failure = SnapshotErrors.corrupt(path, "\(label) holds values that are not true or false")
      } else {
        n = s.count
      }
    }
    if let failure { return .failure(failure) }
    return .success(values)
  }

  /// Whether every byte is 0 or 1 (eight at a time).
  private static func onlyZeroOrOne(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var bad: UInt64 = 0
    var i = 0
    while i + 8 <= bytes.count {
      bad |= bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      i += 8
    }
    bad &= ~0x0101_0101_0101_0101
    while i < bytes.count {
      bad |= UInt64(bytes[i] & 0xFE)
      i += 1
    }
    return bad == 0
  }
}
