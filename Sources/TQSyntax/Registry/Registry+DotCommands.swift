extension Registry {
  /// The dot commands (settings and session control; never part of a pipeline).
  static let dotCommands: [Entry] = [
    Entry(.dotCommand, ".help", syntax: ".help [pattern]", summary: "list dot commands", example: ".help mode"),
    Entry(.dotCommand, ".mode", syntax: ".mode table|csv|tsv|json|jsonl|markdown|line",
          summary: "how results are printed (no argument: show the current mode)", example: ".mode csv"),
    Entry(.dotCommand, ".timer", syntax: ".timer on|off", summary: "print the elapsed time after each result", example: ".timer on"),
    Entry(.dotCommand, ".maxrows", syntax: ".maxrows N", summary: "rows shown in table mode before eliding the middle",
          example: ".maxrows 20"),
    Entry(.dotCommand, ".lang", syntax: ".lang en|it|pl",
          summary: "the language of lessons, help and explain, remembered in ~/.tq (no argument: show it)",
          example: ".lang it"),
    Entry(.dotCommand, ".read", syntax: ".read FILE", summary: "run the statements of a file", example: ".read report.tq"),
    Entry(.dotCommand, ".history", syntax: ".history [N]",
          summary: "at the prompt: list the statements typed (the last N), kept in ~/.tq_history or $TQ_HISTORY",
          example: ".history 20"),
    Entry(.dotCommand, ".last", syntax: ".last", summary: "at the prompt: show the last result again, untruncated",
          example: ".last"),
    Entry(.dotCommand, ".exit", aliases: [".quit"], syntax: ".exit [CODE]", summary: "leave tq", example: ".exit"),
  ]
}
