import TQIO
import TQSyntax

/// The dot commands every input source understands (`.mode`, `.timer`, `.maxrows`, `.read`,
/// `.exit`, `.help`, `.lang`); the interactive shell adds its own before these.
enum DotCommands {
  /// `.lang [en|it|pl]`: shows or sets the language, remembered in the user's tq folder.
  static func setLanguage(_ a: StringLiteral?, session: Session, source: SourceFile, emit: (Output) -> Void) throws {
    guard let a else {
      return emit(.text("lang: \(session.settings.language.rawValue) (\(session.settings.language.name))\n"))
    }
    let codes = Language.allCases.map(\.rawValue)
    guard let lang = Language(rawValue: a.value.lowercased()) else {
      throw Diagnostic("unknown language \"\(a.value)\"", in: source, a.range,
                       hint: Suggest.hint(a.value, in: codes) ?? "languages: \(codes.joined(separator: ", "))")
    }
    session.settings.language = lang
    do throws(FileError) {
      try session.home?.setPreference("lang", lang.rawValue)
    } catch {
      emit(.status("warning: the language is set for this session only: \(error.message)"))
    }
    emit(.status("lang: \(lang.rawValue) (\(lang.name))"))
  }

  /// Runs one dot command; an error about an argument points at that argument.
  static func run(_ name: Ident, _ args: [StringLiteral], session: Session, source: SourceFile, directory: String,
                  emit: (Output) -> Void) throws
  {
    let cmd = name.name.lowercased()
    switch cmd {
    case ".mode":
      guard let a = args.first else { return emit(.text("mode: \(session.settings.mode.rawValue)\n")) }
      guard let m = OutputMode(rawValue: a.value.lowercased()) else {
        throw Diagnostic("unknown mode \"\(a.value)\"", in: source, a.range,
                         hint: Suggest.hint(a.value, in: OutputMode.allCases.map(\.rawValue)) ?? "modes: \(OutputMode.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      session.settings.mode = m
    case ".timer":
      guard let a = args.first else { return emit(.text("timer: \(session.settings.timer ? "on" : "off")\n")) }
      guard a.value == "on" || a.value == "off" else { throw Diagnostic(".timer takes on or off", in: source, a.range) }
      session.settings.timer = a.value == "on"
    case ".maxrows":
      guard let a = args.first else { return emit(.text("maxrows: \(session.settings.maxRows)\n")) }
      guard let n = Int(a.value), n > 0 else { throw Diagnostic(".maxrows takes a positive number", in: source, a.range) }
      session.settings.maxRows = n
    case ".lang":
      try setLanguage(args.first, session: session, source: source, emit: emit)
    case ".read":
      guard let a = args.first else { throw Diagnostic(".read needs a file name", in: source, name.range) }
      try session.runScript(a.value, range: a.range, source: source, directory: directory, emit: emit)
    case ".history", ".last":
      throw Diagnostic("\(cmd) works at the interactive prompt only", in: source, name.range)
    case ".exit", ".quit":
      guard let a = args.first else { return emit(.exit(0)) }
      guard let code = Int32(a.value) else { throw Diagnostic(".exit takes a number", in: source, a.range) }
      emit(.exit(code))
    case ".help":
      let entries = Registry.entries(.dotCommand).filter { args.isEmpty || $0.name.contains(args[0].value) || $0.summary.contains(args[0].value) }
      emit(.text(entries.map { "\($0.syntax)\n    \($0.summary)" }.joined(separator: "\n") + "\n"))
    default:
      throw Diagnostic("unknown command \"\(name.name)\"", in: source, name.range,
                       hint: Suggest.hint(cmd, in: Registry.names(.dotCommand)) ?? "type .help for the list")
    }
  }
}
