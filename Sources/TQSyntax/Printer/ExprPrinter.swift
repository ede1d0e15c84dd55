/// Prints expressions back as tq source text.
///
/// The text is what a user would write, with parentheses only where precedence needs
/// them, so it doubles as the default name of a computed column: `revenue` prints
/// `revenue`, `sum(revenue)` prints `sum(revenue)`, `a + b * 2` prints `a + b * 2`.
/// Parsing the printed text gives the same expression back (ranges aside).
public enum ExprPrinter {
  /// The source text of an expression.
  public static func print(_ expr: Expr) -> String {
    var out = ""
    write(expr, minimum: 0, to: &out)
    return out
  }

  /// The source text of a literal (`"a\"b"`, `@2024-03-01`, `30d 12h`, `-1.5`).
  public static func print(_ literal: Literal) -> String {
    switch literal {
    case .int(let v): return String(v)
    case .float(let v): return v.description
    case .string(let s): return quote(s)
    case .bool(let b): return b ? "true" : "false"
    case .null: return "null"
    case .date(let days): return "@" + dateText(Int(days))
    case .timestamp(let micros): return "@" + timestampText(micros)
    case .duration(let micros): return durationText(micros)
    }
  }

  /// How tightly an expression binds (higher binds tighter); operands that bind looser
  /// than their position needs get parentheses.
  static func precedence(_ expr: Expr) -> Int {
    switch expr.kind {
    case .binary(let op, _, _): return precedence(op)
    case .inList: return 4
    case .unary(.not, _): return 3
    case .unary(.negate, _): return 7
    case .literal, .column, .call, .missing: return 8
    }
  }

  /// The precedence of an infix operator.
  static func precedence(_ op: BinaryOp) -> Int {
    switch op {
    case .or: return 1
    case .and: return 2
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .like, .matches: return 4
    case .add, .subtract: return 5
    case .multiply, .divide, .modulo: return 6
    }
  }

  /// Appends `expr`, in parentheses when it binds looser than `minimum`.
  static func write(_ expr: Expr, minimum: Int, to out: inout String) {
    let parenthesized = precedence(expr) < minimum
    if parenthesized { out += "(" }
    switch expr.kind {
    case .literal(let literal):
      out += print(literal)
    case .column(let name):
      out += name
    case .call(let name, let arguments):
      out += name.name + "("
      list(arguments, to: &out)
      out += ")"
    case .unary(.not, let operand):
      out += "not "
      write(operand, minimum: 3, to: &out)
    case .unary(.negate, let operand):
      out += "-"
      // `-(5)`: a minus written straight before a number would read back as the literal -5.
      if isNumberLiteral(operand) {
        out += "(" + print(operand) + ")"
      } else {
        write(operand, minimum: 7, to: &out)
      }
    case .binary(let op, let left, let right):
      let p = precedence(op)
      write(left, minimum: p == 4 ? 5 : p, to: &out)
      out += " " + op.rawValue + " "
      write(right, minimum: p + 1, to: &out)
    case .inList(let value, let items, let negated):
      write(value, minimum: 5, to: &out)
      out += negated ? " not in [" : " in ["
      list(items, to: &out)
      out += "]"
    case .missing:
      out += "?"
    }
    if parenthesized { out += ")" }
  }

  /// Whether an expression is a number literal (int, float or duration).
  static func isNumberLiteral(_ expr: Expr) -> Bool {
    switch expr.kind {
    case .literal(.int), .literal(.float), .literal(.duration): return true
    default: return false
    }
  }

  /// Appends expressions separated by `, `.
  static func list(_ items: [Expr], to out: inout String) {
    for (i, item) in items.enumerated() {
      if i > 0 { out += ", " }
      write(item, minimum: 0, to: &out)
    }
  }

  /// A string literal in double quotes with tq's escapes.
  static func quote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.properties.generalCategory == .control {
          out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// `YYYY-MM-DD` of a day number.
  static func dateText(_ days: Int) -> String {
    let (y, m, d) = CivilCalendar.civil(fromDays: days)
    return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
  }

  /// `YYYY-MM-DDTHH:MM[:SS[.ffffff]]` of microseconds since the epoch (UTC).
  static func timestampText(_ micros: Int64) -> String {
    let perDay: Int64 = 86_400_000_000
    let days = micros >= 0 ? micros / perDay : (micros - perDay + 1) / perDay
    let inDay = micros - days * perDay
    let seconds = Int(inDay / 1_000_000), fraction = Int(inDay % 1_000_000)
    var text = dateText(Int(days)) + "T" + pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2)
    if seconds % 60 != 0 || fraction != 0 { text += ":" + pad(seconds % 60, 2) }
    if fraction != 0 {
      var digits = pad(fraction, 6)
      while digits.hasSuffix("0") { digits.removeLast() }
      text += "." + digits
    }
    return text
  }

  /// `30d 12h 15m 45s` (largest units first, zero parts left out; `0s` for zero).
  static func durationText(_ micros: Int64) -> String {
    var rest = micros.magnitude
    var parts: [String] = []
    for (unit, size) in [("d", UInt64(86_400_000_000)), ("h", 3_600_000_000), ("m", 60_000_000), ("s", 1_000_000)] {
      if rest >= size { parts.append("\(rest / size)\(unit)") }
      rest %= size
    }
    if rest > 0 { parts.append("0.\(pad(Int(rest), 6))s") }  // not writable in tq; parsing never makes it
    let text = parts.isEmpty ? "0s" : parts.joined(separator: " ")
    return micros < 0 ? "-" + text : text
  }

  /// `n` in decimal, zero-padded to `width` digits.
  static func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
  }
}


extension Expr: CustomStringConvertible {
  /// The expression as tq source text (`ExprPrinter.print`).
  public var description: String { ExprPrinter.print(self) }
}
