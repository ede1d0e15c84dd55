import Dispatch

/// Runs a few independent jobs on separate threads (one per core: the readers and the scan
/// kernels use two).
public enum Parallel {
  /// Calls `body(i)` for every `i` in `0..<count`, concurrently when `count > 1`, and
  /// returns the results in order. `body` must only touch state that job `i` owns.
  public static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
    if count <= 1 { return count == 1 ? [body(0)] : [] }
    let results = UnsafeMutablePointer<T?>.allocate(capacity: count)
    results.initialize(repeating: nil, count: count)
    defer {
      results.deinitialize(count: count)
      results.deallocate()
    }
    withoutActuallyEscaping(body) { body in
      let job = Job(body: body, results: results)
      DispatchQueue.concurrentPerform(iterations: count) { i in job.results[i] = job.body(i) }
    }
    return (0..<count).map { results[$0]! }
  }

  /// `body(i)` for every `i` in `0..<count`, shared round-robin between `workers` threads
  /// (for many small independent jobs such as finishing columns).
  public static func mapInterleaved<T>(_ count: Int, workers: Int, _ body: (Int) -> T) -> [T] {
    let w = max(1, min(workers, count))
    let parts = map(w) { k in stride(from: k, to: count, by: w).map(body) }
    return (0..<count).map { parts[$0 % w][$0 / w] }
  }

  /// The closure and output slots shared by the threads; each thread writes only its slot.
  private struct Job<T>: @unchecked Sendable {
    let body: (Int) -> T
    let results: UnsafeMutablePointer<T?>
  }
}
