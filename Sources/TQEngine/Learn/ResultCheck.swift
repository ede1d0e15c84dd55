import TQLessons
import TQStorage

/// How a student's result differs from the reference (the first difference found).
public enum Difference: Equatable, Sendable {
  /// A different number of rows.
  case rows(got: Int, expected: Int)
  /// No column of the student's result holds a reference column.
  case column(String, expected: [String])
  /// The first row that differs, both sides rendered over the compared columns.
  case row(Int, got: String, expected: String)
  /// The right result written without a word the step asks for.
  case uses([String])
}

/// The `same_result` check: compares two result tables, not their spelling.
///
/// Each compared reference column is matched with a student column: the one of the same name
/// (any case) when its values agree, else any other column whose values agree, so `n` for
/// `count` or a renamed aggregate passes. Rows are compared in order or, with
/// `order: ignored`, after sorting both sides. Numbers agree within the tolerance.
enum ResultCheck {
  /// The first difference of `student` from `reference`, or nil when they agree.
  static func compare(_ student: Table, _ reference: Table, _ options: SameResult) -> Difference? {
    let k = options.first.map { min($0, reference.rowCount) } ?? reference.rowCount
    let got = options.first.map { min($0, student.rowCount) } ?? student.rowCount
    if got != k { return .rows(got: options.first == nil ? student.rowCount : got, expected: k) }
    let wanted = options.columns ?? reference.columnNames
    let tolerance = options.tolerance ?? 1e-6
    let ordered = options.order == .matters
    var mapping: [(Column, Column)] = []
    var used = Set<Int>()
    for name in wanted {
      guard let ref = reference.column(name) else { return .column(name, expected: wanted) }
      let refValues = values(ref, k)
      let sameName = student.columns.indices.filter { student.columns[$0].name.lowercased() == name.lowercased() }
      let candidates = sameName + student.columns.indices.filter { !sameName.contains($0) && !used.contains($0) }
      let agrees = candidates.first { i in
        equal(values(student.columns[i], k), refValues, tolerance: tolerance, ordered: ordered)
      }
      guard let pick = agrees ?? sameName.first else { return .column(name, expected: wanted) }
      used.insert(pick)
      mapping.append((student.columns[pick], ref))
    }
    return firstRowDifference(mapping, rows: k, tolerance: tolerance, ordered: ordered)
  }

  /// The first differing row over the matched columns (rows sorted first when order is ignored).
  static func firstRowDifference(_ mapping: [(Column, Column)], rows k: Int, tolerance: Double, ordered: Bool) -> Difference? {
    var mine = (0..<k).map { r in mapping.map { $0.0.value(at: r) } }
    var theirs = (0..<k).map { r in mapping.map { $0.1.value(at: r) } }
    if !ordered {
      mine.sort { $0.lexicographicallyPrecedes($1) }
      theirs.sort { $0.lexicographicallyPrecedes($1) }
    }
    for r in 0..<k where !zip(mine[r], theirs[r]).allSatisfy({ same($0, $1, tolerance) }) {
      return .row(r + 1, got: render(mine[r]), expected: render(theirs[r]))
    }
    return nil
  }

  /// The first `k` values of a column.
  static func values(_ c: Column, _ k: Int) -> [Value] { (0..<min(k, c.count)).map { c.value(at: $0) } }

  /// Whether two value lists agree (as multisets when order is ignored).
  static func equal(_ a: [Value], _ b: [Value], tolerance: Double, ordered: Bool) -> Bool {
    guard a.count == b.count else { return false }
    let (x, y) = ordered ? (a, b) : (a.sorted(), b.sorted())
    return zip(x, y).allSatisfy { same($0, $1, tolerance) }
  }

  /// Whether two values agree: numbers within the tolerance (relative above magnitude 1), others exactly.
  static func same(_ a: Value, _ b: Value, _ tolerance: Double) -> Bool {
    if let x = a.asDouble, let y = b.asDouble { return abs(x - y) <= tolerance * max(1, abs(x), abs(y)) }
    return a == b
  }

  /// A row for a one-line message: `facebook | 120.5`.
  static func render(_ row: [Value]) -> String {
    row.map { LessonFormat.value($0, language: "en") }.joined(separator: " | ")
  }
}
