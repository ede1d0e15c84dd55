import Foundation

/// A course folder read from disk: `course.yaml`, the lesson files it lists, `messages.yaml`.
public struct LessonLibrary: Sendable {
  /// The folder.
  public var directory: String
  /// The course.
  public var course: Course
  /// The lessons, in course order.
  public var lessons: [Lesson]
  /// UI phrases by key.
  public var messages: [String: LocalizedText]

  /// Reads and strictly decodes a course folder; the first problem found is thrown.
  public static func load(directory: String) throws -> LessonLibrary {
    let course = try decode(Course.self, "course.yaml", in: directory)
    let lessons = try course.lessons.map { try decode(Lesson.self, $0, in: directory) }
    let messages = try decode([String: LocalizedText].self, "messages.yaml", in: directory)
    return LessonLibrary(directory: directory, course: course, lessons: lessons, messages: messages)
  }

  /// Decodes one file of the folder.
  static func decode<T: Codable>(_ type: T.Type, _ name: String, in directory: String) throws -> T {
    let path = directory + "/" + name
    guard let data = FileManager.default.contents(atPath: path) else {
      throw LessonError(file: name, message: "cannot read \(path)")
    }
    guard let text = String(validating: data, as: UTF8.self) else { throw LessonError(file: name, message: "not UTF-8 text") }
    return try StrictYAML.decode(type, from: text, file: name)
  }

  /// The lesson `learn <which>` means: a 1-based number in course order, or an id.
  public func lesson(_ which: String) -> (index: Int, lesson: Lesson)? {
    if let n = Int(which), lessons.indices.contains(n - 1) { return (n - 1, lessons[n - 1]) }
    return lessons.firstIndex { $0.id == which.lowercased() }.map { ($0, lessons[$0]) }
  }

  /// A UI phrase in `language` with its `{placeholders}` filled from `values`.
  public func message(_ key: String, _ language: String, _ values: [String: String] = [:]) -> String {
    guard let text = messages[key] else { return key }
    return Template.fill(text[language]) { values[$0.name] }
  }
}
