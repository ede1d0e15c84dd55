import TQStorage

/// Writes tables as `.tqc` snapshots (docs/snapshot.md), atomically: a temporary file that
/// is `fsync`ed and renamed over the target, so a failed write leaves the old file intact.
public enum SnapshotWriter {
  /// Writes `t` to `path`; the error reads `cannot write <path>: <reason>`.
  public static func write(_ t: Table, to path: String) throws(FileError) {
    let plan = SnapshotPlan(t)
    try AtomicFile.write(path: path) { sink in plan.write(to: &sink) }
  }

  /// The snapshot of `t` as bytes in memory.
  public static func bytes(_ t: Table) -> [UInt8] {
    var sink = ByteSink()
    SnapshotPlan(t).write(to: &sink)
    return sink.bytes
  }
}
