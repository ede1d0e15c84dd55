import TQStorage
import Testing

@testable import TQIO

/// Table mode draws bars beside bar columns only when asked (a terminal), scaled to the largest value.
@Test func barsFollowTheLargestValue() {
  var t = Table(columns: [
    Column.from(name: "channel", type: .string, values: [.string("a"), .string("b"), .string("c")]),
    Column.from(name: "n", type: .float, values: [.float(10), .float(5), .null]),
  ])
  t.barColumns = ["n"]
  let plain = TableRenderer.render(t, mode: .table, options: RenderOptions())
  #expect(!plain.contains("█"))
  let drawn = TableRenderer.render(t, mode: .table, options: RenderOptions(bars: true))
  let lines = drawn.split(separator: "\n")
  #expect(lines[2].contains(String(repeating: "█", count: Bars.width)))
  #expect(lines[3].contains(String(repeating: "█", count: Bars.width / 2)) && !lines[3].contains(String(repeating: "█", count: Bars.width / 2 + 1)))
  #expect(!lines[4].contains("█"))
  #expect(Bars.bar(1.0 / 160) == "▏")
  #expect(TableRenderer.render(t, mode: .csv, options: RenderOptions(bars: true)) == "channel,n\na,10.0\nb,5.0\nc,\n")
}
