/// A growable byte buffer that writers append to, optionally drained to a file as it fills.
///
/// Writers call `endRow()` after each row; past 1 MB the bytes go to the drain. A failed
/// drain is remembered (`error`) and later output is dropped, so writers need not check.
struct ByteSink {
  /// Bytes not yet drained (all of them when there is no drain).
  private(set) var bytes: [UInt8] = []
  /// The first drain failure (an errno), or 0.
  private(set) var error: Int32 = 0
  private let drain: ((UnsafeRawBufferPointer) -> Int32)?
  private static let drainThreshold = 1 << 20

  /// A sink that keeps everything in memory.
  init() { drain = nil }

  /// A sink that hands its bytes to `drain` (which returns 0 or an errno) as it fills.
  init(drain: @escaping (UnsafeRawBufferPointer) -> Int32) {
    self.drain = drain
    bytes.reserveCapacity(Self.drainThreshold + 4096)
  }

  /// Appends one byte.
  @inline(__always) mutating func append(_ b: UInt8) { bytes.append(b) }

  /// Appends bytes.
  @inline(__always) mutating func append(_ b: [UInt8]) { bytes.append(contentsOf: b) }

  /// Appends a string's UTF-8.
  @inline(__always) mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }

  /// Appends a static ASCII string.
  @inline(__always) mutating func append(_ s: StaticString) {
    bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
  }

  /// Appends `n` zero bytes.
  mutating func appendZeros(_ n: Int) { bytes.append(contentsOf: repeatElement(0, count: n)) }

  /// Appends a large buffer: with a drain, what is buffered is drained and then `raw` is
  /// handed to the drain directly, without copying it.
  mutating func append(raw: UnsafeRawBufferPointer) {
    guard drain != nil, raw.count >= Self.drainThreshold else {
      bytes.append(contentsOf: raw)
      return
    }
    flush()
    if error == 0 { error = drain!(raw) }
  }

  /// Appends the decimal digits of `v`.
  mutating func append(int v: Int64) {
    if v < 0 { bytes.append(UInt8(ascii: "-")) }
    var m = v.magnitude
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits
    var n = 0
    withUnsafeMutableBytes(of: &digits) { d in
      repeat {
        d[n] = UInt8(ascii: "0") + UInt8(m % 10)
        m /= 10
        n += 1
      } while m != 0
      while n > 0 {
        n -= 1
        bytes.append(d[n])
      }
    }
  }

  /// Marks the end of a row: drains when the buffer is full.
  @inline(__always) mutating func endRow() {
    if drain != nil && bytes.count >= Self.drainThreshold { flush() }
  }

  /// Drains everything buffered (no-op without a drain).
  mutating func flush() {
    guard let drain else { return }
    if error == 0 && !bytes.isEmpty { error = bytes.withUnsafeBytes { drain($0) } }
    bytes.removeAll(keepingCapacity: true)
  }

  /// The buffered bytes as a string.
  var string: String { String(decoding: bytes, as: UTF8.self) }
}
