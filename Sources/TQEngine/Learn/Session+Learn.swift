import TQIO
import TQLessons
import TQSyntax

extension Session {
  /// Runs a lesson statement (one file per statement beside this one).
  func runLesson(_ command: LessonCommand, source: SourceFile, range: SourceRange, emit: (Output) -> Void) throws {
    let library = try lessonLibrary(source: source, range: range)
    switch command {
    case .list: learnList(library, emit: emit)
    case .start(let which): try learnStart(which, library, source: source, emit: emit)
    case .reset(let which): try learnReset(which, library, source: source, emit: emit)
    case .next: try learnNext(library, emit: emit)
    case .back: try learnBack(library, emit: emit)
    case .hint: learnHint(library, emit: emit)
    case .answer: try learnAnswer(library, emit: emit)
    case .reply(let text): try learnReply(text.value, library, emit: emit)
    case .quit: learnQuit(library, emit: emit)
    }
  }

  /// The course, read from its folder on first use; a broken course is an error at the statement.
  func lessonLibrary(source: SourceFile, range: SourceRange) throws -> LessonLibrary {
    if let l = learn.library { return l }
    guard let dir = learn.courseDirectory() else {
      throw Diagnostic("no lessons found", in: source, range, hint: "set TQ_LESSONS to the lessons/ folder")
    }
    do {
      let l = try LessonLibrary.load(directory: dir)
      learn.library = l
      return l
    } catch let e as LessonError {
      throw Diagnostic("lesson file \(e.description)", in: source, range)
    }
  }

  /// The language code lessons speak now.
  var lessonLanguage: String { settings.language.rawValue }

  /// Emits a UI phrase of the course as a line of text.
  func say(_ library: LessonLibrary, _ key: String, _ values: [String: String] = [:], emit: (Output) -> Void) {
    emit(.text(library.message(key, lessonLanguage, values) + "\n"))
  }

  /// Where `lesson`'s queries run (a scratch session over its dataset, made once).
  func lessonData(_ lesson: Lesson) -> LessonData {
    if let d = learn.data[lesson.dataset] { return d }
    let d = LessonData(datasets: datasets)
    learn.data[lesson.dataset] = d
    return d
  }

  /// The student's progress, read from the user's folder on first use.
  var lessonProgress: LearnProgress {
    get {
      if let p = learn.progress { return p }
      let p = home?.read("learn.json").flatMap(LearnProgress.decode) ?? LearnProgress()
      learn.progress = p
      return p
    }
    set { learn.progress = newValue }
  }

  /// Changes one lesson's progress and saves the record (a failed save is a warning).
  func updateProgress(_ lesson: Lesson, emit: (Output) -> Void, _ change: (inout LessonProgress) -> Void) {
    var all = lessonProgress
    var p = all.lessons[lesson.id] ?? LessonProgress(lesson: lesson)
    change(&p)
    all.lessons[lesson.id] = p
    storeProgress(all, emit: emit)
  }

  /// Keeps the progress record and writes it atomically to the user's folder.
  func storeProgress(_ all: LearnProgress, emit: (Output) -> Void) {
    lessonProgress = all
    do throws(FileError) {
      try home?.write("learn.json", all.encoded())
    } catch {
      emit(.status("warning: lesson progress is kept for this session only: \(error.message)"))
    }
  }
}
