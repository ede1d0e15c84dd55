#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The header record of a delimited file: the dialect sniffed from it and the column names.
struct CSVHeader {
  /// Unique, non-empty column names.
  let names: [String]
  /// The first byte after the header record.
  let end: UnsafePointer<UInt8>
  /// The line number of the first byte after the header.
  let nextLine: Int

  /// The delimiters sniffing chooses from, in order of preference on a tie.
  static let sniffedDelimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: ";"), UInt8(ascii: "|")]

  /// Sniffs the dialect from the header line: the most frequent of `,` tab `;` `|` outside
  /// quotes (`,` when none or on a tie with it), and `\r` as the newline only when the
  /// first line ends in a bare `\r`.
  static func sniff(_ s: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, delimiter forced: UInt8?) -> CSVDialect {
    let candidates = sniffedDelimiters
    var counts = [0, 0, 0, 0]
    var inQuotes = false
    var newline = UInt8(ascii: "\n")
    var q = s
    while q < end {
      let b = q[0]
      if b == UInt8(ascii: "\"") {
        inQuotes.toggle()
      } else if !inQuotes {
        if b == UInt8(ascii: "\n") { break }
        if b == UInt8(ascii: "\r") {
          if q + 1 == end || q[1] != UInt8(ascii: "\n") { newline = UInt8(ascii: "\r") }
          break
        }
        if let k = candidates.firstIndex(of: b) { counts[k] += 1 }
      }
      q += 1
    }
    var best = 0
    for k in 1..<4 where counts[k] > counts[best] { best = k }
    return CSVDialect(delimiter: forced ?? candidates[best], newline: newline)
  }

  /// Reads the header record at `start`, whose line number is `line`.
  static func parse(
    _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, dialect: CSVDialect, line: Int, path: String
  ) throws(FileError) -> CSVHeader {
    var tok = CSVTokenizer(start: start, end: end, dialect: dialect, line: line)
    defer { tok.release() }
    var raw: [String] = []
    while true {
      let e = tok.next()
      let field = raw.count + 1
      switch e {
      case .unterminatedQuote:
        throw CSVErrors.unterminatedQuote(path, line: line)
      case .junkAfterQuote:
        throw CSVErrors.junkAfterQuote(path, line: line, field: field)
      case .delimiter, .record:
        if let (_, problem) = UTF8Validation.firstProblem(tok.field, tok.count, rejectNUL: true) {
          throw CSVErrors.badByte(path, problem, line: line, field: field)
        }
        raw.append(String(decoding: UnsafeBufferPointer(start: tok.field, count: tok.count), as: UTF8.self))
      }
      if e == .record { break }
    }
    return CSVHeader(names: uniqueNames(raw), end: tok.p, nextLine: tok.line)
  }

  /// Names with blanks replaced by `column_N` and repeats suffixed `_2`, `_3`, ….
  static func uniqueNames(_ raw: [String]) -> [String] {
    var used = Set<String>()
    var names: [String] = []
    names.reserveCapacity(raw.count)
    for (i, r) in raw.enumerated() {
      var name = r.isEmpty ? "column_\(i + 1)" : r
      if used.contains(name) {
        var k = 2
        while used.contains("\(name)_\(k)") { k += 1 }
        name = "\(name)_\(k)"
      }
      used.insert(name)
      names.append(name)
    }
    return names
  }
}
