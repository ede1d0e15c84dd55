import Foundation
import TQIO
import TQSyntax

extension Session {
  /// `save pipeline to "file" [format f]`: written to a temp file and renamed into place.
  func save(_ p: Pipeline, to path: StringLiteral, format: Ident?, source: SourceFile, directory: String,
            emit: (Output) -> Void) throws
  {
    let formats = ["csv", "tsv", "json", "jsonl", "markdown", "tqc"]
    let fmt: FileFormat
    if let format {
      guard let f = FileFormat(rawValue: format.name.lowercased()), formats.contains(f.rawValue) else {
        throw Diagnostic("unknown format \"\(format.name)\"", in: source, format.range,
                         hint: Suggest.hint(format.name, in: formats) ?? "formats: \(formats.joined(separator: ", "))")
      }
      fmt = f
    } else {
      guard let f = FileWriter.format(forExtension: path.value) else {
        throw Diagnostic("cannot tell the format from the file name", in: source, path.range,
                         hint: "end it with .csv, .tsv, .json, .jsonl, .md or .tqc, or add: format csv")
      }
      fmt = f
    }
    let t = try evaluate(p, source: source)
    let file = resolve(path.value, directory: directory)
    meter.begin(total: 0, unit: .rows, label: "saving")  // coarse: elapsed time only
    defer { meter.end() }
    do throws(FileError) {
      try FileWriter.write(t, to: file, format: fmt)
    } catch {
      // Name the file as it was written (the carets point at it), not by its resolved path.
      throw Diagnostic(error.message.replacingOccurrences(of: file, with: path.value), in: source, path.range, hint: error.hint)
    }
    emit(.status("saved \(t.rowCount.grouped) rows to \(path.value)"))
  }
}
