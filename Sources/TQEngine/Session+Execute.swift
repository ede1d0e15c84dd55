import Foundation
import TQExecution
import TQIO
import TQStorage
import TQSyntax

extension Session {
  /// Runs one statement.
  func execute(_ s: Statement, source: SourceFile, directory: String, emit: (Output) -> Void) throws {
    switch s.kind {
    case .query(let p):
      let result = try evaluate(p, source: source)
      emit(.table(result))
      try observeLessonQuery(result, text: source.slice(s.range.start, s.range.end), emit: emit)
    case .lesson(let command):
      try runLesson(command, source: source, range: s.range, emit: emit)
    case .load(let path, let name, let format, let roles):
      try load(path, name: name, format: format, roles: roles, source: source, directory: directory, emit: emit)
    case .use(let name):
      _ = try table(named: name, source: source)
      current = name.name
      emit(.status("using \(name.name)"))
    case .tables:
      emit(.table(tablesListing()))
    case .describe(let name):
      let n = try name ?? Ident(currentTableName(s.range, source: source), s.range)
      emit(.table(try describe(try table(named: n, source: source))))
    case .let_(let name, let p):
      var t = try evaluate(p, source: source)
      t.markJourneysIfOrdered()
      tables[name.name] = t
      truths[name.name] = nil
      emit(.status("\(name.name): \(t.rowCount.grouped) rows"))
    case .drop(let names):
      for n in names where tables[n.name] == nil {
        throw Diagnostic("unknown table \"\(n.name)\"", in: source, n.range, hint: Suggest.hint(n.name, in: Array(tables.keys)))
      }
      for n in names {
        tables[n.name] = nil
        truths[n.name] = nil
        if current == n.name && datasets.path(of: n.name) == nil { current = nil }
      }
    case .save(let p, let path, let format):
      try save(p, to: path, format: format, source: source, directory: directory, emit: emit)
    case .run(let path):
      try runScript(path.value, range: path.range, source: source, directory: directory, emit: emit)
    case .help(let topic):
      emit(.text(try Help.text(topic, source: source, texts: texts(for: settings.language))))
    case .generate(let what, let count, let seed, let effects, let name):
      try generate(what, count: count, seed: seed, effects: effects, name: name, source: source, emit: emit)
    case .explain(let topic):
      try explain(topic, source: source, emit: emit)
    case .dotCommand(let name, let args):
      try DotCommands.run(name, args, session: self, source: source, directory: directory, emit: emit)
    }
  }

  /// Runs a pipeline and returns its result.
  func evaluate(_ p: Pipeline, source: SourceFile) throws -> Table {
    let name: Ident
    if let s = p.source { name = s } else { name = Ident(try currentTableName(p.range, source: source), p.range) }
    _ = try table(named: name, source: source)
    for stage in p.stages {
      if case .join(let t, _, _) = stage.kind { _ = try table(named: t, source: source) }
    }
    var binder = Binder(source: source, tables: tables)
    binder.truths = truths.mapValues(\.expectedIncrementalConversions)
    let (plan, schema) = try binder.bind(p, sourceTable: name.name)
    // Coarse progress (elapsed time only); a step that meters itself shows its own piece inside it.
    meter.begin(total: 0, unit: .rows, label: "running")
    defer { meter.end() }
    return try Executor(tables: tables, isCancelled: isCancelled).run(plan, schema: schema)
  }

  /// The table in use, or an error saying how to pick one.
  func currentTableName(_ range: SourceRange, source: SourceFile) throws -> String {
    guard let current else {
      throw Diagnostic("no table in use", in: source, range, hint: "load one, or write: use <table>")
    }
    return current
  }

  /// A loaded table, loading a bundled dataset of that name on first use.
  @discardableResult
  func table(named name: Ident, source: SourceFile) throws -> Table {
    if let t = tables[name.name] { return t }
    if let path = datasets.path(of: name.name) {
      var t = try readFile(path, shown: path, format: nil, source: source, range: name.range)
      try applyRoles(&t, bundledFormat: true, format: nil, bindings: [], source: source)
      tables[name.name] = t
      return t
    }
    let known = Array(Set(tables.keys).union(datasets.names)).sorted()
    throw Diagnostic("unknown table \"\(name.name)\"", in: source, name.range, hint: Suggest.hint(name.name, in: known))
  }

  /// Reads a data file, turning file errors into diagnostics.
  /// Errors name the file as the user wrote it (`shown`).
  func readFile(_ path: String, shown: String, format: FileFormat?, source: SourceFile, range: SourceRange) throws -> Table {
    do throws(FileError) {
      return try TableReader.read(path: path, format: format, meter: meter)
    } catch {
      if error.isInterrupted { throw Interrupted() }
      if error.line == 0 { throw Diagnostic("\(shown): \(error.message)", in: source, range, hint: error.hint) }
      throw Diagnostic(error.message, at: .file(path: shown, line: error.line, field: error.field), hint: error.hint)
    }
  }

  /// Resolves a file name against the directory of the running script (or the current one).
  func resolve(_ path: String, directory: String) -> String {
    if path.hasPrefix("/") { return path }
    if path.hasPrefix("~/") { return NSHomeDirectory() + String(path.dropFirst(1)) }
    return URL(fileURLWithPath: directory).appendingPathComponent(path).standardizedFileURL.path
  }
}

extension Int {
  /// `12,345`.
  var grouped: String { ValueFormat.pretty(.int(Int64(self)), type: .int) }
}
