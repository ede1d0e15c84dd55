/// Values by row, read without a branch: a column's own buffer, or one zero standing for every row.
struct DenseValues<T: Numeric> {
  /// The values, or a single zero.
  let base: UnsafePointer<T>
  /// All ones when `base` holds a value per row; zero when every row reads `base[0]`.
  let mask: Int

  /// The value of row `r`.
  @inline(__always) subscript(r: Int) -> T { base[r & mask] }

  /// Calls `body` with `values` read densely (nil: every row is 0).
  static func of<R>(_ values: [T]?, _ body: (DenseValues) -> R) -> R {
    guard let values, !values.isEmpty else {
      return withUnsafePointer(to: T.zero) { body(DenseValues(base: $0, mask: 0)) }
    }
    return values.withUnsafeBufferPointer { body(DenseValues(base: $0.baseAddress!, mask: -1)) }
  }
}

extension RowValues {
  /// Calls `body` with these values read densely, a null as 0.
  func withDense<R>(_ body: (DenseValues<Double>) -> R) -> R {
    guard let n = nullable, let v = values else { return DenseValues.of(values, body) }
    return DenseValues.of(v.indices.map { n.isNull($0) ? 0 : v[$0] }, body)
  }
}
