import Testing

@testable import TQJourney

/// Picking the candidates of `paths top N` without sorting every path.
@Suite("paths top")
struct PathsTopTests {
  @Test func kthLargestMatchesASort() {
    var rng = SystemRandomNumberGenerator()
    for n in [1, 2, 3, 10, 100, 1000] {
      for _ in 0..<20 {
        let values = (0..<n).map { _ in Double(Int.random(in: 0...(n / 3 + 1), using: &rng)) }
        let sorted = values.sorted(by: >)
        for k in Set([1, 2, n / 2 + 1, n].filter { $0 >= 1 && $0 <= n }) {
          var copy = values
          #expect(copy.partialSortDescending(k) == sorted[k - 1], "n \(n) k \(k)")
        }
      }
    }
  }

  @Test func candidatesKeepEveryTie() {
    let conv: [Double] = [5, 1, 3, 3, 3, 9, 0]
    #expect(PathsVerb.candidates(conv, top: 2) == [0, 5])
    #expect(PathsVerb.candidates(conv, top: 3) == [0, 2, 3, 4, 5])
    #expect(PathsVerb.candidates(conv, top: nil) == Array(0..<7))
    #expect(PathsVerb.candidates(conv, top: 0).isEmpty)
  }
}
