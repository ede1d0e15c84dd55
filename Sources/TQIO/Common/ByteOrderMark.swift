/// The UTF-8 byte-order mark some editors put at the start of text files.
enum ByteOrderMark {
  /// 3 when the `count` bytes at `p` start with `EF BB BF`, else 0.
  static func length(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int {
    count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF ? 3 : 0
  }
}
