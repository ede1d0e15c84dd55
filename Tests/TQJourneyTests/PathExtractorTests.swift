import Testing
import TQGenerate
import TQStorage

@testable import TQJourney

/// The two-thread path builder against the one-pass builder it replaces for the common case.
@Suite("Path extraction")
struct PathExtractorTests {
  /// About 90,000 touches: the journeys are split between two threads.
  static let table = try! JourneyGenerator(journeys: 20_000, seed: 5).generate().table

  /// A lookback of a century cuts nothing but takes the one-pass builder.
  static let everything: Int64 = 100 * 366 * 86_400_000_000

  @Test(arguments: [false, true])
  func twoThreadsGiveTheSamePaths(times: Bool) throws {
    let fast = try PathExtractor.extract(Self.table, .init(touchColumn: "channel", needTimes: times, needStages: true, needDirect: true))
    let slow = try PathExtractor.extract(Self.table, .init(touchColumn: "channel", lookback: Self.everything, needStages: true, needDirect: true))
    #expect(PathExtractor.journeySplits(Self.table.journeyOffsets!).count == 2)
    #expect(fast.channelNames == slow.channelNames)
    #expect(fast.touches == slow.touches)
    #expect(fast.offsets == slow.offsets)
    #expect(fast.conversions == slow.conversions && fast.values == slow.values && fast.nulls == slow.nulls)
    #expect(fast.touchInConsideration == slow.touchInConsideration)
    #expect(fast.directTouches == slow.directTouches)
    if times {
      #expect(fast.touchTimes == slow.touchTimes && fast.endTimes == slow.endTimes)
    }
    #expect(fast.totalConversions > 0 && fast.nulls.contains(1))
  }

  @Test func splitsFallOnJourneyStarts() {
    let offsets: [UInt32] = [0, 40_000, 40_001, 70_000, 100_000]
    let parts = PathExtractor.journeySplits(offsets)
    #expect(parts == [0..<3, 3..<4])  // the first journey starting at or after row 50,000
    #expect(PathExtractor.journeySplits([0, 10, 20]) == [0..<2])
  }
}
