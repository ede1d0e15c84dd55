import Foundation
import TQEngine
import TQSyntax

/// A minimal line-by-line prompt (the libedit shell replaces it): reads statements,
/// continues lines that end with `|`, `,` or an open bracket, and keeps the session on errors.
struct PlainPrompt {
  let session: Session
  let console: Console

  /// Runs until end of input or `.exit`; returns the exit status.
  func run() -> Int32 {
    console.error("tq — touchpoint workbench. \(session.current.map { "Using \($0)." } ?? "") Type help, .help, or .exit.")
    var pending = ""
    while true {
      console.out(pending.isEmpty ? "tq> " : "..> ")
      guard let line = readLine() else {
        console.out("\n")
        return 0
      }
      pending += (pending.isEmpty ? "" : "\n") + line
      if Self.continues(pending) { continue }
      let text = pending
      pending = ""
      if text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
      var exitCode: Int32?
      do {
        try session.run(SourceFile(name: "tq", text: text)) { o in
          if exitCode == nil { exitCode = console.show(o, session: session, started: .now()) }
        }
      } catch {
        console.error(String(describing: error))
      }
      if let exitCode { return exitCode }
    }
  }

  /// Whether a statement goes on past this line.
  static func continues(_ text: String) -> Bool {
    let t = text.trimmingCharacters(in: .whitespaces)
    if t.hasPrefix(".") { return false }
    var depth = 0
    var inString: Character?
    for ch in t {
      if let q = inString { if ch == q { inString = nil }; continue }
      switch ch {
      case "\"", "'": inString = ch
      case "(", "[": depth += 1
      case ")", "]": depth -= 1
      default: break
      }
    }
    return depth > 0 || t.hasSuffix("|") || t.hasSuffix(",")
  }
}
