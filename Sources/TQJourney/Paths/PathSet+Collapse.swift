extension PathSet {
  /// The same paths with repeated consecutive touches merged (`a > a > b` → `a > b`).
  public func collapsed() -> PathSet {
    var out = self
    out.touches = []
    out.touches.reserveCapacity(touches.count)
    out.offsets = [0]
    var times: [Int64]? = touchTimes == nil ? nil : []
    var stages: [Bool]? = touchInConsideration == nil ? nil : []
    var direct: [Bool]? = directTouches == nil ? nil : []
    for i in 0..<count {
      let s = offsets[i], e = offsets[i + 1]
      for k in s..<e where k == s || touches[k] != touches[k - 1] {
        out.touches.append(touches[k])
        times?.append(touchTimes![k])
        stages?.append(touchInConsideration![k])
        direct?.append(directTouches![k])
      }
      out.offsets.append(out.touches.count)
    }
    out.touchTimes = times
    out.touchInConsideration = stages
    out.directTouches = direct
    return out
  }

  /// The path of `i` as text, `a > b > c`.
  public func pathText(_ i: Int) -> String {
    path(i).map { channelNames[Int($0)] }.joined(separator: " > ")
  }
}
