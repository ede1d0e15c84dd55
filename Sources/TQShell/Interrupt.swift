import CLibEdit
#if canImport(Glibc)
  import Glibc
#endif
import Synchronization

/// A Ctrl-C flag: set by the SIGINT handler (or a test), polled by the prompt and by long work.
///
/// The handler only stores into an `Atomic` (async-signal-safe, no allocation); the shell
/// resets the flag before each read and each statement, and `Session.isCancelled` reads it.
public final class InterruptFlag: Sendable {
  /// The flag the process's SIGINT handler sets.
  public static let sigint = InterruptFlag()

  /// Whether Ctrl-C came.
  private let raised = Atomic<Bool>(false)

  /// Creates a flag that is down.
  public init() {}

  /// Whether Ctrl-C was pressed since the last reset.
  public var isRaised: Bool { raised.load(ordering: .relaxed) }

  /// Raises the flag (what the signal handler does).
  public func raise() { raised.store(true, ordering: .relaxed) }

  /// Lowers the flag.
  public func reset() { raised.store(false, ordering: .relaxed) }

  /// Lowers the flag and tells whether it was up.
  public func take() -> Bool { raised.exchange(false, ordering: .relaxed) }

  /// Installs the SIGINT handler that raises `sigint`, without `SA_RESTART` so that a
  /// blocking read at the prompt returns at once (REPL-LIBEDIT.md, pitfall 5).
  public static func installSigintHandler() {
    sigint.reset()  // initialise the global before the handler can touch it
    _ = tq_install_sigint { _ in InterruptFlag.sigint.raise() }
  }

  /// Installs the handler for scripts and `-c`: the first Ctrl-C stops the running
  /// statement (which prints "Interrupted" and ends the run with status 130); a second one,
  /// if the first is not yet taken, ends the process at once with status 130.
  public static func installScriptSigintHandler() {
    sigint.reset()
    _ = tq_install_sigint { _ in
      if InterruptFlag.sigint.isRaised { _exit(130) }
      InterruptFlag.sigint.raise()
    }
  }
}
