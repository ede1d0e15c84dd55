import Foundation
import TQExecution
import TQGenerate
import TQIO
import TQStorage
import TQSyntax

/// One tq session: the loaded tables, the table in use, and the settings.
///
/// This is the one API the command-line tool, the shell and the tests use. `run` parses a
/// source (a script, a `-c` argument, a statement typed at the prompt), runs its statements
/// in order, and reports what they produce through `emit`. A failing statement throws its
/// diagnostics; the tables loaded before it stay as they were.
public final class Session: @unchecked Sendable {
  /// Loaded tables by name.
  public internal(set) var tables: [String: Table] = [:]
  /// The known truth of generated tables (true channel effects), by table name.
  public internal(set) var truths: [String: GroundTruth] = [:]
  /// The table that pipelines starting with a verb read.
  public internal(set) var current: String?
  /// Output and display settings.
  public var settings = Settings()
  /// The bundled datasets, known by name.
  public let datasets: Datasets
  /// The user's tq folder (preferences, lesson progress); nil keeps them in memory only.
  public let home: UserHome?
  /// Progress and Ctrl-C for long work: the shell draws its bar and sets its cancel check.
  public let meter = WorkMeter()
  /// Polled by long work; the shell sets it to read its Ctrl-C flag.
  public var isCancelled: @Sendable () -> Bool {
    get { { [meter] in meter.isCancelled() } }
    set { meter.setCancelCheck(newValue) }
  }
  /// The texts of `explain` and the translations of `help` (the `explain/` folder).
  public lazy var library = TextLibrary.locate()
  /// A session of its own in which `explain` runs its examples on the bundled data.
  lazy var exampleSession = Session(datasets: datasets)
  /// Lessons: the course folder, the active lesson and the student's progress.
  public let learn = LearnContext()
  /// How deep `run` / `.read` may nest.
  static let maxNesting = 25
  var nesting = 0

  /// Creates a session; the main bundled dataset (`shop`) is in use, loaded on first use.
  /// With a `home`, the language and lesson progress are read from and saved there.
  public init(datasets: Datasets = .locate(), home: UserHome? = nil) {
    self.datasets = datasets
    self.home = home
    current = datasets.names.contains(Datasets.main) ? Datasets.main : nil
    settings.language = home?.preferences()["lang"].flatMap(Language.init(rawValue:)) ?? Language.fromEnvironment()
  }

  /// Runs every statement of `source`; relative file names resolve against `directory`.
  ///
  /// Throws `DiagnosticList` for a statement that fails and `Interrupted` when
  /// `isCancelled` turned true during long work; either way the statements before it
  /// have taken effect and the failing one has changed nothing.
  public func run(_ source: SourceFile, directory: String? = nil, emit: (Output) -> Void) throws {
    let (script, diagnostics) = Parser.parse(source)
    if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
    let dir = directory ?? FileManager.default.currentDirectoryPath
    for statement in script.statements {
      do {
        let started = DispatchTime.now().uptimeNanoseconds
        try execute(statement, source: source, directory: dir, emit: emit)
        if settings.timer, !statement.isDotCommand {
          emit(.timing(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9))
        }
      } catch let e as Diagnostic {
        throw DiagnosticList([e])
      } catch let e as ExecutionError {
        throw DiagnosticList([Diagnostic(e.message, in: source, statement.range)])
      }
    }
  }

  /// Runs a string as if typed at the prompt (source name `tq`).
  public func run(_ text: String, name: String = "tq", emit: (Output) -> Void) throws {
    try run(SourceFile(name: name, text: text), emit: emit)
  }

  /// Runs statements and collects their outputs (tests and tools).
  public func collect(_ text: String, name: String = "tq") throws -> [Output] {
    var out: [Output] = []
    try run(text, name: name) { out.append($0) }
    return out
  }
}

/// What a statement produces.
public enum Output: Sendable {
  /// A result table (stdout, in the session's mode).
  case table(Table)
  /// Text that is a result (help): stdout.
  case text(String)
  /// A note about what happened (`loaded shop: …`): stderr, only on a terminal in scripts.
  case status(String)
  /// Seconds a statement took (when `.timer on`): stderr.
  case timing(Double)
  /// `.exit N`: stop with this status.
  case exit(Int32)
}

extension Output {
  /// How `.timer on` shows a duration: `Run Time: 2.941 ms` under a second, else `Run Time: 1.234 s`.
  public static func runTimeText(_ seconds: Double) -> String {
    seconds < 1 ? String(format: "Run Time: %.3f ms", seconds * 1000) : String(format: "Run Time: %.3f s", seconds)
  }
}

/// Output and display settings changed by dot commands.
public struct Settings: Sendable {
  /// How results are printed.
  public var mode: OutputMode = .table
  /// Rows shown in table mode before the middle is elided.
  public var maxRows: Int = 40
  /// Print elapsed time after each result.
  public var timer = false
  /// The language of lessons, `help` and `explain` (`.lang`).
  public var language: Language = .en
  /// Creates default settings.
  public init() {}
}

extension Statement {
  /// Whether this is a dot command (not timed).
  var isDotCommand: Bool {
    if case .dotCommand = kind { return true }
    return false
  }
}
