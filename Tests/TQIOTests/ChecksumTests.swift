import Testing

@testable import TQIO

@Suite("Snapshot checksum")
struct ChecksumTests {
  /// The reference XXH64 values (seed 0) of the xxHash specification.
  @Test(arguments: [
    ("", 0xEF46_DB37_51D8_E999 as UInt64),
    ("a", 0xD24E_C4F1_A98C_6E5B),
    ("abc", 0x44BC_2CF5_AD77_0999),
    ("Call me Ishmael.", 0x6D04_390F_C9D6_1A90),
    ("Nobody inspects the spammish repetition", 0xFBCE_A83C_8A37_8BF1),
  ])
  func matchesReferenceVectors(_ text: String, _ expected: UInt64) {
    #expect(Checksum.of(Array(text.utf8)) == expected)
  }

  /// Absorbing stripes piece by piece gives the one-shot result.
  @Test func streamingEqualsOneShot() {
    let bytes = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
    var c = Checksum()
    bytes.withUnsafeBytes { raw in
      c.absorb(UnsafeRawBufferPointer(rebasing: raw[0..<64]))
      c.absorb(UnsafeRawBufferPointer(rebasing: raw[64..<4096]))
    }
    #expect(c.finish(tail: UnsafeRawBufferPointer(start: nil, count: 0)) == Checksum.of(bytes))
  }

  /// The padded checksum is the checksum of the bytes followed by zeros to 64 bytes.
  @Test(arguments: [0, 1, 31, 32, 33, 63, 64, 65, 100])
  func paddedEqualsExplicitZeros(_ n: Int) {
    let bytes = (0..<n).map { UInt8(truncatingIfNeeded: $0 + 1) }
    let zeros = [UInt8](repeating: 0, count: (64 - n % 64) % 64)
    #expect(bytes.withUnsafeBytes { Checksum.ofPadded($0) } == Checksum.of(bytes + zeros))
  }
}
