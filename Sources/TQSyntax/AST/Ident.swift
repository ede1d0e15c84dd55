/// A name as written in the source (a table, column, verb, function or option), with its span.
public struct Ident: Hashable, Sendable {
  /// The name.
  public var name: String
  /// Where it is written.
  public var range: SourceRange

  /// Creates a name.
  public init(_ name: String, _ range: SourceRange) {
    self.name = name
    self.range = range
  }
}

/// A string literal as written, with its span (file names, patterns).
public struct StringLiteral: Hashable, Sendable {
  /// The decoded text.
  public var value: String
  /// Where it is written, quotes included.
  public var range: SourceRange

  /// Creates a string literal.
  public init(_ value: String, _ range: SourceRange) {
    self.value = value
    self.range = range
  }
}

/// An integer as written, with its span (`take 10`, `seed 42`).
public struct IntLiteral: Hashable, Sendable {
  /// The value.
  public var value: Int64
  /// Where it is written.
  public var range: SourceRange

  /// Creates an integer literal.
  public init(_ value: Int64, _ range: SourceRange) {
    self.value = value
    self.range = range
  }
}
