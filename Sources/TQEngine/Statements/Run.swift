import Foundation
import TQSyntax

extension Session {
  /// `run "script.tq"` and `.read FILE`: the script's statements, its relative names against its folder.
  func runScript(_ path: String, range: SourceRange, source: SourceFile, directory: String, emit: (Output) -> Void) throws {
    let file = resolve(path, directory: directory)
    guard nesting < Self.maxNesting else {
      throw Diagnostic("scripts nest more than \(Self.maxNesting) deep", in: source, range)
    }
    guard let data = FileManager.default.contents(atPath: file) else {
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory)
      throw Diagnostic("cannot read script \"\(path)\"", in: source, range,
                       hint: !exists ? "no such file" : isDirectory.boolValue ? "it is a directory, not a file" : nil)
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      throw Diagnostic("script \"\(path)\" is not UTF-8 text", in: source, range)
    }
    nesting += 1
    defer { nesting -= 1 }
    try run(SourceFile(name: path, text: text), directory: URL(fileURLWithPath: file).deletingLastPathComponent().path, emit: emit)
  }
}
