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
    Entry(.statement, "generate", syntax: "generate journeys N [seed S] [as name]",
          summary: "make a synthetic touchpoint table of N customer journeys (deterministic per seed)",
          example: "generate journeys 1000 seed 7 as demo"),
  ]
}
