import Foundation
import Synchronization
import TQStorage
import Testing

@testable import TQShell

/// A reading the tests set and the bar reads.
private final class ReadingBox: Sendable {
  let value = Mutex<WorkMeter.Reading?>(nil)
  func set(_ r: WorkMeter.Reading?) { value.withLock { $0 = r } }
  func get() -> WorkMeter.Reading? { value.withLock { $0 } }
}

/// What a bar wrote (stderr), in order.
private final class Written: Sendable {
  let text = Mutex("")
  func add(_ s: String) { text.withLock { $0 += s } }
  var all: String { text.withLock { $0 } }
}

/// A reading of `label` work.
private func reading(_ done: Int, of total: Int, _ unit: WorkMeter.Unit, _ seconds: Double, label: String = "loading")
  -> WorkMeter.Reading
{
  WorkMeter.Reading(done: done, total: total, unit: unit, label: label, seconds: seconds)
}

@Suite("Progress bar")
struct ProgressBarTests {
  @Test func bytesWithTotalRateAndETA() {
    let r = reading(760_000_000, of: 1_460_000_000, .bytes, 3.8)
    #expect(ProgressLine.text(r, width: 100) == "loading  [████████████░░░░░░░░░░░░]  52%  760 MB of 1.46 GB  200 MB/s  ETA 4 s")
  }

  @Test func rowsAndJourneys() {
    let r = reading(1_200_000, of: 10_100_000, .rows, 2, label: "running")
    #expect(ProgressLine.text(r, width: 100) == "running  [██░░░░░░░░░░░░░░░░░░░░░░]  11%  1.2M of 10.1M rows  600k rows/s  ETA 15 s")
    let j = reading(3_000_000, of: 3_000_000, .journeys, 12, label: "generating")
    #expect(ProgressLine.text(j, width: 100) == "generating  [████████████████████████]  100%  3.0M of 3.0M journeys  250k journeys/s")
  }

  @Test func unknownTotalSpinsWithoutETA() {
    #expect(ProgressLine.text(reading(500_000_000, of: 0, .bytes, 2.5), width: 80) == "loading  ⠴  500 MB  200 MB/s  2 s")
    #expect(ProgressLine.text(reading(0, of: 0, .rows, 3.05, label: "running"), width: 80) == "running  ⠋  3 s")
  }

  @Test func quantities() {
    #expect(Quantity.bytes(999) == "999 B" && Quantity.bytes(1_000) == "1.00 kB" && Quantity.bytes(999_600) == "1.00 MB")
    #expect(Quantity.bytes(14_600_000_000) == "14.6 GB" && Quantity.bytes(146_000_000) == "146 MB")
    #expect(Quantity.count(950) == "950" && Quantity.count(12_345) == "12.3k" && Quantity.count(123_456_789) == "123M")
    #expect(Quantity.duration(0.2) == "1 s" && Quantity.duration(125) == "2 min 5 s" && Quantity.duration(3_900) == "1 h 5 min")
    #expect(Quantity.duration(59.9, rounding: .down) == "59 s" && Quantity.duration(120) == "2 min")
  }

  @Test func neverReachesTheLastColumn() {
    let readings = [
      reading(760_000_000, of: 1_460_000_000, .bytes, 3.8), reading(1_200_000, of: 10_100_000, .journeys, 2, label: "generating"),
      reading(5_000, of: 0, .rows, 9, label: "running"), reading(0, of: 10, .rows, 1.5),
    ]
    for r in readings {
      for width in 1...120 {
        let line = ProgressLine.text(r, width: width)
        #expect(line.count <= max(1, width - 1), "width \(width): \(line)")
        #expect(!line.contains("\n"))
      }
    }
    // Narrower: the bar shrinks, then the rate and the amounts go, then the bar, then the ETA.
    let r = readings[0]
    #expect(ProgressLine.text(r, width: 70) == "loading  [███████░░░░░░░░]  52%  760 MB of 1.46 GB  200 MB/s  ETA 4 s")
    #expect(ProgressLine.text(r, width: 50) == "loading  [████████████░░░░░░░░░░░░]  52%  ETA 4 s")
    #expect(ProgressLine.text(r, width: 40) == "loading  [███████░░░░░░░]  52%  ETA 4 s")
    #expect(ProgressLine.text(r, width: 30) == "loading  52%  ETA 4 s")
    #expect(ProgressLine.text(r, width: 20) == "loading  52%")
    #expect(ProgressLine.text(r, width: 6) == "loadi")
  }

  @Test func noETAWhenDoneOrNothingDone() {
    #expect(!ProgressLine.text(reading(10, of: 10, .rows, 2), width: 100).contains("ETA"))
    #expect(!ProgressLine.text(reading(0, of: 10, .rows, 2), width: 100).contains("ETA"))
    #expect(ProgressLine.text(reading(0, of: 10, .rows, 2), width: 100) == "loading  [░░░░░░░░░░░░░░░░░░░░░░░░]  0%  0 of 10 rows")
  }

  @Test func colourOnlyOnTheBarAndOnlyWhenStyled() {
    let r = reading(5, of: 10, .rows, 2)
    let coloured = ProgressLine.text(r, width: 100, style: Style(enabled: true))
    #expect(coloured.contains("\u{1B}[36m████████████\u{1B}[0m"))
    #expect(!ProgressLine.text(r, width: 100).contains("\u{1B}"))
    #expect(Style.forStream(isTerminal: true, environment: ["NO_COLOR": "1"]).enabled == false)
  }

  @Test func afterASecondAndOnATerminalOnly() {
    #expect(ProgressBar.line(for: nil, width: 80, style: Style(enabled: false)) == nil)
    #expect(ProgressBar.line(for: reading(1, of: 2, .rows, 0.99), width: 80, style: Style(enabled: false)) == nil)
    #expect(ProgressBar.line(for: reading(1, of: 2, .rows, 1.01), width: 80, style: Style(enabled: false)) != nil)
    #expect(ProgressBar.isWanted(isTerminal: true, environment: ["TERM": "xterm-256color"]))
    #expect(!ProgressBar.isWanted(isTerminal: false, environment: ["TERM": "xterm-256color"]))
    #expect(!ProgressBar.isWanted(isTerminal: true, environment: ["TERM": "dumb"]))
  }

  @Test func drawsAfterASecondAndClearsBeforeOutput() {
    let box = ReadingBox(), written = Written()
    let bar = ProgressBar(enabled: true, width: { 60 }, style: Style(enabled: false), write: { written.add($0) },
                          reading: { box.get() })
    let io = bar.guarding(ShellIO(out: { written.add("<out>" + $0) }, err: { written.add("<err>" + $0) }, width: { 60 },
                                  outIsTerminal: true, outStyle: Style(enabled: false), errStyle: Style(enabled: false)))
    bar.tick()  // not started: nothing
    bar.start(polling: false)
    box.set(reading(1, of: 4, .rows, 0.5))
    bar.tick()
    #expect(written.all == "")
    box.set(reading(1, of: 4, .rows, 1.5))
    bar.tick()
    bar.tick()  // unchanged: not redrawn
    let first = ProgressLine.text(reading(1, of: 4, .rows, 1.5), width: 60)
    #expect(written.all == "\r" + first)
    io.out("result\n")
    #expect(written.all == "\r" + first + "\r\u{1B}[K<out>result\n")
    box.set(reading(2, of: 4, .rows, 2.5))
    bar.tick()
    let second = ProgressLine.text(reading(2, of: 4, .rows, 2.5), width: 60)
    box.set(reading(3, of: 4, .rows, 3.5))
    bar.tick()
    let third = ProgressLine.text(reading(3, of: 4, .rows, 3.5), width: 60)
    #expect(written.all.hasSuffix("<out>result\n\r" + second + "\r" + third + "\u{1B}[K"))
    box.set(nil)  // the work ended
    bar.tick()
    #expect(written.all.hasSuffix(third + "\u{1B}[K\r\u{1B}[K"))
    let before = written.all
    io.err("Interrupted\n")
    bar.stop()
    bar.tick()
    #expect(written.all == before + "<err>Interrupted\n")
  }

  @Test func aDisabledBarNeverWrites() {
    let written = Written()
    let bar = ProgressBar(enabled: false, width: { 80 }, style: Style(enabled: false), write: { written.add($0) },
                          reading: { reading(1, of: 2, .rows, 5) })
    bar.start(polling: false)
    bar.tick()
    bar.beforeOutput { written.add("x") }
    bar.stop()
    #expect(written.all == "x")
  }

  @Test func stopClearsAShownBar() {
    let written = Written()
    let bar = ProgressBar(enabled: true, width: { 80 }, style: Style(enabled: false), write: { written.add($0) },
                          reading: { reading(0, of: 0, .bytes, 5) })
    bar.around {
      bar.tick()
      #expect(written.all.hasPrefix("\rloading  "))
    }
    #expect(written.all.hasSuffix("\r\u{1B}[K"))
  }
}
