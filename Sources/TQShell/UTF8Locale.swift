import CLibEdit

#if canImport(Glibc)
  import Glibc
#endif

/// The character type locale libedit decodes keystrokes with.
enum UTF8Locale {
  /// Makes `LC_CTYPE` UTF-8: the user's locale when it is UTF-8, else `C.UTF-8`.
  ///
  /// In the C/POSIX locale (usual in containers) libedit's `mbrtowc` rejects every byte
  /// above 0x7F and silently drops `à` or `ś` (REPL-LIBEDIT.md, pitfall 4). Only `LC_CTYPE`
  /// changes: number formatting stays in the C locale.
  static func ensure() {
    _ = setlocale(LC_CTYPE, "")
    if isUTF8(String(cString: tq_codeset())) { return }
    _ = setlocale(LC_CTYPE, "C.UTF-8") ?? setlocale(LC_CTYPE, "en_US.UTF-8")
  }

  /// Whether a codeset name (`UTF-8`, `utf8`) means UTF-8.
  static func isUTF8(_ codeset: String) -> Bool {
    codeset.uppercased().filter { $0 != "-" && $0 != "_" } == "UTF8"
  }
}
