import TQStorage

/// How `compare` tells whether a row belongs to a group.
public enum GroupTest: Sendable {
  /// A test of a text column without nulls, decided once per dictionary code: row r is in
  /// the group when `outcome[codes[r]]`.
  case codes(Codes, outcome: [Bool])
  /// A flag per row (false for a null outcome).
  case rows([Bool])

  /// ORs `bit` into `bits[r - rows.lowerBound]` for each row of `rows` in the group.
  func mark(_ bit: UInt8, _ bits: UnsafeMutablePointer<UInt8>, _ rows: Range<Int>) {
    switch self {
    case .codes(let codes, let outcome):
      let table = outcome.map { $0 ? bit : 0 }
      switch codes {
      case .u8(let c): Self.mark(c, table, bits, rows)
      case .u16(let c): Self.mark(c, table, bits, rows)
      case .u32(let c): Self.mark(c, table, bits, rows)
      case .runs(let r):
        var cursor = RunCodes.Cursor(runs: r)
        for row in rows { bits[row - rows.lowerBound] |= table[cursor.code(of: row)] }
      }
    case .rows(let flags):
      // Without a branch on the data, so the loop vectorises.
      flags.withUnsafeBufferPointer { f in
        for row in rows { bits[row - rows.lowerBound] |= f[row] ? bit : 0 }
      }
    }
  }

  /// `bits[i] |= table[codes[rows.lowerBound + i]]`.
  private static func mark<C: FixedWidthInteger>(_ codes: [C], _ table: [UInt8], _ bits: UnsafeMutablePointer<UInt8>,
                                                 _ rows: Range<Int>)
  {
    codes.withUnsafeBufferPointer { c in
      table.withUnsafeBufferPointer { t in
        let base = c.baseAddress! + rows.lowerBound
        for i in 0..<rows.count { bits[i] |= t[Int(base[i])] }
      }
    }
  }
}
