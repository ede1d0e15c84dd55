import Foundation
import TQEngine
import TQLessons
import TQStorage

/// The repository root, found from this file.
let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
/// The bundled datasets.
let bundledDatasets = Datasets(directory: repoRoot.appendingPathComponent("datasets").path)
/// The course folder.
let lessonsFolder = repoRoot.appendingPathComponent("lessons").path

/// The course, loaded once (strict decoding).
let course: LessonLibrary = {
  do { return try LessonLibrary.load(directory: lessonsFolder) } catch { fatalError("lessons do not load: \(error)") }
}()

/// A fresh temporary folder, used as the user's tq home (never the real ~/.tq).
func tempHome() -> UserHome {
  let d = FileManager.default.temporaryDirectory.appendingPathComponent("tq-learn-\(UUID().uuidString)")
  try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
  return UserHome(directory: d.path)
}

/// Where the flow tests' lesson queries run: one scratch session shared by the (serialized)
/// `LearnFlowTests`, so the bundled dataset is read once; `LessonData` is not thread-safe, so
/// other suites use their own.
let flowData = LessonData(datasets: bundledDatasets)

/// A session over the bundled data and course, with its own temporary home.
func lessonSession(home: UserHome = tempHome()) -> Session {
  let s = Session(datasets: bundledDatasets, home: home)
  s.learn.directory = lessonsFolder
  s.learn.data["shop"] = flowData
  s.settings.language = .en
  return s
}

/// Everything a session prints for `text`, tables as their row counts.
func transcript(_ s: Session, _ text: String) throws -> String {
  try s.collect(text).map { out -> String in
    switch out {
    case .text(let t): return t
    case .status(let t): return "status: \(t)\n"
    case .table(let t): return "[table \(t.rowCount) rows]\n"
    default: return ""
    }
  }.joined()
}

/// A scratch place for lesson queries on a second dataset: `shop` generated with seed 7.
let secondData: LessonData = {
  let s = Session(datasets: bundledDatasets)
  do { _ = try s.collect("generate journeys 8000 seed 7 as shop") } catch { fatalError("cannot generate: \(error)") }
  return LessonData(session: s)
}()

/// The bundled data as lessons see it.
let bundledData = LessonData(datasets: bundledDatasets)

/// The plain text of a value, as `reply` takes it.
enum ValueFormatForTests {
  /// A value's text.
  static func plain(_ v: TQStorage.Value) -> String {
    switch v {
    case .string(let s): return s
    default: return "\(v)"
    }
  }
}
