import TQStorage

/// What each row of a touch table is for path building, computed for any run of rows.
///
/// Bit `purchase` marks a purchase event (`conversion`/`purchase`): the purchase itself, not
/// a touch, and it ends a path. Bit `close` marks a row that ends a path: a purchase event,
/// or a touch with the conversion flag (`true`, non-zero, `yes`). Null events and null
/// flags mark nothing.
struct RowKinds {
  /// A purchase event (not a touch).
  static let purchase: UInt8 = 1
  /// Ends a path.
  static let close: UInt8 = 2

  /// The event column, when the table has one as text.
  private let event: Column?
  /// The event column's codes and the kind of each code.
  private let eventCodes: Codes?, eventKind: [UInt8]
  /// The conversion flag column.
  private let flag: Column?
  /// For a text flag column: `close` for each code that means yes.
  private let flagYes: [UInt8]

  /// The kinds of `t`'s rows.
  init(_ t: Table) {
    if let e = t.column(for: .event), case .string(let d) = e.data {
      event = e
      eventCodes = d.codes
      eventKind = d.dictionary.map { ["conversion", "purchase"].contains($0.lowercased()) ? Self.purchase | Self.close : 0 }
    } else {
      event = nil
      eventCodes = nil
      eventKind = []
    }
    flag = t.column(for: .conversion)
    if let f = flag, case .string(let d) = f.data {
      flagYes = d.dictionary.map { ["true", "1", "yes", "y"].contains($0.lowercased()) ? Self.close : 0 }
    } else {
      flagYes = []
    }
  }

  /// The kinds of every row.
  func all(rows: Int) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: rows) { out, n in
      if rows > 0 { fill(out.baseAddress!, 0..<rows) }
      n = rows
    }
  }

  /// Writes the kinds of `rows` to `out[0 ..< rows.count]`.
  func fill(_ out: UnsafeMutablePointer<UInt8>, _ rows: Range<Int>) {
    switch eventCodes {
    case .u8(let c)?: Self.lookup(c, eventKind, rows, out)
    case .u16(let c)?: Self.lookup(c, eventKind, rows, out)
    case .u32(let c)?: Self.lookup(c, eventKind, rows, out)
    case .runs(let r)?: Self.forEachCode(r, rows) { i, code in out[i] = eventKind[code] }
    case nil: out.initialize(repeating: 0, count: rows.count)
    }
    if let e = event, e.validity != nil {
      for r in rows where e.isNull(r) { out[r - rows.lowerBound] = 0 }
    }
    guard let f = flag else { return }
    switch f.data {
    case .int(.i8(let a)): Self.mark(a, rows, out) { $0 != 0 }
    case .int(.i16(let a)): Self.mark(a, rows, out) { $0 != 0 }
    case .int(.i32(let a)): Self.mark(a, rows, out) { $0 != 0 }
    case .int(.i64(let a)): Self.mark(a, rows, out) { $0 != 0 }
    case .float(let a): Self.mark(a, rows, out) { $0 != 0 }
    case .bool(let a): Self.mark(a, rows, out) { $0 }
    case .string(let d):
      switch d.codes {
      case .u8(let c): Self.mark(c, rows, out) { flagYes[Int($0)] != 0 }
      case .u16(let c): Self.mark(c, rows, out) { flagYes[Int($0)] != 0 }
      case .u32(let c): Self.mark(c, rows, out) { flagYes[Int($0)] != 0 }
      case .runs(let r): Self.forEachCode(r, rows) { i, code in out[i] |= flagYes[code] }
      }
    default: return
    }
    if f.validity != nil {
      for r in rows where f.isNull(r) && out[r - rows.lowerBound] & Self.purchase == 0 {
        out[r - rows.lowerBound] &= ~Self.close
      }
    }
  }

  /// Calls `body(i, code)` for row `rows.lowerBound + i`, walking the runs.
  private static func forEachCode(_ r: RunCodes, _ rows: Range<Int>, _ body: (Int, Int) -> Void) {
    var cursor = RunCodes.Cursor(runs: r)
    for row in rows { body(row - rows.lowerBound, cursor.code(of: row)) }
  }

  /// `out[i] = table[codes[rows.lowerBound + i]]`.
  private static func lookup<C: FixedWidthInteger>(_ codes: [C], _ table: [UInt8], _ rows: Range<Int>,
                                                    _ out: UnsafeMutablePointer<UInt8>)
  {
    codes.withUnsafeBufferPointer { c in
      table.withUnsafeBufferPointer { t in
        let base = c.baseAddress! + rows.lowerBound
        var i = 0
        while i < rows.count {
          out[i] = t[Int(base[i])]
          i += 1
        }
      }
    }
  }

  /// Adds `close` to `out[i]` where `yes(values[rows.lowerBound + i])`.
  @inline(__always)
  private static func mark<T>(_ values: [T], _ rows: Range<Int>, _ out: UnsafeMutablePointer<UInt8>, _ yes: (T) -> Bool) {
    values.withUnsafeBufferPointer { v in
      let base = v.baseAddress! + rows.lowerBound
      var i = 0
      while i < rows.count {
        out[i] |= yes(base[i]) ? close : 0
        i += 1
      }
    }
  }
}
