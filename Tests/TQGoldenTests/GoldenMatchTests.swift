import Testing

@testable import TQTestSupport

/// How the golden runner compares result rows: text exactly, floats to a relative 1e-12.
@Suite("golden rows: R values match to 12 digits, everything else exactly")
struct GoldenMatchTests {
  @Test func floatsWithinTheLastBitsMatch() {
    #expect(GoldenRunner.rowsMatch(["direct\t3897\t42833.84000000001"], ["direct\t3897\t42833.839999999975"], types: ["T", "I", "R"]))
    #expect(GoldenRunner.rowsMatch(["a\t0.0"], ["a\t0"], types: ["T", "R"]))
  }

  @Test func realDifferencesStillFail() {
    #expect(!GoldenRunner.rowsMatch(["direct\t3897\t42833.85"], ["direct\t3897\t42833.84"], types: ["T", "I", "R"]))
    #expect(!GoldenRunner.rowsMatch(["a\t1.0000000001"], ["a\t1.0"], types: ["T", "R"]))
    #expect(!GoldenRunner.rowsMatch(["a\tNULL"], ["a\t0.0"], types: ["T", "R"]))
    // Only R columns are compared as numbers; an int or text cell must be the same text.
    #expect(!GoldenRunner.rowsMatch(["1.0\t2"], ["1\t2"], types: ["T", "I"]))
    #expect(!GoldenRunner.rowsMatch(["a"], ["a", "b"], types: ["T"]))
  }
}
