import Dispatch
import Synchronization

/// Long work's link to the person waiting: how far it got (for a progress bar) and whether
/// to stop (Ctrl-C).
///
/// Work calls `begin(total:unit:label:)`, then `advance(by:)` as units are done, then `end()`
/// (use `defer`), and asks `isCancelled` (or `check()`) at least every few milliseconds; a
/// display thread reads `reading` to draw a bar. Pieces nest: a `begin` inside a piece
/// suspends it and the matching `end` resumes it (its count and clock included), so the
/// engine can report a statement coarsely while a step inside it reports finely. `advance`
/// is one relaxed atomic add, safe from any thread and from the work's helper threads.
public final class WorkMeter: Sendable {
  /// The check that says the user asked to stop, boxed: a closure held directly in the
  /// generic `Mutex` is re-wrapped in a conversion thunk on every `withLock`, so each check
  /// would grow a chain of thunks and get slower.
  private let cancelCheck: Mutex<CancelCheck>
  /// Units done in the current piece (hot: advanced by the work).
  private let done = Atomic<Int>(0)
  /// The current piece and the suspended outer ones.
  private let pieces = Mutex<Pieces>(Pieces())

  /// What the units of work are.
  public enum Unit: Int, Sendable {
    case bytes, rows, journeys
  }

  /// Creates a meter with no work under way.
  public init(isCancelled: @escaping @Sendable () -> Bool = { false }) { cancelCheck = Mutex(CancelCheck(call: isCancelled)) }

  /// Whether the user asked to stop (polled by the work).
  public func isCancelled() -> Bool { cancelCheck.withLock { $0 }.call() }

  /// Replaces the check (the shell installs one that reads its Ctrl-C flag).
  public func setCancelCheck(_ check: @escaping @Sendable () -> Bool) { cancelCheck.withLock { $0 = CancelCheck(call: check) } }

  /// A cancel check as a plain value.
  private struct CancelCheck: Sendable {
    /// Says whether to stop.
    let call: @Sendable () -> Bool
  }

  /// Starts a piece of work of `total` units (0 when unknown); `label` says what it is in a
  /// word ("loading", "generating", "running"…).
  public func begin(total units: Int, unit: Unit, label: String) {
    let piece = Piece(label: label, total: units, unit: unit, started: DispatchTime.now().uptimeNanoseconds)
    pieces.withLock { p in
      if let outer = p.current { p.suspended.append((outer, done.load(ordering: .relaxed))) }
      done.store(0, ordering: .relaxed)
      p.current = piece
    }
  }

  /// Records `units` more done.
  @inline(__always) public func advance(by units: Int) { done.add(units, ordering: .relaxed) }

  /// Ends the current piece of work, resuming the one it interrupted (or none: the bar goes away).
  public func end() {
    pieces.withLock { p in
      if let (outer, count) = p.suspended.popLast() {
        p.current = outer
        done.store(count, ordering: .relaxed)
      } else {
        p.current = nil
      }
    }
  }

  /// Throws `Interrupted` when the user asked to stop.
  @inline(__always) public func check() throws(Interrupted) { if isCancelled() { throw Interrupted() } }

  /// The state of the work under way, or nil when there is none.
  public var reading: Reading? {
    pieces.withLock { p in
      p.current.map { c in
        Reading(
          done: done.load(ordering: .relaxed), total: c.total, unit: c.unit, label: c.label,
          seconds: Double(DispatchTime.now().uptimeNanoseconds &- c.started) / 1e9)
      }
    }
  }

  /// A look at work under way.
  public struct Reading: Sendable, Equatable {
    /// Units done.
    public var done: Int
    /// Units in all (0: unknown).
    public var total: Int
    /// What the units are.
    public var unit: Unit
    /// What the work is, in a word ("loading").
    public var label: String
    /// Seconds since the work began.
    public var seconds: Double

    /// Creates a reading (the meter makes them; tests and displays may too).
    public init(done: Int, total: Int, unit: Unit, label: String, seconds: Double) {
      self.done = done
      self.total = total
      self.unit = unit
      self.label = label
      self.seconds = seconds
    }
  }

  /// A piece of work as `begin` described it.
  private struct Piece: Sendable {
    /// What it is.
    var label: String
    /// Units in all (0: unknown).
    var total: Int
    /// What the units are.
    var unit: Unit
    /// `DispatchTime` nanoseconds when it began.
    var started: UInt64
  }

  /// The piece under way and those it interrupted, innermost last.
  private struct Pieces: Sendable {
    /// The piece under way.
    var current: Piece?
    /// Interrupted pieces with their units done.
    var suspended: [(Piece, Int)] = []
  }
}
