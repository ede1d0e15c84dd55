import TQStorage

/// The rows of one chunk of journeys, column by column, in raw growable buffers.
///
/// A chunk is written by one thread and then copied into the final columns, so its
/// buffers skip the per-append checks of Swift arrays. Categorical columns hold their
/// dictionary codes (the fixed lists of `Catalog`).
final class ChunkRows: @unchecked Sendable {
  /// The number of rows written.
  private(set) var count = 0
  private var capacity: Int
  private(set) var journey: UnsafeMutablePointer<UInt32>
  private(set) var customer: UnsafeMutablePointer<UInt32>
  private(set) var ts: UnsafeMutablePointer<Int64>
  private(set) var channel: UnsafeMutablePointer<UInt8>
  private(set) var sourceGroup: UnsafeMutablePointer<UInt8>
  private(set) var medium: UnsafeMutablePointer<UInt8>
  private(set) var campaign: UnsafeMutablePointer<UInt16>
  private(set) var device: UnsafeMutablePointer<UInt8>
  private(set) var persona: UnsafeMutablePointer<UInt8>
  private(set) var stage: UnsafeMutablePointer<UInt8>
  private(set) var touchKind: UnsafeMutablePointer<UInt8>
  private(set) var managed: UnsafeMutablePointer<UInt8>
  private(set) var event: UnsafeMutablePointer<UInt8>
  private(set) var converted: UnsafeMutablePointer<Bool>
  private(set) var revenue: UnsafeMutablePointer<Double>
  private(set) var cost: UnsafeMutablePointer<Double>

  /// Creates empty buffers with room for `capacity` rows (they grow as needed).
  init(capacity: Int) {
    self.capacity = max(capacity, 16)
    let n = self.capacity
    journey = .allocate(capacity: n); customer = .allocate(capacity: n); ts = .allocate(capacity: n)
    channel = .allocate(capacity: n); sourceGroup = .allocate(capacity: n); medium = .allocate(capacity: n)
    campaign = .allocate(capacity: n); device = .allocate(capacity: n); persona = .allocate(capacity: n)
    stage = .allocate(capacity: n); touchKind = .allocate(capacity: n); managed = .allocate(capacity: n)
    event = .allocate(capacity: n); converted = .allocate(capacity: n); revenue = .allocate(capacity: n)
    cost = .allocate(capacity: n)
  }

  deinit {
    journey.deallocate(); customer.deallocate(); ts.deallocate(); channel.deallocate(); sourceGroup.deallocate()
    medium.deallocate(); campaign.deallocate(); device.deallocate(); persona.deallocate(); stage.deallocate()
    touchKind.deallocate(); managed.deallocate(); event.deallocate(); converted.deallocate()
    revenue.deallocate(); cost.deallocate()
  }

  /// Appends one row; the conversion flag follows from the event.
  @inline(__always) func append(
    journey j: UInt32, customer c: UInt32, ts t: Int64, channel ch: Int, sourceGroup sg: UInt8, medium m: Int,
    campaign k: UInt16, device d: Int, persona p: Int, stage s: Int, touchKind tk: UInt8, managed g: UInt8, event e: Int,
    revenue r: Double, cost x: Double
  ) {
    if count == capacity { grow() }
    let i = count
    journey[i] = j; customer[i] = c; ts[i] = t
    channel[i] = UInt8(truncatingIfNeeded: ch)
    sourceGroup[i] = sg
    medium[i] = UInt8(truncatingIfNeeded: m)
    campaign[i] = k
    device[i] = UInt8(truncatingIfNeeded: d)
    persona[i] = UInt8(truncatingIfNeeded: p)
    stage[i] = UInt8(truncatingIfNeeded: s)
    touchKind[i] = tk
    managed[i] = g
    event[i] = UInt8(truncatingIfNeeded: e)
    converted[i] = e == Int(Catalog.conversionEvent)
    revenue[i] = r; cost[i] = x
    count = i + 1
  }

  private func grow() {
    let n = capacity * 2
    func regrow<T>(_ p: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<T> {
      let q = UnsafeMutablePointer<T>.allocate(capacity: n)
      q.moveInitialize(from: p, count: count)
      p.deallocate()
      return q
    }
    journey = regrow(journey); customer = regrow(customer); ts = regrow(ts); channel = regrow(channel)
    sourceGroup = regrow(sourceGroup); medium = regrow(medium); campaign = regrow(campaign); device = regrow(device)
    persona = regrow(persona); stage = regrow(stage); touchKind = regrow(touchKind); managed = regrow(managed)
    event = regrow(event); converted = regrow(converted); revenue = regrow(revenue); cost = regrow(cost)
    capacity = n
  }
}

/// The final columns, filled chunk after chunk, then wrapped into the `shop` table.
struct TouchColumns {
  var journey: [UInt32] = [], customer: [UInt32] = [], ts: [Int64] = []
  var channel: [UInt8] = [], sourceGroup: [UInt8] = [], medium: [UInt8] = [], campaign: [UInt16] = []
  var device: [UInt8] = [], persona: [UInt8] = [], stage: [UInt8] = [], touchKind: [UInt8] = []
  var managed: [UInt8] = [], event: [UInt8] = [], converted: [Bool] = [], revenue: [Double] = [], cost: [Double] = []

  /// Creates empty columns with room for `capacity` rows.
  init(capacity: Int) {
    journey.reserveCapacity(capacity); customer.reserveCapacity(capacity); ts.reserveCapacity(capacity)
    channel.reserveCapacity(capacity); sourceGroup.reserveCapacity(capacity); medium.reserveCapacity(capacity)
    campaign.reserveCapacity(capacity); device.reserveCapacity(capacity); persona.reserveCapacity(capacity)
    stage.reserveCapacity(capacity); touchKind.reserveCapacity(capacity); managed.reserveCapacity(capacity)
    event.reserveCapacity(capacity); converted.reserveCapacity(capacity); revenue.reserveCapacity(capacity)
    cost.reserveCapacity(capacity)
  }

  /// The number of rows so far.
  var count: Int { ts.count }

  /// Appends the rows of a chunk.
  mutating func append(_ c: ChunkRows) {
    let n = c.count
    func buf<T>(_ p: UnsafeMutablePointer<T>) -> UnsafeBufferPointer<T> { UnsafeBufferPointer(start: p, count: n) }
    journey.append(contentsOf: buf(c.journey)); customer.append(contentsOf: buf(c.customer))
    ts.append(contentsOf: buf(c.ts)); channel.append(contentsOf: buf(c.channel))
    sourceGroup.append(contentsOf: buf(c.sourceGroup)); medium.append(contentsOf: buf(c.medium))
    campaign.append(contentsOf: buf(c.campaign)); device.append(contentsOf: buf(c.device))
    persona.append(contentsOf: buf(c.persona)); stage.append(contentsOf: buf(c.stage))
    touchKind.append(contentsOf: buf(c.touchKind)); managed.append(contentsOf: buf(c.managed))
    event.append(contentsOf: buf(c.event)); converted.append(contentsOf: buf(c.converted))
    revenue.append(contentsOf: buf(c.revenue)); cost.append(contentsOf: buf(c.cost))
  }

  /// The finished table: the columns of the bundled `shop` dataset, in order, with roles and journey offsets.
  ///
  /// - Parameters:
  ///   - journeyIDs: the journey dictionary (`j000001`, …); journey codes index it.
  ///   - customerIDs: the customer dictionary (`c000001`, …).
  ///   - offsets: start row of each journey plus a final sentinel.
  func finish(journeyIDs: [String], customerIDs: [String], offsets: [UInt32]) -> Table {
    func dict(_ name: String, _ codes: [UInt8], _ dictionary: [String]) -> Column {
      Column(name: name, data: .string(DictColumn(codes: .u8(codes), dictionary: dictionary)))
    }
    func ids(_ name: String, _ codes: [UInt32], _ dictionary: [String]) -> Column {
      let packed = Codes(codes, cardinality: max(dictionary.count, 1))
      return Column(name: name, data: .string(DictColumn(codes: packed, dictionary: dictionary.isEmpty ? [""] : dictionary)))
    }
    let columns = [
      ids("journey_id", journey, journeyIDs),
      ids("customer_id", customer, customerIDs),
      Column(name: "ts", data: .timestamp(ts)),
      dict("channel", channel, Catalog.channels),
      dict("source_group", sourceGroup, Catalog.sourceGroups),
      dict("medium", medium, Catalog.mediums),
      Column(name: "campaign", data: .string(DictColumn(codes: .u16(campaign), dictionary: Catalog.campaigns))),
      dict("device", device, Catalog.devices),
      dict("persona", persona, Catalog.personas),
      dict("stage", stage, Catalog.stages),
      dict("touch_kind", touchKind, Catalog.touchKinds),
      dict("managed", managed, Catalog.managedKinds),
      dict("event", event, Catalog.events),
      Column(name: "converted", data: .bool(converted)),
      Column(name: "revenue", data: .float(revenue)),
      Column(name: "cost", data: .float(cost)),
    ]
    var table = Table(columns: columns, rowCount: count)
    table.roles = Role.detect(in: table.columnNames)
    table.setJourneyOffsets(offsets)
    return table
  }

  /// `count` ids `<prefix>000001`, `<prefix>000002`, … zero-padded to `width` digits (so they sort as numbers).
  static func idStrings(prefix: Character, count: Int, width: Int) -> [String] {
    var out: [String] = []
    out.reserveCapacity(count)
    let p = prefix.asciiValue!
    var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
    for _ in 0..<count {
      var i = width - 1
      while digits[i] == UInt8(ascii: "9") {
        digits[i] = UInt8(ascii: "0")
        i -= 1
      }
      digits[i] += 1
      out.append(String(unsafeUninitializedCapacity: width + 1) { buf in
        buf[0] = p
        for k in 0..<width { buf[k + 1] = digits[k] }
        return width + 1
      })
    }
    return out
  }
}
