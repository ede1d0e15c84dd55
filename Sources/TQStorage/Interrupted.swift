/// Long work stopped because the user pressed Ctrl-C (or a caller's cancel check turned true).
///
/// Every long loop (loading, generating, scanning, sorting, grouping, joining, journey passes)
/// polls a cancel check at least every few milliseconds and throws this; nothing it was
/// building is kept, and the session's tables stay as they were.
public struct Interrupted: Error, Sendable, Equatable, CustomStringConvertible {
  /// Creates the error.
  public init() {}

  /// `Interrupted`, as the shell prints it.
  public var description: String { "Interrupted" }
}
