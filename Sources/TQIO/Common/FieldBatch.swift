/// A batch of one column's fields as the CSV parser stores them: a start and a length per
/// field (`~length` for a quoted field), with an unquoted empty field standing for null.
struct FieldBatch {
  let fields: UnsafePointer<UnsafePointer<UInt8>>
  let lengths: UnsafePointer<Int>
  /// The number of fields.
  let count: Int
  /// Fields starting before this may be read 8 bytes past their start.
  let overreadLimit: UnsafePointer<UInt8>
}

extension ByteDictionary {
  /// Codes fields `k..<batch.count` into `dst[k]` as `T`, adding new keys, and counts the
  /// null fields into `nulls` (field `k` is row `firstRow + k`; its code is 0). Stops at the
  /// first code that `T` cannot hold and returns it, with field `k` that field, not yet
  /// stored. The first key must be in (`hasFirstKey`).
  ///
  /// One loop per index kind, with the memo and dense index in locals: the loop branches
  /// on the data only, and keys missing from the memo or index leave it through one call.
  @inline(__always) mutating func code<T: FixedWidthInteger & UnsignedInteger>(
    _ batch: FieldBatch, from k: inout Int, into dst: UnsafeMutablePointer<T>, nulls: inout NullBits
  ) -> UInt32? {
    let fields = batch.fields
    let lengths = batch.lengths
    let limit = batch.overreadLimit
    let fits = UInt32(truncatingIfNeeded: T.max)
    if let index = dense {
      while k < batch.count {
        let len = lengths[k]
        var code: UInt32 = 0
        if len == 0 {
          nulls.mark(k)
        } else {
          let p = fields[k]
          let n = len < 0 ? ~len : len
          let slot = index.slot(p, n)
          if slot >= 0 {
            let c = index.code(at: slot)
            code = c >= 0 ? UInt32(truncatingIfNeeded: c) : addDense(p, n, slot: slot)
          } else {
            code = insertHashed(p, n, overread: p < limit)
          }
          if T.bitWidth < 32 && code > fits { return code }
        }
        dst[k] = T(truncatingIfNeeded: code)
        k &+= 1
      }
      return nil
    }
    let all = UInt64.max
    while k < batch.count {
      let len = lengths[k]
      var code: UInt32 = 0
      if len == 0 {
        nulls.mark(k)
      } else {
        let p = fields[k]
        let n = len < 0 ? ~len : len
        if n <= 16 && p < limit {
          let head = load64(p) & (n >= 8 ? all : ~(all &<< UInt64(truncatingIfNeeded: n &* 8)))
          let tail = n > 8 ? load64(p + (n &- 8)) : 0
          let m = KeyMemo.index(head, tail, n)
          let known = memo.code(at: m, head, tail, n)
          code =
            known >= 0
            ? UInt32(truncatingIfNeeded: known) : insertUnremembered(p, n, head: head, tail: tail, memo: m)
        } else {
          code = insertHashed(p, n, overread: p < limit)
        }
        if T.bitWidth < 32 && code > fits { return code }
      }
      dst[k] = T(truncatingIfNeeded: code)
      k &+= 1
    }
    return nil
  }
}

extension NumberedKeys {
  /// Codes fields `k..<batch.count` into `dst[k]`: a value of the shape as its number
  /// (marked seen), another as `hashedFlag` plus its code in `dictionary`; null fields are
  /// counted into `nulls` and get 0.
  ///
  /// The numbers are marked seen in a second pass over `dst`: random ids touch the bits
  /// all over, and a loop that does nothing else keeps many of those misses in flight.
  @inline(__always) func code(
    _ batch: FieldBatch, from first: Int, into dst: UnsafeMutablePointer<UInt32>, dictionary: inout ByteDictionary,
    nulls: inout NullBits
  ) {
    let fields = batch.fields
    let lengths = batch.lengths
    let null = UInt32.max  // until the second pass
    for k in first..<batch.count {
      let len = lengths[k]
      if len == 0 {
        nulls.mark(k)
        dst[k] = null
        continue
      }
      let p = fields[k]
      let n = len < 0 ? ~len : len
      let number = shape.number(p, n)
      dst[k] =
        number >= 0
        ? UInt32(truncatingIfNeeded: number)
        : Self.hashedFlag | dictionary.insert(p, n, overread: p < batch.overreadLimit)
    }
    for k in first..<batch.count {
      let v = dst[k]
      if v < Self.hashedFlag {
        mark(number: Int(truncatingIfNeeded: v))
      } else if v == null {
        dst[k] = 0
      }
    }
  }
}

/// The null bits of a batch's rows: field `k` is row `firstRow + k`.
struct NullBits {
  let words: UnsafeMutablePointer<UInt64>
  let firstRow: Int
  /// The fields marked so far.
  var count = 0

  /// Marks field `k`'s row null.
  @inline(__always) mutating func mark(_ k: Int) {
    let r = firstRow &+ k
    words[r >> 6] |= 1 &<< UInt64(truncatingIfNeeded: r & 63)
    count &+= 1
  }
}
