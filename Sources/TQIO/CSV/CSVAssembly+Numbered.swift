import TQStorage

extension CSVAssembly {
  /// The dictionary-coded strings of column `c` when some chunk numbered it
  /// (`NumberedKeys`): the keys of the shape come first, in ascending order, each coded by
  /// its rank among the numbers seen in any chunk; the other keys follow.
  static func numberedStrings(_ chunks: [CSVChunk], _ order: [CSVRowRun], _ c: Int, _ total: Int) -> DictColumn {
    let shape = chunks.lazy.compactMap { $0.columns[c].numbered?.shape }.first!
    let all = NumberedKeys(shape: shape)
    defer { all.release() }
    // Keys of the shape met outside a chunk's numbering (its dictionary, or a chunk
    // numbered by another shape) are numbered here first.
    var spelled = [UInt8](repeating: 0, count: 16)
    func eachNumberedKey(_ keys: NumberedKeys, _ body: (UnsafePointer<UInt8>, Int) -> Void) {
      spelled.withUnsafeMutableBufferPointer { buffer in
        for w in 0..<keys.words {
          var bits = keys.seen[w]
          while bits != 0 {
            keys.shape.write(w << 6 | bits.trailingZeroBitCount, to: buffer.baseAddress!)
            body(buffer.baseAddress!, keys.shape.length)
            bits &= bits &- 1
          }
        }
      }
    }
    for ch in chunks {
      let column = ch.columns[c]
      if let own = column.numbered {
        if own.shape == shape {
          all.absorb(own)
        } else {
          eachNumberedKey(own) { p, n in _ = all.mark(p, n) }
        }
      }
      if let d = column.dictionary {
        for k in 0..<d.count where d.key(k).count > 0 { _ = all.mark(d.key(k).baseAddress!, d.key(k).count) }
      }
    }
    let ranks = NumberRanks(all)
    var others = ByteDictionary()
    defer { others.release() }
    /// The final code of a key.
    func code(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32 {
      let k = shape.number(p, n)
      if k >= 0 { return ranks.rank(k) }
      return UInt32(truncatingIfNeeded: ranks.count) &+ others.insert(p, n)
    }
    // Per chunk: the final code of each dictionary code, and of each number of its own shape.
    var dictionaryRemaps: [[UInt32]] = []
    var numberRemaps: [[Int: UInt32]] = []
    let empty: UInt8 = 0
    for ch in chunks {
      let column = ch.columns[c]
      var remap: [UInt32] = []
      if let d = column.dictionary {
        remap = (0..<d.count).map { k in
          let key = d.key(k)
          return key.count > 0 ? code(key.baseAddress!, key.count) : withUnsafePointer(to: empty) { code($0, 0) }
        }
      }
      dictionaryRemaps.append(remap)
      var own: [Int: UInt32] = [:]
      if let numbered = column.numbered, numbered.shape != shape {
        eachNumberedKey(numbered) { p, n in own[numbered.shape.number(p, n)] = code(p, n) }
      }
      numberRemaps.append(own)
    }
    if others.count == 0, let starts = runStarts(chunks, order, c, total, shape: shape) {
      return DictColumn(codes: .runs(RunCodes(starts: starts)), dictionary: ranks.strings())
    }
    for ch in chunks { ch.columns[c].writeRuns() }
    let cardinality = max(1, ranks.count + others.count)
    func codes<T: FixedWidthInteger>(_: T.Type) -> [T] {
      HugePages.array(count: total) { out in
        var o = 0
        for run in order {
          let i = run.chunk
          let column = chunks[i].columns[c]
          let dst = out + o
          o += run.rows.count
          guard let src = column.codes else {
            dst.initialize(repeating: 0, count: run.rows.count)
            continue
          }
          guard let numbered = column.numbered else {
            src.copy(rows: run.rows, to: dst, remap: dictionaryRemaps[i])
            continue
          }
          let values = src.storage.assumingMemoryBound(to: UInt32.self) + run.rows.lowerBound
          let remap = dictionaryRemaps[i]
          let sameShape = numbered.shape == shape
          for r in 0..<run.rows.count {
            let v = values[r]
            let final: UInt32
            if v >= NumberedKeys.hashedFlag {
              final = remap[Int(v & ~NumberedKeys.hashedFlag)]
            } else if sameShape {
              final = ranks.rank(Int(v))
            } else {
              final = numberRemaps[i][Int(v)] ?? 0  // a null row's 0 may be no number seen
            }
            (dst + r).initialize(to: T(truncatingIfNeeded: final))
          }
        }
      }
    }
    let packed = Codes.narrowest(
      cardinality: cardinality, { codes(UInt8.self) }, { codes(UInt16.self) }, { codes(UInt32.self) })
    return DictColumn(codes: packed, dictionary: ranks.strings() + others.strings())
  }

  /// Where each id's rows start, plus the row count, when the ids (all of `shape`, no
  /// nulls) come in ascending runs, as the journeys of an export sorted by journey do:
  /// run j is then the j-th id, and the column needs no code per row (`RunCodes`). Chunks
  /// that kept their runs while parsing (`NumberRuns`) give them without a code per row.
  private static func runStarts(
    _ chunks: [CSVChunk], _ order: [CSVRowRun], _ c: Int, _ total: Int, shape: KeyShape
  ) -> [UInt32]? {
    guard total > 0,
      chunks.allSatisfy({ $0.columns[c].nullCount == 0 && $0.columns[c].numbered?.shape == shape })
    else { return nil }
    var starts: [UInt32] = []
    var previous = -1
    var o = 0
    /// Records that row `o + r` of the file holds number `v`, starting a run when it
    /// changes; false when it breaks the ascending order.
    @inline(__always) func at(_ r: Int, _ v: Int) -> Bool {
      if v == previous { return true }
      guard v > previous && v < Int(NumberedKeys.hashedFlag) else { return false }
      starts.append(UInt32(truncatingIfNeeded: o + r))
      previous = v
      return true
    }
    var cursors = [Int](repeating: 0, count: chunks.count)
    for run in order where !run.rows.isEmpty {
      let lo = run.rows.lowerBound
      if let runs = chunks[run.chunk].columns[c].runs {
        var j = runs.run(holding: lo, from: cursors[run.chunk])
        cursors[run.chunk] = j
        while j < runs.count && Int(runs.starts[j]) < run.rows.upperBound {
          guard at(max(Int(runs.starts[j]), lo) - lo, Int(runs.numbers[j])) else { return nil }
          j += 1
        }
      } else {
        let values = chunks[run.chunk].columns[c].codes!.storage.assumingMemoryBound(to: UInt32.self)
        for r in run.rows {
          guard at(r - lo, Int(values[r])) else { return nil }
        }
      }
      o += run.rows.count
    }
    starts.append(UInt32(truncatingIfNeeded: total))
    return starts
  }
}
