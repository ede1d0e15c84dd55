import TQExecution
import TQGenerate
import TQStorage
import TQSyntax

extension Session {
  /// `generate journeys N [seed S] [effects [channel = p, …]] [as name]`: a synthetic touchpoint
  /// table with a known truth (the standard effects, with the listed channels' replaced).
  func generate(_ what: Ident, count: IntLiteral, seed: IntLiteral?, effects: [ChannelEffect], name: Ident?,
                source: SourceFile, emit: (Output) -> Void) throws
  {
    guard what.name.lowercased() == "journeys" else {
      throw Diagnostic("generate makes \"journeys\"", in: source, what.range, hint: Suggest.hint(what.name, in: ["journeys"]))
    }
    guard count.value > 0, count.value <= 50_000_000 else {
      throw Diagnostic("generate needs between 1 and 50,000,000 journeys", in: source, count.range)
    }
    guard (seed?.value ?? 0) >= 0 else { throw Diagnostic("seed needs a number of 0 or more", in: source, seed!.range) }
    let chosen = try Self.effects(effects, source: source)
    let g = JourneyGenerator(journeys: Int(count.value), seed: UInt64(seed?.value ?? 42), effects: chosen)
    let result = try g.generate(meter: meter)
    let tableName = name?.name ?? "journeys"
    tables[tableName] = result.table
    truths[tableName] = result.truth
    if current == nil || name == nil { current = tableName }
    emit(.status("generated \(tableName): \(result.table.rowCount.grouped) rows, \(Int(count.value).grouped) journeys"))
  }
}
