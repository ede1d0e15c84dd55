/// `{placeholders}` in lesson texts: `{fact}`, `{fact.column}`, `{fact.column[row]}`.
///
/// A brace pair whose content is not of that shape is kept as written, so texts may show
/// braces. Values are filled live from query results (`LessonValidator` checks every name).
public enum Template {
  /// One placeholder: a fact or step name, optionally a column and a row (0-based).
  public struct Placeholder: Hashable, Sendable, CustomStringConvertible {
    /// The fact or step name.
    public var name: String
    /// The column (the first column when nil).
    public var column: String?
    /// The row.
    public var row: Int

    /// Creates a placeholder.
    public init(name: String, column: String? = nil, row: Int = 0) {
      self.name = name
      self.column = column
      self.row = row
    }

    /// The placeholder as written, without braces.
    public var description: String {
      guard let column else { return name }
      return row == 0 ? "\(name).\(column)" : "\(name).\(column)[\(row)]"
    }
  }

  /// One piece of a template: literal text or a placeholder.
  enum Piece: Hashable {
    case literal(String)
    case hole(Placeholder)
  }

  /// The placeholders of `text`, in order.
  public static func placeholders(in text: String) -> [Placeholder] {
    pieces(text).compactMap { if case .hole(let p) = $0 { return p } else { return nil } }
  }

  /// `text` with each placeholder replaced by `value(p)`; one without a value is kept as `{p}`.
  public static func fill(_ text: String, _ value: (Placeholder) -> String?) -> String {
    pieces(text).map { piece in
      switch piece {
      case .literal(let s): return s
      case .hole(let p): return value(p) ?? "{\(p)}"
      }
    }.joined()
  }

  /// Splits a text into literals and placeholders.
  static func pieces(_ text: String) -> [Piece] {
    var out: [Piece] = []
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{") {
      guard let close = rest[open...].firstIndex(of: "}"), let p = parse(rest[rest.index(after: open)..<close]) else {
        out.append(.literal(String(rest[...open])))
        rest = rest[rest.index(after: open)...]
        continue
      }
      out.append(.literal(String(rest[..<open])))
      out.append(.hole(p))
      rest = rest[rest.index(after: close)...]
    }
    out.append(.literal(String(rest)))
    return out.filter { $0 != .literal("") }
  }

  /// Parses `name`, `name.column` or `name.column[row]`.
  static func parse(_ s: Substring) -> Placeholder? {
    var body = s
    var row = 0
    if body.hasSuffix("]"), let lb = body.lastIndex(of: "[") {
      guard let r = Int(body[body.index(after: lb)..<body.index(before: body.endIndex)]), r >= 0 else { return nil }
      row = r
      body = body[..<lb]
    }
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), parts.allSatisfy(isName) else { return nil }
    if parts.count == 1, row != 0 { return nil }
    return Placeholder(name: String(parts[0]), column: parts.count == 2 ? String(parts[1]) : nil, row: row)
  }

  /// Whether `s` is an identifier (`median_touches`).
  static func isName(_ s: Substring) -> Bool {
    guard let f = s.first, f.isLetter || f == "_" else { return false }
    return s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
  }
}
