import TQStorage
import Testing

@testable import TQIO

/// A small table with every type, nulls and awkward strings.
func sampleTable() -> Table {
  Table(columns: [
    Column.from(name: "channel", type: .string, values: [.string("facebook"), .string("a,\"b\""), .null, .string("")]),
    Column.from(name: "n", type: .int, values: [.int(1234), .int(-5), .null, .int(0)]),
    Column.from(name: "revenue", type: .float, values: [.float(56.7), .float(.nan), .float(3), .null]),
    Column.from(name: "ok", type: .bool, values: [.bool(true), .bool(false), .null, .bool(true)]),
    Column.from(
      name: "ts", type: .timestamp,
      values: [.timestamp(1_709_642_096_000_000), .timestamp(-1), .null, .timestamp(1_709_642_096_250_000)]),
    Column.from(name: "day", type: .date, values: [.date(19_787), .null, .date(0), .date(-1)]),
  ])
}

@Suite("Value formats")
struct ValueFormatTests {
  @Test func plain() {
    #expect(ValueFormat.plain(.null) == "")
    #expect(ValueFormat.plain(.int(-42)) == "-42")
    #expect(ValueFormat.plain(.float(3)) == "3.0")
    #expect(ValueFormat.plain(.float(0.1)) == "0.1")
    #expect(ValueFormat.plain(.float(1e20)) == "1e+20")
    #expect(ValueFormat.plain(.float(.nan)) == "nan")
    #expect(ValueFormat.plain(.float(-.infinity)) == "-inf")
    #expect(ValueFormat.plain(.bool(false)) == "false")
    #expect(ValueFormat.plain(.timestamp(1_709_642_096_000_000)) == "2024-03-05T12:34:56Z")
    #expect(ValueFormat.plain(.timestamp(1_709_642_096_000_123)) == "2024-03-05T12:34:56.000123Z")
    #expect(ValueFormat.plain(.timestamp(-1)) == "1969-12-31T23:59:59.999999Z")
    #expect(ValueFormat.plain(.date(19_787)) == "2024-03-05")
    #expect(ValueFormat.plain(.date(-719_528)) == "0000-01-01")
    #expect(ValueFormat.plain(.string("x y")) == "x y")
  }

  @Test func pretty() {
    #expect(ValueFormat.pretty(.int(1_234_567), type: .int) == "1,234,567")
    #expect(ValueFormat.pretty(.int(-1234), type: .int) == "-1,234")
    #expect(ValueFormat.pretty(.int(999), type: .int) == "999")
    #expect(ValueFormat.pretty(.float(1234.567), type: .float) == "1,234.57")
    #expect(ValueFormat.pretty(.float(56.7), type: .float) == "56.70")
    #expect(ValueFormat.pretty(.float(-2.004), type: .float) == "-2.00")
    #expect(ValueFormat.pretty(.float(0.012346), type: .float) == "0.01235")
    #expect(ValueFormat.pretty(.float(0.5), type: .float) == "0.50")
    #expect(ValueFormat.pretty(.float(-0.25), type: .float) == "-0.25")
    #expect(ValueFormat.pretty(.float(0.99999), type: .float) == "1.00")
    #expect(ValueFormat.pretty(.float(0), type: .float) == "0.00")
    #expect(ValueFormat.pretty(.float(1e-9), type: .float) == "1e-09")
    #expect(ValueFormat.pretty(.float(.nan), type: .float) == "nan")
    #expect(ValueFormat.pretty(.int(3), type: .float) == "3.00")
    #expect(ValueFormat.pretty(.null, type: .string) == "NULL")
    #expect(ValueFormat.pretty(.string("x"), type: .string) == "x")
  }
}

@Suite("Renderers")
struct RendererTests {
  @Test func csv() {
    let expected = [
      "channel,n,revenue,ok,ts,day",
      "facebook,1234,56.7,true,2024-03-05T12:34:56Z,2024-03-05",
      #""a,""b""",-5,nan,false,1969-12-31T23:59:59.999999Z,"#,
      ",,3.0,,,1970-01-01",
      #""",0,,true,2024-03-05T12:34:56.250000Z,1969-12-31"#,
    ].map { $0 + "\n" }.joined()
    #expect(TableRenderer.render(sampleTable(), mode: .csv) == expected)
  }

  @Test func csvQuotesSpacesAndLineBreaks() {
    let t = Table(columns: [Column.from(name: "s", type: .string, values: [.string(" a"), .string("b "), .string("x\ny"), .string("c\rd")])])
    #expect(TableRenderer.render(t, mode: .csv) == "s\n\" a\"\n\"b \"\n\"x\ny\"\n\"c\rd\"\n")
  }

  @Test func tsv() {
    let t = Table(columns: [
      Column.from(name: "a b", type: .string, values: [.string("x\ty"), .string("z")]),
      Column.from(name: "n", type: .int, values: [.int(1), .null]),
    ])
    #expect(TableRenderer.render(t, mode: .tsv) == "a b\tn\n\"x\ty\"\t1\nz\t\n")
  }

  @Test func json() {
    let expected = [
      "[",
      #"{"channel":"facebook","n":1234,"revenue":56.7,"ok":true,"ts":"2024-03-05T12:34:56Z","day":"2024-03-05"},"#,
      #"{"channel":"a,\"b\"","n":-5,"revenue":null,"ok":false,"ts":"1969-12-31T23:59:59.999999Z","day":null},"#,
      #"{"channel":null,"n":null,"revenue":3.0,"ok":null,"ts":null,"day":"1970-01-01"},"#,
      #"{"channel":"","n":0,"revenue":null,"ok":true,"ts":"2024-03-05T12:34:56.250000Z","day":"1969-12-31"}"#,
      "]",
    ].map { $0 + "\n" }.joined()
    #expect(TableRenderer.render(sampleTable(), mode: .json) == expected)
    let empty = Table(columns: [Column.from(name: "a", type: .int, values: [])])
    #expect(TableRenderer.render(empty, mode: .json) == "[]\n")
  }

  @Test func jsonl() {
    let t = Table(columns: [Column.from(name: "k\"", type: .string, values: [.string("a\u{1}\n"), .null])])
    #expect(TableRenderer.render(t, mode: .jsonl) == "{\"k\\\"\":\"a\\u0001\\n\"}\n{\"k\\\"\":null}\n")
  }

  @Test func markdown() {
    let t = Table(columns: [
      Column.from(name: "channel", type: .string, values: [.string("a|b"), .null]),
      Column.from(name: "n", type: .int, values: [.int(1234), .int(2)]),
    ])
    #expect(TableRenderer.render(t, mode: .markdown) == "| channel | n |\n| --- | ---: |\n| a\\|b | 1234 |\n| NULL | 2 |\n")
  }

  @Test func line() {
    let t = Table(columns: [
      Column.from(name: "a", type: .string, values: [.string("x"), .null]),
      Column.from(name: "n", type: .float, values: [.float(1.5), .float(2)]),
    ])
    #expect(TableRenderer.render(t, mode: .line) == "a = x\nn = 1.5\n\na = NULL\nn = 2.0\n")
  }

  @Test func tableMode() {
    let t = Table(columns: [
      Column.from(name: "channel", type: .string, values: [.string("facebook"), .string("email")]),
      Column.from(name: "n", type: .int, values: [.int(1234), .null]),
      Column.from(name: "revenue", type: .float, values: [.float(56.7), .float(0.5)]),
    ])
    let expected = """
      channel       n  revenue
      --------  -----  -------
      facebook  1,234    56.70
      email      NULL     0.50

      """
    #expect(TableRenderer.render(t, mode: .table) == expected)
  }

  @Test func tableModeElidesRowsWithHeadAndTail() {
    let t = Table(columns: [Column.from(name: "i", type: .int, values: (0..<2_000).map { .int(Int64($0)) })])
    let out = TableRenderer.render(t, mode: .table, options: RenderOptions(maxRows: 4))
    #expect(out == "    i\n-----\n    0\n    1\n    …\n1,998\n1,999\n2,000 rows (4 shown)\n")
    #expect(TableRenderer.render(t, mode: .table, options: RenderOptions(maxRows: nil)).split(separator: "\n").count == 2_002)
  }

  @Test func tableModeDropsColumnsBeyondWidth() {
    let t = Table(columns: (0..<5).map { Column.from(name: "col\($0)", type: .string, values: [.string("value")]) })
    let out = TableRenderer.render(t, mode: .table, options: RenderOptions(maxWidth: 16))
    #expect(out == "col0   col1\n-----  -----\nvalue  value\n5 columns (2 shown)\n")
  }

  @Test func tableModeEscapesControlCharactersAndColoursHeader() {
    let t = Table(columns: [Column.from(name: "s", type: .string, values: [.string("a\tb\nc")])])
    #expect(TableRenderer.render(t, mode: .table) == "s\n-------\na\\tb\\nc\n")
    #expect(TableRenderer.render(t, mode: .table, options: RenderOptions(color: true)).hasPrefix("\u{1B}[1ms\u{1B}[0m\n"))
  }

  @Test func sqllogicRows() {
    #expect(
      TableRenderer.sqllogicRows(sampleTable()) == [
        "facebook\t1234\t56.7\ttrue\t2024-03-05T12:34:56Z\t2024-03-05",
        "a,\"b\"\t-5\tnan\tfalse\t1969-12-31T23:59:59.999999Z\tNULL",
        "NULL\tNULL\t3.0\tNULL\tNULL\t1970-01-01",
        "(empty)\t0\tNULL\ttrue\t2024-03-05T12:34:56.250000Z\t1969-12-31",
      ])
  }
}
