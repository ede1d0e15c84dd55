import Testing

@testable import TQSyntax

/// Parses `text` as the source `t.tq`.
func parse(_ text: String, name: String = "t.tq") -> (Script, [Diagnostic]) {
  Parser.parse(SourceFile(name: name, text: text))
}

/// The statements of text that must parse without diagnostics.
func statements(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Statement] {
  let (script, diagnostics) = parse(text)
  #expect(diagnostics.isEmpty, "unexpected: \(diagnostics.map(\.message))", sourceLocation: sourceLocation)
  return script.statements
}

/// The one statement of text that must parse cleanly.
func statement(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Statement.Kind? {
  let all = statements(text, sourceLocation: sourceLocation)
  #expect(all.count == 1, "expected one statement, got \(all.count)", sourceLocation: sourceLocation)
  return all.first?.kind
}

/// The pipeline of a query statement that must parse cleanly.
func pipeline(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Pipeline? {
  guard case .query(let p)? = statement(text, sourceLocation: sourceLocation) else {
    Issue.record("not a query: \(text)", sourceLocation: sourceLocation)
    return nil
  }
  return p
}

/// The stages of a pipeline, each in the compact form of `shape(_:)`.
func shapes(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
  pipeline(text, sourceLocation: sourceLocation)?.stages.map(shape) ?? []
}

/// The messages of the diagnostics of `text`.
func messages(_ text: String) -> [String] { parse(text).1.map(\.message) }

/// The tree form of the expression `text` (which must parse cleanly).
func tree(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
  let (e, diagnostics) = Parser.parseExpression(SourceFile(name: "e", text: text))
  #expect(diagnostics.isEmpty, "unexpected: \(diagnostics.map(\.message))", sourceLocation: sourceLocation)
  return e.map(tree) ?? "<nil>"
}

/// An S-expression of an expression: `(or a (and b (not (== c 1))))`.
func tree(_ e: Expr) -> String {
  switch e.kind {
  case .literal(let l): return ExprPrinter.print(l)
  case .column(let c): return c
  case .unary(let op, let x): return "(\(op.rawValue) \(tree(x)))"
  case .binary(let op, let a, let b): return "(\(op.rawValue) \(tree(a)) \(tree(b)))"
  case .inList(let x, let items, let negated):
    return "(\(negated ? "not in" : "in") \(tree(x)) [\(items.map(tree).joined(separator: " "))])"
  case .call(let f, let args): return "\(f.name)(\(args.map(tree).joined(separator: " ")))"
  case .missing: return "<missing>"
  }
}

/// A projection as `name=tree` or `tree`.
func shape(_ p: Projection) -> String { (p.name.map { $0.name + "=" } ?? "") + tree(p.expr) }

/// A stage in a compact, readable form (`where (== a 1)`, `sort -a b`, `take 5`).
func shape(_ s: Stage) -> String {
  let v = s.verb.name
  switch s.kind {
  case .where_(let e): return "\(v) \(tree(e))"
  case .select(let ps), .derive(let ps): return "\(v) " + ps.map(shape).joined(separator: ", ")
  case .group(let keys, let aggs):
    return "\(v) " + keys.map(shape).joined(separator: ", ") + (aggs.isEmpty ? "" : " agg " + aggs.map(shape).joined(separator: ", "))
  case .sort(let keys): return "\(v) " + keys.map { ($0.descending ? "-" : "") + tree($0.expr) }.joined(separator: ", ")
  case .take(let n): return "\(v) \(n.value)"
  case .distinct(let cols): return "\(v) " + cols.map(\.name).joined(separator: ", ")
  case .join(let t, let on, let left): return "\(left ? "left " : "")join \(t.name) on " + on.map(\.name).joined(separator: ", ")
  case .rename(let rs): return "\(v) " + rs.map { "\($0.new.name)=\($0.old.name)" }.joined(separator: ", ")
  case .journey(let j):
    let models = j.models.map(\.text).joined(separator: ", ")
    return "\(v)\(j.compare ? " compare" : "") \(models)" + j.flags.map { " " + $0.name }.joined()
  case .invalid: return "\(v) <invalid>"
  }
}

/// The expression with every range set to 0..<0 (for structural comparison).
func stripped(_ e: Expr) -> Expr {
  let zero = SourceRange(0, 0)
  switch e.kind {
  case .unary(let op, let x): return Expr(.unary(op, stripped(x)), zero)
  case .binary(let op, let a, let b): return Expr(.binary(op, stripped(a), stripped(b)), zero)
  case .inList(let x, let items, let n): return Expr(.inList(stripped(x), items.map(stripped), negated: n), zero)
  case .call(let f, let args): return Expr(.call(Ident(f.name, zero), args.map(stripped)), zero)
  default: return Expr(e.kind, zero)
  }
}

/// The source range of a diagnostic.
func range(_ d: Diagnostic) -> SourceRange? {
  if case .source(_, let r) = d.location { return r }
  return nil
}

/// Checks that `marked` (with `‸` where the error starts) gives a diagnostic with this message there.
///
/// Markers (swift-syntax tests use `1️⃣`; `‸` here) keep line and column numbers out of the tests.
func expectDiagnostic(
  _ marked: String, _ message: String, hint: String?? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
  let marker = "‸"
  guard let markerRange = marked.firstRange(of: marker) else {
    Issue.record("no marker in \(marked)", sourceLocation: sourceLocation)
    return
  }
  let offset = marked.utf8.distance(from: marked.startIndex, to: markerRange.lowerBound)
  let text = String(marked[..<markerRange.lowerBound]) + String(marked[markerRange.upperBound...])
  let (_, diagnostics) = parse(text)
  guard let d = diagnostics.first(where: { $0.message == message }) else {
    Issue.record("no \"\(message)\" in \(diagnostics.map(\.message)) for \(text)", sourceLocation: sourceLocation)
    return
  }
  #expect(range(d)?.start == offset, "\(message): at \(range(d)?.start ?? -1), marker at \(offset)", sourceLocation: sourceLocation)
  if let hint { #expect(d.hint == hint, sourceLocation: sourceLocation) }
}

/// Checks that every diagnostic of `text` points inside the source (line and column in bounds).
func expectInBounds(_ text: String, _ diagnostics: [Diagnostic], sourceLocation: SourceLocation = #_sourceLocation) {
  let source = SourceFile(name: "t", text: text)
  let lines = text.utf8.split(separator: 10, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
  for d in diagnostics {
    guard let r = range(d) else {
      Issue.record("diagnostic without a range: \(d.message)", sourceLocation: sourceLocation)
      continue
    }
    #expect(r.start >= 0 && r.end <= text.utf8.count && r.start <= r.end, sourceLocation: sourceLocation)
    let (line, column) = source.location(of: r.start)
    #expect(line >= 1 && line <= lines.count, "line \(line) of \(lines.count)", sourceLocation: sourceLocation)
    if line >= 1, line <= lines.count {
      #expect(column >= 1 && column <= lines[line - 1].count + 1, "column \(column)", sourceLocation: sourceLocation)
    }
  }
}
