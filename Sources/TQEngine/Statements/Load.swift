import Foundation
import TQIO
import TQStorage
import TQSyntax

extension Session {
  /// `load "file" [as name] [format f] [with role = column, …]`.
  ///
  /// A snapshot (`.tqc`) keeps the roles, kind and journey order it was saved with; `with`
  /// bindings still override its roles.
  func load(_ path: StringLiteral, name: Ident?, format: Ident?, roles: [RoleBinding], source: SourceFile,
            directory: String, emit: (Output) -> Void) throws
  {
    let formats = ["csv", "tsv", "jsonl", "paths", "tqc"]
    if let f = format, !formats.contains(f.name.lowercased()) {
      throw Diagnostic("unknown format \"\(f.name)\"", in: source, f.range, hint: Suggest.hint(f.name, in: formats) ?? "formats: \(formats.joined(separator: ", "))")
    }
    let fileFormat = format.flatMap { FileFormat(rawValue: $0.name.lowercased()) }
    let file = resolve(path.value, directory: directory)
    let signed = SnapshotReader.isSnapshot(path: file)
    let snapshot = fileFormat == .tqc || signed
    if let format, fileFormat != .tqc, signed {
      throw Diagnostic("\(path.value) is a tq snapshot, not \(format.name)", in: source, format.range,
                       hint: "drop the format, or write: format tqc")
    }
    var t = try readFile(file, shown: path.value, format: snapshot ? .tqc : fileFormat, source: source, range: path.range)
    if !snapshot {
      try applyRoles(&t, bundledFormat: false, format: format, bindings: roles, source: source)
    } else if !roles.isEmpty {
      try applyBindings(&t, roles, source: source)
      t.arrangeJourneys()
    }
    let tableName = name?.name ?? Self.tableName(fromPath: file)
    tables[tableName] = t
    Memory.returnFreePages()
    truths[tableName] = nil
    if current == nil { current = tableName }
    var msg = "loaded \(tableName): \(t.rowCount.grouped) rows, \(t.columns.count) columns"
    if let off = t.journeyOffsets { msg += ", \((off.count - 1).grouped) journeys" }
    if t.kind == .paths { msg += " (paths)" }
    emit(.status(msg))
  }

  /// Detects journey roles (or the columns of a path table) and applies `with` overrides.
  func applyRoles(_ t: inout Table, bundledFormat: Bool, format: Ident?, bindings: [RoleBinding], source: SourceFile) throws {
    let names = t.columnNames
    let wantsPaths = format?.name.lowercased() == "paths"
    let pathRoles = Role.detectPaths(in: names)
    if wantsPaths || (bundledFormat && pathRoles[.path] != nil && pathRoles[.conversion] != nil) {
      guard let pathCol = pathRoles[.path], t.column(pathCol)?.type == .string else {
        let found = pathRoles[.path].flatMap { c in t.column(c).map { "\"\(c)\" holds \($0.type.rawValue) values" } }
        throw Diagnostic("format paths needs a text column named \"path\"", in: source, format?.range ?? SourceRange(0, 0),
                         hint: found ?? Suggest.hint("path", in: names))
      }
      guard pathRoles[.conversion] != nil else {
        throw Diagnostic("format paths needs a conversions column (total_conversions or conversions)", in: source,
                         format?.range ?? SourceRange(0, 0))
      }
      t.kind = .paths
      t.roles = pathRoles
    } else {
      t.roles = Role.detect(in: names)
      // A column named like a time that holds no times (`time` = "morning") is not the time role.
      if let tc = t.column(for: .time), tc.type != .timestamp && tc.type != .date { t.roles[.time] = nil }
    }
    try applyBindings(&t, bindings, source: source)
    t.arrangeJourneys()
  }

  /// Applies `with role = column` overrides and checks that the time role holds times.
  func applyBindings(_ t: inout Table, _ bindings: [RoleBinding], source: SourceFile) throws {
    let names = t.columnNames
    for b in bindings {
      let roleNames = Role.allCases.map(\.rawValue)
      guard let role = Role(rawValue: b.role.name.lowercased()) else {
        throw Diagnostic("unknown role \"\(b.role.name)\"", in: source, b.role.range,
                         hint: Suggest.hint(b.role.name, in: roleNames) ?? "roles: \(roleNames.joined(separator: ", "))")
      }
      guard let i = t.columnIndex(b.column.name) else {
        throw Diagnostic("unknown column \"\(b.column.name)\"", in: source, b.column.range, hint: Suggest.hint(b.column.name, in: names))
      }
      t.roles[role] = t.columns[i].name
    }
    if let tc = t.column(for: .time), tc.type != .timestamp && tc.type != .date {
      throw Diagnostic("the time column \"\(tc.name)\" holds \(tc.type.rawValue) values, not timestamps", in: source,
                       bindings.first { $0.role.name.lowercased() == "time" }?.column.range ?? SourceRange(0, 0))
    }
  }

  /// The default table name for a file: its base name, made into an identifier.
  static func tableName(fromPath path: String) -> String {
    let base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    let cleaned = String(base.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
    return cleaned.first?.isNumber == true ? "t_" + cleaned : (cleaned.isEmpty ? "t" : cleaned)
  }
}
