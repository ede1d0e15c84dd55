import TQStorage

/// The names and types of a relation's columns, and the journey roles that survive.
public struct Schema: Sendable, Equatable {
  /// One column.
  public struct Field: Sendable, Equatable {
    /// The column name.
    public var name: String
    /// The column type.
    public var type: DataType

    /// Creates a field.
    public init(_ name: String, _ type: DataType) {
      self.name = name
      self.type = type
    }
  }

  /// The columns in order.
  public var fields: [Field]
  /// Journey roles by column name.
  public var roles: [Role: String]

  /// Creates a schema.
  public init(fields: [Field], roles: [Role: String] = [:]) {
    self.fields = fields
    self.roles = roles
  }

  /// The schema of a stored table.
  public init(of table: Table) {
    self.init(fields: table.columns.map { Field($0.name, $0.type) }, roles: table.roles)
  }

  /// The index of a column (exact name first, then case-insensitive).
  public func index(of name: String) -> Int? {
    if let i = fields.firstIndex(where: { $0.name == name }) { return i }
    let l = name.lowercased()
    return fields.firstIndex(where: { $0.name.lowercased() == l })
  }

  /// The column names.
  public var names: [String] { fields.map(\.name) }
}
