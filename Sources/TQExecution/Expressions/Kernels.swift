import TQStorage

/// Tight loops over code and value buffers, specialised by code width.
enum Kernels {
  /// `table[code]` for every row.
  static func lookup<T>(_ codes: Codes, _ table: [T]) -> [T] { codes.lookup(table) }

  /// Positions (from `rows`, or 0..<count when nil) whose code is marked in `mask` and whose row is valid.
  static func select(_ codes: Codes, mask: [Bool], validity: Bitmap?, rows: [UInt32]?, count: Int) -> [UInt32] {
    switch codes {
    case .u8(let c): return select(c, mask, validity, rows, count)
    case .u16(let c): return select(c, mask, validity, rows, count)
    case .u32(let c): return select(c, mask, validity, rows, count)
    case .runs(let r): return select(r, mask, validity, rows)
    }
  }

  /// `select` for run codes: whole runs at a time.
  static func select(_ r: RunCodes, _ mask: [Bool], _ validity: Bitmap?, _ rows: [UInt32]?) -> [UInt32] {
    var out: [UInt32] = []
    if let rows {
      let codes = r.gathered(rows)
      for (k, row) in rows.enumerated() where mask[Int(codes[k])] { out.append(row) }
    } else {
      for j in 0..<max(0, r.starts.count - 1) where mask[j] { out.append(contentsOf: r.starts[j]..<r.starts[j + 1]) }
    }
    if let validity { out.removeAll { !validity[Int($0)] } }
    return out
  }

  /// `select` for one code width.
  static func select<C: FixedWidthInteger>(_ codes: [C], _ mask: [Bool], _ validity: Bitmap?, _ rows: [UInt32]?, _ count: Int)
    -> [UInt32]
  {
    var out: [UInt32] = []
    let m = mask.map { $0 ? UInt8(1) : 0 }
    codes.withUnsafeBufferPointer { c in
      m.withUnsafeBufferPointer { mk in
        if let rows {
          out.reserveCapacity(rows.count)
          for r in rows where mk[Int(c[Int(r)])] != 0 { out.append(r) }
        } else {
          var n = 0
          for i in 0..<count { n &+= Int(mk[Int(c[i])]) }
          out = [UInt32](unsafeUninitializedCapacity: n) { dst, k in
            var j = 0
            for i in 0..<count where mk[Int(c[i])] != 0 {
              dst[j] = UInt32(i)
              j &+= 1
            }
            k = j
          }
        }
      }
    }
    if let validity { out.removeAll { !validity[Int($0)] } }
    return out
  }
}
