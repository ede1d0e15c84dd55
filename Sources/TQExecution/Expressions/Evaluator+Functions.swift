import Foundation
import TQStorage

extension Evaluator {
  /// Evaluates a scalar function call.
  func call(_ fn: ScalarFunction, _ args: [BoundExpr], _ t: DataType) throws -> Vector {
    let v = try args.map { try eval($0) }
    switch fn {
    case .lower: return .column(mapDictionary(v[0]) { $0.lowercased() })
    case .upper: return .column(mapDictionary(v[0]) { $0.uppercased() })
    case .len:
      let c = v[0].column(count: count, type: .string)
      guard case .string(let d) = c.data else { return .constant(.null, .int) }
      return .column(Column(name: "", data: .int(Kernels.lookup(d.codes, d.dictionary.map { Int64($0.count) })), validity: c.validity))
    case .coalesce:
      let cols = v.map { $0.column(count: count, type: t) }
      return .column(rowwise(t) { i in cols.first { !$0.isNull(i) }?.value(at: i) ?? .null })
    case .if:
      let c = v[0].column(count: count, type: .bool), a = v[1].column(count: count, type: t), b = v[2].column(count: count, type: t)
      guard case .bool(let cond) = c.data else { return .constant(.null, t) }
      return .column(rowwise(t) { i in (!c.isNull(i) && cond[i]) ? a.value(at: i) : b.value(at: i) })
    case .round, .abs:
      let c = v[0].column(count: count, type: args[0].type)
      if case .int(let values) = c.data {
        let a = values.widened
        if fn == .round { return .column(t == .int ? c : Column(name: "", data: .float(a.map(Double.init)), validity: c.validity)) }
        var out = [Int64](repeating: 0, count: a.count)
        for i in a.indices {
          guard a[i] != .min || c.isNull(i) else { throw ExecutionError("integer overflow in abs") }
          out[i] = a[i] == .min ? 0 : Swift.abs(a[i])
        }
        return .column(Column(name: "", data: .int(out), validity: c.validity))
      }
      var digits: Int64 = 0
      if args.count == 2, case .constant(.int(let d), _) = args[1] { digits = max(-15, min(15, d)) }
      let scale = pow(10.0, Double(digits))
      let out = c.doubles.map { x in fn == .abs ? Swift.abs(x) : (x * scale).rounded(.toNearestOrAwayFromZero) / scale }
      return .column(Column(name: "", data: .float(out), validity: c.validity))
    case .date, .hour, .weekday, .week, .month, .year:
      let c = v[0].column(count: count, type: args[0].type)
      let us = c.micros
      let out: ColumnData
      switch fn {
      case .date: out = .date(us.map { Int32(CivilTime.day(ofMicros: $0)) })
      case .hour: out = .int(us.map { ($0 - CivilTime.day(ofMicros: $0) * CivilTime.microsPerDay) / 3_600_000_000 })
      case .weekday: out = .int(us.map { Int64(CivilTime.weekday(days: CivilTime.day(ofMicros: $0))) })
      case .week: out = .int(us.map { Int64(CivilTime.isoWeek(days: CivilTime.day(ofMicros: $0))) })
      case .month: out = .int(us.map { Int64(CivilTime.civil(days: CivilTime.day(ofMicros: $0)).month) })
      default: out = .int(us.map { Int64(CivilTime.civil(days: CivilTime.day(ofMicros: $0)).year) })
      }
      return .column(Column(name: "", data: out, validity: c.validity))
    }
  }

  /// Applies a string function once per dictionary entry, merging entries that become equal.
  func mapDictionary(_ x: Vector, _ f: (String) -> String) -> Column {
    switch x {
    case .constant(.string(let s), _): return Vector.broadcast(.string(f(s)), count: count, type: .string)
    case .constant: return Vector.broadcast(.null, count: count, type: .string)
    case .column(let c):
      guard case .string(let d) = c.data else { return c }
      var b = StringDictionaryBuilder()
      let remap = d.dictionary.map { b.code(of: f($0)) }
      let codes = Kernels.lookup(d.codes, remap)
      return Column(name: "", data: .string(DictColumn(codes: Codes(codes, cardinality: max(1, b.dictionary.count)),
                                                       dictionary: b.dictionary.isEmpty ? [""] : b.dictionary)),
                    validity: c.validity)
    }
  }

  /// Builds a column of type `t` one row at a time (for the rare row-wise functions).
  func rowwise(_ t: DataType, _ value: (Int) -> Value) -> Column {
    Column.from(name: "", type: t, values: (0..<count).map(value))
  }
}
