extension Registry {
  /// The statements.
  static let statements: [Entry] = [
    Entry(.statement, "load", syntax: "load \"file\" [as name] [format csv|tsv|jsonl|paths|tqc] [with role = column, …]",
          summary: "read a CSV, TSV or JSON Lines file (types and journey roles inferred) or reopen a .tqc snapshot",
          example: "load \"datasets/shop.csv\" as shop"),
    Entry(.statement, "use", syntax: "use name", summary: "make a table the default for pipelines that start with a verb",
          example: "use shop"),
    Entry(.statement, "tables", syntax: "tables", summary: "list loaded tables: rows, columns, memory",
          example: "tables"),
    Entry(.statement, "describe", syntax: "describe [name]",
          summary: "columns of a table: type, role, distinct and null counts, min and max", example: "describe shop"),
    Entry(.statement, "let", syntax: "let name = pipeline", summary: "keep a pipeline's result as a named table",
          example: "let social = shop | where source_group == \"social\""),
    Entry(.statement, "drop", syntax: "drop name, …", summary: "forget tables", example: "drop social"),
    Entry(.statement, "save", syntax: "save pipeline to \"file\" [format csv|tsv|json|jsonl|markdown|tqc]",
          summary: "write a result to a file, or a .tqc binary snapshot (format from the extension; written whole, then renamed into place)",
          example: "save shop | group channel to \"channels.csv\""),
    Entry(.statement, "run", syntax: "run \"script.tq\"", summary: "run a script's statements in this session",
          example: "run \"report.tq\""),
    Entry(.statement, "help", syntax: "help [topic]", summary: "list what tq understands, or describe one thing",
          example: "help where"),
    Entry(.statement, "generate", syntax: "generate journeys N [seed S] [effects [channel = p, …]] [as name]",
          summary: "make a synthetic touchpoint table of N customer journeys with known channel effects (deterministic per seed)",
          example: "generate journeys 1000 seed 7 effects [email = 0.05] as demo"),
    Entry(.statement, "explain", syntax: "explain VERB|MODEL|CONCEPT",
          summary: "what a verb, model or concept means, with a worked example on the shop data",
          example: "explain markov"),
  ] + lessonStatements

  /// The statements that drive lessons (`learn`); see Sources/TQEngine/Learn.
  static let lessonStatements: [Entry] = [
    Entry(.statement, "learn", syntax: "learn [N|name] · learn reset N|name",
          summary: "list the lessons with your progress, start or resume one, or forget its progress", example: "learn 1"),
    Entry(.statement, "next", syntax: "next", summary: "in a lesson: go on to the next step", example: "next"),
    Entry(.statement, "back", syntax: "back", summary: "in a lesson: show the previous step again", example: "back"),
    Entry(.statement, "hint", syntax: "hint", summary: "in a lesson: the next hint for this step", example: "hint"),
    Entry(.statement, "answer", syntax: "answer", summary: "in a lesson: show and run the reference answer, then go on",
          example: "answer"),
    Entry(.statement, "reply", syntax: "reply value", summary: "in a lesson: answer a question step with a number or a name",
          example: "reply 4.7"),
    Entry(.statement, "quit lesson", syntax: "quit lesson", summary: "leave the lesson (progress is kept)",
          example: "quit lesson"),
  ]
}
