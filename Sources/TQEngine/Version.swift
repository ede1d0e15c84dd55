/// tq's version: shown by the shell's banner and `tq --version`.
public enum TQVersion {
  /// The version of this build of tq.
  public static let current = "0.2.0"
}
