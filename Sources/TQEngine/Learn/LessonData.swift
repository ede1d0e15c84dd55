import TQLessons
import TQStorage
import TQSyntax

/// Where a lesson's queries run: a scratch session of its own, so reference answers, facts
/// and mistakes never change (or depend on) the student's tables.
///
/// Results are cached by query text. Tests build one over another dataset
/// (`generate journeys 8000 seed 7 as shop`) to check that lessons do not depend on one file.
public final class LessonData: @unchecked Sendable {
  /// The scratch session.
  let session: Session
  /// Results by query text.
  var cache: [String: Table] = [:]

  /// Runs queries in `session` (already holding the lesson's dataset, or able to load it).
  public init(session: Session) { self.session = session }

  /// A scratch session over the bundled datasets.
  public convenience init(datasets: Datasets) { self.init(session: Session(datasets: datasets)) }

  /// The result of one query (a single pipeline); errors are diagnostics naming `lesson`.
  public func result(_ query: String) throws -> Table {
    if let t = cache[query] { return t }
    let source = SourceFile(name: "lesson", text: query)
    let (script, diagnostics) = Parser.parse(source)
    if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
    guard script.statements.count == 1, case .query(let p) = script.statements[0].kind else {
      throw Diagnostic("a lesson query must be one pipeline: \(query)")
    }
    let t = try session.evaluate(p, source: source)
    cache[query] = t
    return t
  }

  /// The first cell of a query's result (value and choice answers, `{fact}`).
  public func scalar(_ query: String) throws -> Value {
    let t = try result(query)
    guard t.rowCount > 0, !t.columns.isEmpty else { return .null }
    return t.value(row: 0, column: 0)
  }

  /// The value a placeholder names: a fact, or a step's reference result, in `lesson`.
  func value(of p: Template.Placeholder, in lesson: Lesson) throws -> Value? {
    let query = lesson.facts?[p.name] ?? lesson.steps.first { $0.id == p.name }?.answer
    guard let query else { return nil }
    let t = try result(query)
    let column = p.column.flatMap { t.columnIndex($0) } ?? (p.column == nil ? 0 : nil)
    guard let column, p.row < t.rowCount, column < t.columns.count else { return nil }
    return t.value(row: p.row, column: column)
  }

  /// A lesson text with its placeholders filled live in `language`.
  func fill(_ text: LocalizedText, _ lesson: Lesson, _ language: String) -> String {
    Template.fill(text[language]) { p in
      (try? value(of: p, in: lesson)).flatMap { $0 }.map { LessonFormat.value($0, language: language) }
    }
  }
}
