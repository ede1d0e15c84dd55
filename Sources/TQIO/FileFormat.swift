/// The on-disk formats tq reads and writes.
///
/// `csv` and `tsv` are delimited text; `jsonl` is one JSON object per line; `json` is an
/// array of objects (the reader also accepts JSON Lines); `markdown` is write-only; `tqc` is
/// tq's binary columnar snapshot (docs/snapshot.md).
public enum FileFormat: String, Sendable, CaseIterable {
  case csv, tsv, jsonl, json, markdown, tqc
}
