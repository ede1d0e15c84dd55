import Foundation

/// The statements typed at the prompt: the list `.history` shows and Up/Down recall,
/// backed by the history file.
///
/// Each statement is one entry (a multi-line statement too), adjacent duplicates are
/// dropped, and every entry is appended to the file at once, so a killed session loses
/// nothing. The file is trimmed to `limit` entries at start and whenever it has grown
/// `slack` entries past it. File problems are reported once, and the shell goes on.
public final class ShellHistory {
  /// The entries, oldest first (at most `limit`).
  public private(set) var entries: [String] = []
  /// How many entries are kept.
  public let limit: Int
  /// The file, if any.
  public let file: HistoryFile?
  /// Called with each new entry (the line editor's own list).
  public var onAdd: ((String) -> Void)?
  /// Reports a problem with the file (once per kind of operation).
  let warn: (String) -> Void
  /// Lines in the file, as far as this session knows.
  var fileLines = 0
  /// Whether a write problem was already reported.
  var warnedWrite = false

  /// Loads the file (trimming it when it is over `limit`); problems go to `warn`.
  public init(file: HistoryFile?, limit: Int = 1000, warn: @escaping (String) -> Void = { _ in }) {
    self.file = file
    self.limit = max(1, limit)
    self.warn = warn
    guard let file else { return }
    file.removeStaleTempFiles()
    do {
      let lines = try file.readLines()
      fileLines = lines.count
      let decoded = lines.suffix(self.limit).map { HistoryCoding.decode($0) }
      entries = decoded.compactMap { $0 }
      let skipped = decoded.count - entries.count
      if skipped > 0 { warn("history: skipped \(skipped) unreadable entr\(skipped == 1 ? "y" : "ies") in \(file.path)") }
      if fileLines > self.limit { trimFile() }
    } catch {
      warn("history: \(error)")
    }
  }

  /// Adds a statement unless it repeats the last one; appends it to the file.
  public func add(_ entry: String) {
    guard !entry.isEmpty, entry != entries.last else { return }
    entries.append(entry)
    if entries.count > limit { entries.removeFirst(entries.count - limit) }
    onAdd?(entry)
    guard let file else { return }
    do {
      try file.append(entry)
      fileLines += 1
      if fileLines > limit + slack { trimFile() }
    } catch {
      if !warnedWrite { warn("history: \(error)") }
      warnedWrite = true
    }
  }

  /// How far the file may grow past `limit` before it is rewritten.
  var slack: Int { max(16, limit / 10) }

  /// Rewrites the file to its last `limit` lines.
  func trimFile() {
    do {
      try file?.trim(keeping: limit)
      fileLines = min(fileLines, limit)
    } catch {
      warn("history: \(error)")
    }
  }

  /// The entry for a statement typed on several lines: joined with spaces (every line
  /// break inside a statement is a continuation, so this reads the same), or kept with its
  /// line breaks when a line holds a `#` that would swallow the lines after it.
  public static func entry(joining lines: [String]) -> String {
    let trimmed = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    if trimmed.dropLast().contains(where: { $0.contains("#") }) { return lines.joined(separator: "\n") }
    return trimmed.joined(separator: " ")
  }

  /// The history file: `$TQ_HISTORY` (empty: none), else `~/.tq_history`.
  public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    if let p = environment["TQ_HISTORY"] { return p.isEmpty ? nil : p }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return (home.hasSuffix("/") ? home : home + "/") + ".tq_history"
  }

  /// The number of entries kept: `$TQ_HISTSIZE` when it is a positive number, else 1000.
  public static func defaultLimit(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
    environment["TQ_HISTSIZE"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? 1000
  }
}
