import TQStorage
import Testing

@testable import TQIO

@Suite("Snapshot refusals")
struct SnapshotCorruptionTests {
  let bytes = SnapshotWriter.bytes(snapshotSample())

  /// The error reading `b` as `t.tqc`, or `nil` when it reads.
  func error(_ b: [UInt8]) -> String? { readError(bytes: b, path: "t.tqc")?.message }

  @Test func truncationAnywhereIsRefused() throws {
    let (header, catalog) = try decodeSnapshot(bytes)
    var cuts: Set<Int> = [0, 1, 7, 8, 9, 63, 64, 65, 64 + header.catalogLength, bytes.count - 16, bytes.count - 1]
    for s in catalog.sections { cuts.formUnion([s.offset, s.offset + 1, s.offset + s.length, s.offset + s.paddedLength - 1]) }
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<100 { cuts.insert(Int.random(in: 0..<bytes.count, using: &rng)) }
    for cut in cuts.sorted() where cut < bytes.count {
      let message = error(Array(bytes[0..<cut]))
      if cut < 8 {
        #expect(message?.hasPrefix("not a tq snapshot") == true, "cut at \(cut)")
      } else if cut < 64 {
        #expect(message == "truncated snapshot: expected at least 80 bytes, file has \(cut)", "cut at \(cut)")
      } else {
        #expect(message == "truncated snapshot: expected \(bytes.count) bytes, file has \(cut)", "cut at \(cut)")
      }
    }
  }

  @Test func aFlippedByteInEverySectionIsNamed() throws {
    let (header, catalog) = try decodeSnapshot(bytes)
    var cases: [(Int, String)] = [
      (20, "corrupt snapshot: checksum mismatch in the header"),
      (60, "corrupt snapshot: checksum mismatch in the header"),
      (64 + header.catalogLength / 2, "corrupt snapshot: checksum mismatch in the catalog"),
      (bytes.count - 3, "corrupt snapshot: the trailer does not match the header"),
      (bytes.count - 12, "corrupt snapshot: the trailer does not match the header"),
    ]
    let labels = try SnapshotLayout.check(catalog, header, path: "t.tqc")
    for (s, label) in zip(catalog.sections, labels) {
      let message = "corrupt snapshot: checksum mismatch in \(label)"
      cases.append((s.offset, message))
      cases.append((s.offset + s.paddedLength - 1, message))  // the padding is checked too
    }
    #expect(labels.contains("column \"revenue\" (null mask)"))
    #expect(labels.contains("column \"channel\" (dictionary strings)"))
    for (at, message) in cases {
      var b = bytes
      b[at] ^= 0x10
      #expect(error(b) == message, "byte \(at)")
    }
  }

  @Test func wrongSignatureVersionAndByteOrder() {
    #expect(error(Array("id,name\n1,a\n".utf8))?.hasPrefix("not a tq snapshot") == true)
    #expect(error([]) == "not a tq snapshot (the file does not start with the .tqc signature)")
    var newer = bytes
    newer[8] = 3
    #expect(error(newer) == "written by a newer tq: format 3, this tq reads up to 2")
    var swapped = bytes
    swapped.replaceSubrange(12..<16, with: swapped[12..<16].reversed())
    #expect(error(swapped) == "written on a machine of the other byte order")
    #expect(error(bytes + [0]) == "corrupt snapshot: 1 unexpected bytes after the end of the snapshot")
  }

  @Test func absurdSizesAreRefusedBeforeReading() {
    #expect(error(resign(bytes) { c, _ in c.rowCount = 1 << 40 }) == "corrupt snapshot: a row count of 1099511627776 is more than tq can hold")
    #expect(error(resign(bytes) { c, _ in c.sections[0].length = 1 << 60 })?.hasPrefix("corrupt snapshot: section 0 claims") == true)
    #expect(error(resign(bytes) { c, _ in c.sections[1].offset += 64 })?.hasPrefix("corrupt snapshot: section 1 is at byte") == true)
    #expect(error(resign(bytes) { c, _ in c.rowCount = 4 }) == "corrupt snapshot: column \"ts\" (values) holds 5 values, expected 4")
    #expect(error(resign(bytes) { c, _ in c.columns[1].values = c.columns[0].values })
      == "corrupt snapshot: column \"ts\" (values) points at a missing or shared section")
    #expect(error(resign(bytes) { c, _ in c.sections[c.columns.last!.values].length = 4 })
      == "corrupt snapshot: column \"day\" (values) holds 1 values, expected 5")
  }

  @Test func impossibleValuesAreRefusedEvenWithGoodChecksums() throws {
    let (_, catalog) = try decodeSnapshot(bytes)
    let channel = catalog.columns.first { $0.name == "channel" }!
    let codes = catalog.sections[channel.values]
    #expect(error(resign(bytes) { _, b in b[codes.offset] = 200 }) == "corrupt snapshot: column \"channel\" has codes past its 3 dictionary strings")
    let converted = catalog.sections[catalog.columns.first { $0.name == "converted" }!.values]
    #expect(error(resign(bytes) { _, b in b[converted.offset] = 2 }) == "corrupt snapshot: column \"converted\" (values) holds values that are not true or false")
    let dict = catalog.sections[channel.dictionaryOffsets!]
    #expect(error(resign(bytes) { _, b in b[dict.offset + 8] = 99 }) == "corrupt snapshot: column \"channel\" has dictionary offsets outside its strings")
    let journeys = catalog.sections[catalog.journeyOffsets!]
    #expect(error(resign(bytes) { _, b in b[journeys.offset + 4] = 9 }) == "corrupt snapshot: the journey offsets do not split the rows")
  }
}

/// Snapshot bytes changed by `mutate` (catalog and raw bytes), with every checksum recomputed,
/// so that only the deeper checks can catch the change (the catalog must keep its length).
func resign(_ original: [UInt8], _ mutate: (inout SnapshotCatalog, inout [UInt8]) -> Void) -> [UInt8] {
  var bytes = original
  guard var (header, catalog) = try? decodeSnapshot(bytes) else { return [] }
  mutate(&catalog, &bytes)
  for k in catalog.sections.indices {
    let s = catalog.sections[k]
    let end = min(bytes.count, s.offset + s.paddedLength)
    if s.offset < end { catalog.sections[k].checksum = Checksum.of(Array(bytes[s.offset..<end])) }
  }
  let encoded = catalog.encoded()
  bytes.replaceSubrange(64..<64 + encoded.count, with: encoded)
  header.catalogChecksum = Checksum.of(Array(bytes[64..<64 + SnapshotFormat.padded(encoded.count)]))
  bytes.replaceSubrange(0..<64, with: header.encoded())
  return bytes
}
