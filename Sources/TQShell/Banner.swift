import TQEngine
import TQSyntax

/// The few lines the shell prints on start (to stderr): version, the dataset in use, how
/// to get help.
enum Banner {
  /// The banner for a session whose table in use (if any) is loaded.
  static func text(session: Session, style: Style) -> String {
    var lines = [style.paint("tq \(TQVersion.current)", "1") + " — touchpoint workbench"]
    if let name = session.current, let table = session.tables[name] {
      let kind = session.datasets.path(of: name) != nil ? "bundled dataset" : "table"
      lines.append("Using \(name) (\(kind): \(table.rowCount.formatted) rows, \(table.columns.count) columns).")
    } else {
      lines.append("No table in use: load one with load \"file.csv\" as name.")
    }
    var help = ["help (the language)", ".help (dot commands)"]
    if Registry.lookup("learn") != nil { help.append("learn (lessons)") }
    lines.append("Type \(help.joined(separator: ", ")); Tab completes; Ctrl-D leaves.")
    return lines.joined(separator: "\n") + "\n"
  }
}

extension Int {
  /// `12,345`.
  fileprivate var formatted: String {
    let digits = String(magnitude)
    var out = ""
    for (i, ch) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
      out.append(ch)
    }
    return self < 0 ? "-" + out : out
  }
}
