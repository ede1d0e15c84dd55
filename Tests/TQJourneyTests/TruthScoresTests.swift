import Testing

@testable import TQJourney

/// Spearman's correlation with ties equals scipy.stats.spearmanr (computed once with scipy 1.17.1).
@Test func spearmanMatchesScipy() throws {
  let x = [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0, 5.0, 3.5]
  let y = [2.7, 1.8, 2.8, 1.8, 2.8, 4.5, 0.9, 3.1, 2.2, 2.0]
  #expect(abs(try #require(TruthScores.spearman(x, y)) - 0.8803680981595092) < 1e-12)
  let credit: [Double] = [129, 109, 106, 78, 72, 56, 48, 36, 34, 29, 22, 20, 18, 12]
  let truth = [19.7, 12.1, 5.0, 25.4, 1.4, 2.7, 68.3, 3.9, 12.7, 5.3, 12.9, 8.8, 1.7, 4.5]
  #expect(abs(try #require(TruthScores.spearman(credit, truth)) - 0.2703296703296703) < 1e-12)
}

/// A model that is the truth scores 1 and 0; a constant side or too few values have no Spearman.
@Test func perfectModelScoresOne() {
  let truth = [5.0, 1.0, 3.0, 3.0, 0.5]
  #expect(TruthScores.spearman(truth, truth) == 1)
  #expect(TruthScores.spearman(truth.map { $0 * 7 }, truth) == 1)
  #expect(TruthScores.maeShare(truth, truth, total: truth.reduce(0, +)) == 0)
  #expect(TruthScores.maeShare(truth.map { $0 * 7 }, truth, total: 7 * truth.reduce(0, +))! < 1e-15)
  #expect(TruthScores.spearman([1, 1, 1], [1, 2, 3]) == nil)
  #expect(TruthScores.spearman([1], [1]) == nil)
  #expect(TruthScores.ranks([10, 20, 10, 30]) == [1.5, 3, 1.5, 4])
}
