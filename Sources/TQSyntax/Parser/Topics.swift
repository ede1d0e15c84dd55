extension ScriptParser {
  /// `explain [topic]`: the rest of the statement as written, quotes removed (`explain markov`,
  /// `explain path length`, `explain 20/80`).
  mutating func parseExplain() -> Statement.Kind? {
    advance()
    guard !current.isStatementEnd else { return .explain(nil) }
    let start = current.range.start
    while !current.isStatementEnd { advance() }
    let range = SourceRange(start, previous.range.end)
    let text = source.text(of: range).filter { $0 != "\"" }
    return .explain(Ident(text, range))
  }

  /// The topic after `help` or `explain`: the rest of the statement's words joined by spaces
  /// (a dot command such as `.mode` is one word), spanning them all; `make(nil)` when there
  /// are none, nil after an error.
  mutating func parseTopic(_ make: (Ident?) -> Statement.Kind) -> Statement.Kind? {
    var words: [String] = []
    var range: SourceRange?
    while !current.isStatementEnd {
      let token = current
      if token.kind == .identifier || token.kind == .string {
        words.append(token.text)
        advance()
      } else if token.kind == .dot, peek().kind == .identifier, peek().range.start == token.range.end {
        words.append("." + peek().text)
        advance()
        advance()
      } else {
        reportUnexpected()
        return nil
      }
      range = range.map { $0.union(previous.range) } ?? SourceRange(token.range.start, previous.range.end)
    }
    guard let range else { return make(nil) }
    return make(Ident(words.joined(separator: " "), range))
  }
}
