import Foundation
import TQEngine
import TQShell
import TQSyntax
import Testing

/// Tab completion by context, from the registry and the session.
@Suite("Completion")
struct CompletionTests {
  /// A session on the bundled datasets.
  let session = Session(datasets: bundledDatasets)

  /// The candidates' texts for the text before the cursor.
  func texts(_ text: String, directory: String? = nil) -> [String] {
    Completer(session: session, directory: directory, home: "/nonexistent").complete(text).texts
  }

  /// After `|`: the verbs.
  @Test func verbsAfterAPipe() {
    #expect(texts("shop | wh") == ["where"])
    #expect(Set(texts("shop | ")) == Set(Registry.names(.verb)))
    #expect(texts("shop |\n  so") == ["sort"])
    let edit = Completer(session: session).complete("shop | whe").edit
    #expect(edit == Completion.Edit(delete: "whe", insert: "where ", list: false))
  }

  /// At the start: statements, verbs (on the table in use) and tables.
  @Test func aStatementStartsWithAStatementAVerbOrATable() {
    #expect(texts("sh") == ["shop"])
    #expect(texts("lo") == ["load"])
    let all = Set(texts(""))
    #expect(all.isSuperset(of: ["load", "use", "where", "group", "shop", "ca_paths"]))
    #expect(!all.contains("channel"))
  }

  /// After a verb: the columns of the pipeline's table (or of the table in use).
  @Test func columnsOfTheTableInScope() {
    #expect(texts("shop | where chan") == ["channel"])
    #expect(texts("shop | where channel == \"email\" | group dev") == ["device"])
    #expect(texts("shop |\n  where chan") == ["channel"])
    #expect(texts("ca_paths | where tot").allSatisfy { $0.hasPrefix("total_") })
    #expect(!texts("ca_paths | where tot").isEmpty)
    #expect(texts("where chan") == ["channel"])  // a pipeline on the table in use
    #expect(texts("let x = shop | sort -rev") == ["revenue"])
  }

  /// Columns defined by `name =` or joined earlier in the pipeline count too.
  @Test func columnsDefinedOrJoinedEarlier() {
    #expect(texts("shop | derive paid = medium == \"cpc\" | where pai") == ["paid"])
    #expect(texts("shop | join ca_paths on path | select total_c").contains("total_conversions"))
  }

  /// Tables after `use`, `describe`, `drop`, `join`, `let … =`.
  @Test func tablesWhereATableIsExpected() {
    #expect(texts("use ").contains("shop"))
    #expect(texts("describe ca") == ["ca_paths"])
    #expect(texts("drop shop, ca") == ["ca_paths"])
    #expect(texts("shop | join ca") == ["ca_paths"])
    #expect(texts("shop | left join ca") == ["ca_paths"])
    #expect(texts("let x = sh") == ["shop"])
    _ = try? session.collect("let social = shop | take 1")
    #expect(texts("use so") == ["social"])
  }

  /// Functions complete with `(`; aggregates only inside `group`.
  @Test func functionsAndAggregates() {
    #expect(texts("shop | select lo") == ["lower"])
    let edit = Completer(session: session).complete("shop | select low").edit
    #expect(edit?.insert == "lower(")
    #expect(texts("shop | where su").isEmpty)
    #expect(texts("shop | group channel agg n = su") == ["sum"])
    #expect(texts("shop | group channel agg n = cou") == ["count"])
  }

  /// Keywords and their choices come from the registry's syntax lines.
  @Test func keywordsFromTheRegistrySyntax() {
    #expect(texts("shop | group channel a").contains("agg"))
    #expect(Set(texts("load \"x.csv\" format ")) == ["csv", "tsv", "jsonl", "paths", "tqc"])
    #expect(texts("load \"x.csv\" with ti") == ["time"])
    #expect(Set(texts("save shop to \"x\" format j")) == ["json", "jsonl"])
    #expect(!texts("shop | group channel t").contains("to"))  // `to` belongs to save
    #expect(texts("save shop | group channel t").contains("to"))
    #expect(texts("help whe") == ["where"])
  }

  /// Models after `attribute` and in `attribute compare` lists.
  @Test(.enabled(if: Registry.lookup("attribute", kind: .verb) != nil))
  func modelsAfterAttribute() {
    let models = Set(Registry.names(.model))
    #expect(Set(texts("shop | attribute ")) == models.union(["compare"]))
    #expect(Set(texts("shop | attribute compare first, ")) == models)
  }

  /// explain's topics after `explain`.
  @Test func topicsAfterExplain() {
    #expect(texts("explain tou") == ["touchpoint"])
    #expect(texts("explain mark") == ["markov"])
    #expect(texts("expl") == ["explain"])
  }

  /// Dot commands (engine and shell) and the choices of their argument.
  @Test func dotCommandsAndTheirChoices() {
    #expect(texts(".ti") == [".timer"])
    #expect(texts(".h") == [".help", ".history"])
    #expect(Completer(session: session).complete(".h").edit == Completion.Edit(delete: "", insert: "", list: true))
    #expect(texts(".la") == [".lang", ".last"])
    #expect(texts(".mode cs") == ["csv"])
    #expect(texts(".timer ") == ["off", "on"])
    #expect(texts(".maxrows ").isEmpty)
  }

  /// File names inside quotes after `load`, `run`, `save … to`, and after `.read`.
  @Test func filePathsInsideQuotes() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
    for f in ["data/sample.csv", "data/sales.tsv", "notes.txt", ".hidden"] {
      try "a\n".write(to: dir.appendingPathComponent(f), atomically: true, encoding: .utf8)
    }
    let completer = Completer(session: session, directory: dir.path)
    #expect(completer.complete("load \"da").edit?.insert == "data/")
    #expect(completer.complete("load \"data/samp").edit?.insert == "sample.csv\"")
    #expect(completer.complete("load 'data/samp").edit?.insert == "sample.csv'")
    #expect(completer.complete("load \"data/sa").texts == ["sales.tsv", "sample.csv"])
    #expect(completer.complete("load \"").texts == ["data", "notes.txt"])
    #expect(completer.complete("load \".h").texts == [".hidden"])
    #expect(completer.complete("run \"no").texts == ["notes.txt"])
    #expect(completer.complete("save shop | take 1 to \"da").texts == ["data"])
    #expect(completer.complete(".read da").edit?.insert == "data/")
    #expect(completer.complete(".read data/samp").edit?.insert == "sample.csv ")
    #expect(completer.complete(".read \"data/samp").edit?.insert == "sample.csv\"")
    #expect(completer.complete("load \"\(dir.path)/no").texts == ["notes.txt"])
    #expect(completer.complete("shop | where channel == \"da").texts.isEmpty)
    #expect(completer.complete("load \"data/sample.csv\"").texts.isEmpty)
  }

  /// Nothing completes inside a comment.
  @Test func nothingInsideAComment() {
    #expect(texts("shop | # wh").isEmpty)
  }

  /// A word typed in another case is replaced by the candidate.
  @Test func caseInsensitiveMatchReplacesTheWord() {
    let edit = Completer(session: session).complete("shop | WHE").edit
    #expect(edit == Completion.Edit(delete: "WHE", insert: "where ", list: false))
  }

  /// Names with non-ASCII letters complete whole.
  @Test func utf8Words() {
    _ = try? session.collect("let città = shop | take 1")
    #expect(texts("use cit") == ["città"])
    let edit = Completer(session: session).complete("use cit").edit
    #expect(edit?.insert == "città ")
  }
}
