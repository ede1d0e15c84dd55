import Dispatch
import Synchronization

/// Long work's link to the person waiting: how far it got (for a progress bar) and whether
/// to stop (Ctrl-C).
///
/// Work calls `begin`, then `advance` as units (rows or bytes) are done, and asks
/// `isCancelled` (or `check()`) at least every few milliseconds; a display thread reads
/// `reading` to draw a bar. Every field is an atomic, so all of it is safe from any thread
/// and from the work's own helper threads.
public final class WorkMeter: Sendable {
  /// The check that says the user asked to stop.
  private let cancelCheck: Mutex<@Sendable () -> Bool>
  private let done = Atomic<Int>(0)
  private let total = Atomic<Int>(0)
  private let started = Atomic<UInt64>(0)
  private let unitCode = Atomic<Int>(0)

  /// What the units of work are.
  public enum Unit: Int, Sendable {
    case bytes, rows
  }

  /// Creates a meter with no work under way.
  public init(isCancelled: @escaping @Sendable () -> Bool = { false }) { cancelCheck = Mutex(isCancelled) }

  /// Whether the user asked to stop (polled by the work).
  public func isCancelled() -> Bool { cancelCheck.withLock { $0 }() }

  /// Replaces the check (the shell installs one that reads its Ctrl-C flag).
  public func setCancelCheck(_ check: @escaping @Sendable () -> Bool) { cancelCheck.withLock { $0 = check } }

  /// Starts a piece of work of `total` units (0 when unknown).
  public func begin(total units: Int, unit: Unit) {
    done.store(0, ordering: .relaxed)
    total.store(units, ordering: .relaxed)
    unitCode.store(unit.rawValue, ordering: .relaxed)
    started.store(DispatchTime.now().uptimeNanoseconds, ordering: .releasing)
  }

  /// Records `units` more done.
  @inline(__always) public func advance(by units: Int) { done.add(units, ordering: .relaxed) }

  /// Ends the piece of work (the bar goes away).
  public func end() { started.store(0, ordering: .releasing) }

  /// Throws `Interrupted` when the user asked to stop.
  @inline(__always) public func check() throws(Interrupted) { if isCancelled() { throw Interrupted() } }

  /// The state of the work under way, or nil when there is none.
  public var reading: Reading? {
    let t0 = started.load(ordering: .acquiring)
    guard t0 != 0 else { return nil }
    return Reading(
      done: done.load(ordering: .relaxed), total: total.load(ordering: .relaxed),
      unit: Unit(rawValue: unitCode.load(ordering: .relaxed)) ?? .rows,
      seconds: Double(DispatchTime.now().uptimeNanoseconds &- t0) / 1e9)
  }

  /// A look at work under way.
  public struct Reading: Sendable, Equatable {
    /// Units done.
    public var done: Int
    /// Units in all (0: unknown).
    public var total: Int
    /// What the units are.
    public var unit: Unit
    /// Seconds since the work began.
    public var seconds: Double
  }
}
