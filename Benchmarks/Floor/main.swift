// tq-floor: how long reading a query's columns takes, as tq stores them.
//
//     tq-floor DATA.csv --reps 9 Q4=journey_id,channel,source_group,event,converted,revenue …
//
// Loads DATA (a CSV export or a .tqc snapshot) as tq does, then for each QUERY=COLUMNS
// argument reads every byte tq keeps for those columns (dictionary codes or journey run
// starts, typed values, null bitmaps; not the dictionaries' strings), on both cores, each
// thread summing its half of every buffer eight bytes at a time. Prints one JSON object:
// per query the bytes read, the median and best of `--reps` timed reads after one warm-up,
// and a checksum that keeps the reads from being optimised away. `Benchmarks/run.py` sets
// these floors beside the journey queries' times.
import Foundation
import TQEngine
import TQStorage

/// The byte buffers tq keeps for `column`, each handed to `body`.
func withBuffers(of column: Column, _ body: (UnsafeRawBufferPointer) -> Void) {
  switch column.data {
  case .string(let d):
    switch d.codes {
    case .u8(let c): c.withUnsafeBytes(body)
    case .u16(let c): c.withUnsafeBytes(body)
    case .u32(let c): c.withUnsafeBytes(body)
    case .runs(let r): r.starts.withUnsafeBytes(body)
    }
  case .int(.i8(let a)): a.withUnsafeBytes(body)
  case .int(.i16(let a)): a.withUnsafeBytes(body)
  case .int(.i32(let a)): a.withUnsafeBytes(body)
  case .int(.i64(let a)): a.withUnsafeBytes(body)
  case .float(let a): a.withUnsafeBytes(body)
  case .bool(let a): a.withUnsafeBytes(body)
  case .timestamp(let a): a.withUnsafeBytes(body)
  case .date(let a): a.withUnsafeBytes(body)
  }
  column.validity?.words.withUnsafeBytes(body)
}

/// The sum of `bytes[range]` read as 8-byte words (four running sums), plus any tail bytes.
@inline(never)
func sum(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> UInt64 {
  guard let base = bytes.baseAddress, !range.isEmpty else { return 0 }
  var a: UInt64 = 0, b: UInt64 = 0, c: UInt64 = 0, d: UInt64 = 0
  var i = range.lowerBound
  while i + 32 <= range.upperBound {
    a &+= base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
    b &+= base.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
    c &+= base.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)
    d &+= base.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
    i += 32
  }
  while i < range.upperBound {
    a &+= UInt64(base.load(fromByteOffset: i, as: UInt8.self))
    i += 1
  }
  return a &+ b &+ c &+ d
}

/// Reads `columns` once on two threads; returns the bytes read and a checksum.
func read(_ columns: [Column]) -> (bytes: Int, checksum: UInt64) {
  let parts = Parallel.map(2) { half -> (Int, UInt64) in
    var bytes = 0, total: UInt64 = 0
    for column in columns {
      withBuffers(of: column) { buffer in
        let mid = (buffer.count / 2) & ~63
        let range = half == 0 ? 0..<mid : mid..<buffer.count
        bytes += range.count
        total &+= sum(buffer, range)
      }
    }
    return (bytes, total)
  }
  return (parts[0].0 + parts[1].0, parts[0].1 &+ parts[1].1)
}

/// Monotonic seconds.
func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("tq-floor: \(message)\n".utf8))
  exit(2)
}

var args = Array(CommandLine.arguments.dropFirst())
var reps = 9
if let i = args.firstIndex(of: "--reps") {
  guard i + 1 < args.count, let n = Int(args[i + 1]), n > 0 else { fail("--reps needs a positive number") }
  reps = n
  args.removeSubrange(i...(i + 1))
}
guard let data = args.first, args.count > 1 else {
  fail("usage: tq-floor DATA.csv|DATA.tqc [--reps N] QUERY=col,col,… …")
}
let session = Session(datasets: Datasets(directory: FileManager.default.currentDirectoryPath))
do {
  let quoted = data.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
  _ = try session.collect("load \"\(quoted)\" as tp")
} catch {
  fail("cannot load \(data): \(error)")
}
guard let table = session.tables["tp"] else { fail("\(data) did not load") }
var out: [String: Any] = ["rows": table.rowCount, "reps": reps]
var queries: [String: Any] = [:]
for spec in args.dropFirst() {
  let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
  guard parts.count == 2 else { fail("expected QUERY=col,col,… but got \(spec)") }
  let columns = parts[1].split(separator: ",").map { name -> Column in
    let n = name.trimmingCharacters(in: .whitespaces)
    guard let c = table.column(n) else { fail("\(parts[0]): no column \(n)") }
    return c
  }
  var checksum = read(columns).checksum
  var times: [Double] = []
  var bytes = 0
  for _ in 0..<reps {
    let start = now()
    let r = read(columns)
    times.append(now() - start)
    bytes = r.bytes
    checksum &+= r.checksum
  }
  times.sort()
  queries[parts[0]] = [
    "columns": columns.map(\.name), "bytes": bytes, "times_s": times, "median_s": times[times.count / 2],
    "best_s": times[0], "checksum": String(checksum),
  ]
}
out["queries"] = queries
let json = try JSONSerialization.data(withJSONObject: out, options: [.prettyPrinted, .sortedKeys])
FileHandle.standardOutput.write(json + Data("\n".utf8))
