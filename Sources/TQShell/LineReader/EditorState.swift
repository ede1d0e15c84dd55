import CLibEdit
import Foundation

/// What libedit's C callbacks reach through `EL_CLIENTDATA`: the prompt strings and the
/// completer (C function pointers cannot capture Swift state).
final class EditorState {
  /// The prompts as C strings that stay alive while libedit shows them.
  let prompts: [PromptKind: UnsafeMutablePointer<CChar>]
  /// The prompt shown now.
  var current: UnsafeMutablePointer<CChar>
  /// Completion of the text before the cursor on the current line.
  let complete: (String) -> Completion
  /// The descriptor libedit writes to (for the candidate listing).
  let outFD: Int32

  /// Creates the state; the prompts are coloured with `style`, the colour escapes bracketed
  /// by `\u{1}` for `EL_PROMPT_ESC` so that libedit does not count them as columns.
  init(style: Style, outFD: Int32, complete: @escaping (String) -> Completion) {
    var prompts: [PromptKind: UnsafeMutablePointer<CChar>] = [:]
    for kind in [PromptKind.main, .continuation] {
      let body = String(kind.text.dropLast())
      let text = style.enabled ? "\u{1}\u{1B}[1;32m\u{1}\(body)\u{1}\u{1B}[0m\u{1} " : kind.text
      prompts[kind] = strdup(text)!
    }
    self.prompts = prompts
    current = prompts[.main]!
    self.complete = complete
    self.outFD = outFD
  }

  /// Frees the prompt strings.
  deinit { prompts.values.forEach { free($0) } }

  /// Tab: completes the word before the cursor, listing the candidates when there are several.
  func tab(_ el: OpaquePointer) -> UInt8 {
    guard let info = el_line(el), let buffer = info.pointee.buffer, let cursor = info.pointee.cursor else {
      return UInt8(CC_ERROR)
    }
    let start = UnsafeRawPointer(buffer)
    let count = UnsafeRawPointer(cursor) - start  // bytes: libedit hands out the line as UTF-8
    let before = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let completion = complete(before)
    guard let edit = completion.edit else { return UInt8(CC_REFRESH_BEEP) }
    if !edit.delete.isEmpty { el_deletestr(el, Int32(edit.delete.unicodeScalars.count)) }
    if !edit.insert.isEmpty { _ = edit.insert.withCString { el_insertstr(el, $0) } }
    guard edit.list else { return UInt8(CC_REFRESH) }
    ShellIO.writeAll(outFD, "\n" + CandidateList.format(completion.candidates, width: ShellIO.terminalWidth(outFD)))
    return UInt8(CC_REDISPLAY)
  }
}
