/// A fixed piece of text of `help` and `explain` (a heading or a label), written in English
/// here and translated in `explain/help.<lang>.yaml` under `phrases`.
public enum Phrase: String, CaseIterable, Sendable {
  case intro, statements, verbs, functions, aggregates, models, dotCommands = "dot_commands", footer
  case syntax, example, also
  case statement, verb, function, aggregate, model, dotCommand = "dot_command", concept
  case related, topics, concepts, explainFooter = "explain_footer"

  /// The English text.
  public var english: String {
    switch self {
    case .intro: "tq: ask questions of customer touchpoints. A pipeline starts from a table and flows through verbs:"
    case .statements: "Statements"
    case .verbs: "Verbs"
    case .functions: "Functions"
    case .aggregates: "Aggregates"
    case .models: "Attribution models"
    case .dotCommands: "Dot commands"
    case .footer: "help <name> shows one entry with an example; explain <topic> explains a verb, model or concept."
    case .syntax: "syntax"
    case .example: "example"
    case .also: "also"
    case .statement: "statement"
    case .verb: "verb"
    case .function: "function"
    case .aggregate: "aggregate"
    case .model: "model"
    case .dotCommand: "dot command"
    case .concept: "concept"
    case .related: "See also"
    case .topics: "explain <topic> defines a verb, a model or a concept and runs an example on the shop data."
    case .concepts: "Concepts"
    case .explainFooter: "Examples run live on the bundled shop dataset."
    }
  }
}
