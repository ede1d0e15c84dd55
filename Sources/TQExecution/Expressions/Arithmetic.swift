import TQStorage
import TQSyntax

/// Arithmetic kernels: `+ - * / %` on ints (overflow is an error), floats and times.
enum Arithmetic {
  /// Computes `a op b` with result type `type`.
  static func apply(_ op: BinaryOp, _ a: Vector, _ b: Vector, type: DataType, count: Int) throws -> Column {
    let validity = andValidity(a.validity(count: count), b.validity(count: count))
    let ta = a.type ?? type, tb = b.type ?? type
    if type == .float {
      let x = a.column(count: count, type: ta).doubles, y = b.column(count: count, type: tb).doubles
      var valid = validity
      var out = [Double](repeating: 0, count: count)
      for i in 0..<count {
        switch op {
        case .add: out[i] = x[i] + y[i]
        case .subtract: out[i] = x[i] - y[i]
        case .multiply: out[i] = x[i] * y[i]
        case .divide, .modulo:
          if y[i] == 0 {
            if valid == nil { valid = Bitmap(count: count, value: true) }
            valid![i] = false
          } else {
            out[i] = op == .divide ? x[i] / y[i] : x[i].truncatingRemainder(dividingBy: y[i])
          }
        default: break
        }
      }
      return Column(name: "", data: .float(out), validity: valid)
    }
    let x = a.column(count: count, type: ta).int64s, y = b.column(count: count, type: tb).int64s
    var valid = validity
    var out = [Int64](repeating: 0, count: count)
    for i in 0..<count {
      if let v = valid, !v[i] { continue }
      let r: (Int64, Bool)
      switch op {
      case .add: r = x[i].addingReportingOverflow(y[i])
      case .subtract: r = x[i].subtractingReportingOverflow(y[i])
      case .multiply: r = x[i].multipliedReportingOverflow(by: y[i])
      default:
        if y[i] == 0 {
          if valid == nil { valid = Bitmap(count: count, value: true) }
          valid![i] = false
          continue
        }
        r = x[i].remainderReportingOverflow(dividingBy: y[i])
      }
      if r.1 { throw ExecutionError("integer overflow in \"\(op.rawValue)\"") }
      out[i] = r.0
    }
    let data: ColumnData
    switch type {
    case .timestamp: data = .timestamp(out)
    case .date: data = .date(out.map { Int32(clamping: $0) })
    default: data = .int(out)
    }
    return Column(name: "", data: data, validity: valid)
  }
}
