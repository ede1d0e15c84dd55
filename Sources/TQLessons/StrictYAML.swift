import Foundation
import Yams

/// Decodes YAML into `Codable` types and rejects keys the types do not know.
///
/// `Codable` ignores unknown keys, so a misspelt key (`hint:` for `hints:`) would silently
/// drop content. After decoding, the value is encoded again and every key path of the input
/// must exist in that encoding: a key the type did not read is reported with its path and line.
enum StrictYAML {
  /// Decodes `text` (the contents of `file`) as a `T`, strictly.
  static func decode<T: Codable>(_ type: T.Type, from text: String, file: String) throws -> T {
    let value: T
    do {
      value = try YAMLDecoder().decode(T.self, from: text)
    } catch let e as DecodingError {
      throw LessonError(file: file, message: describe(e))
    } catch {
      throw LessonError(file: file, message: "not valid YAML: \(error)")
    }
    guard let input = try Yams.compose(yaml: text) else { return value }
    let known = try Yams.compose(yaml: YAMLEncoder().encode(value))
    if let problem = unknownKey(input, known, path: "") { throw LessonError(file: file, message: problem) }
    return value
  }

  /// The first key of `input` that `known` lacks, with its path and line.
  static func unknownKey(_ input: Node, _ known: Node?, path: String) -> String? {
    switch input {
    case .mapping(let m):
      let knownMap = known?.mapping
      for (k, v) in m {
        let key = k.string ?? "?"
        let sub = path.isEmpty ? key : "\(path).\(key)"
        if v.null != nil { continue }
        guard let kv = knownMap?[k] else {
          return "unknown key \"\(key)\"\(path.isEmpty ? "" : " in \(path)") (line \((k.mark?.line ?? 0)))"
        }
        if let p = unknownKey(v, kv, path: sub) { return p }
      }
    case .sequence(let s):
      let knownSeq = known?.sequence
      for (i, v) in s.enumerated() {
        let kv = knownSeq.flatMap { i < $0.count ? $0[i] : nil }
        if let p = unknownKey(v, kv, path: "\(path)[\(i)]") { return p }
      }
    default:
      break
    }
    return nil
  }

  /// A decoding error as one line: what is wrong and where.
  static func describe(_ e: DecodingError) -> String {
    /// A coding path as `steps[2].text`.
    func path(_ keys: [any CodingKey]) -> String {
      keys.reduce("") { acc, k in
        if let i = k.intValue { return acc + "[\(i)]" }
        return acc.isEmpty ? k.stringValue : acc + "." + k.stringValue
      }
    }
    switch e {
    case .keyNotFound(let key, let ctx):
      let at = path(ctx.codingPath)
      return "missing key \"\(key.stringValue)\"\(at.isEmpty ? "" : " in \(at)")"
    case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx), .dataCorrupted(let ctx):
      return "\(path(ctx.codingPath)): \(ctx.debugDescription)"
    @unknown default:
      return "\(e)"
    }
  }
}

/// A problem with a lesson file: which file, and what.
public struct LessonError: Error, Sendable, CustomStringConvertible {
  /// The file's name.
  public var file: String
  /// What is wrong.
  public var message: String

  /// Creates an error.
  public init(file: String, message: String) {
    self.file = file
    self.message = message
  }

  /// `file: message`.
  public var description: String { "\(file): \(message)" }
}
