import Testing

@testable import TQSyntax

/// The kinds of the tokens of `text`, without the final `.eof`.
private func kinds(_ text: String) -> [TokenKind] {
  Array(Lexer.tokenize(SourceFile(name: "t", text: text)).tokens.map(\.kind).dropLast())
}

/// The tokens of text that must lex without diagnostics.
private func tokens(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Token] {
  let (tokens, diagnostics) = Lexer.tokenize(SourceFile(name: "t", text: text))
  #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))", sourceLocation: sourceLocation)
  return tokens
}

/// The lexer's diagnostics for `text`.
private func lexErrors(_ text: String) -> [String] {
  Lexer.tokenize(SourceFile(name: "t", text: text)).diagnostics.map(\.message)
}

@Suite("Lexer")
struct LexerTests {
  @Test func punctuationAndOperators() {
    #expect(
      kinds("| , ( ) [ ] = == != < <= > >= + - * / % ~")
        == [
          .pipe, .comma, .leftParen, .rightParen, .leftBracket, .rightBracket, .assign, .equal, .notEqual, .less,
          .lessEqual, .greater, .greaterEqual, .plus, .minus, .star, .slash, .percent, .tilde, .end,
        ])
    #expect(kinds("a==b") == [.identifier, .equal, .identifier, .end])
    #expect(kinds("a<=-b") == [.identifier, .lessEqual, .minus, .identifier, .end])
  }

  @Test func identifiers() {
    let t = tokens("shop _x a1 café 日本 naïve")
    #expect(t.dropLast(2).map(\.text) == ["shop", "_x", "a1", "café", "日本", "naïve"])
    #expect(t.dropLast(2).allSatisfy { $0.kind == .identifier })
    // A decomposed é (e + combining acute) stays one identifier.
    #expect(tokens("cafe\u{301}").first?.text == "cafe\u{301}")
    // Keywords are identifiers: the parser decides.
    #expect(kinds("where and agg") == [.identifier, .identifier, .identifier, .end])
  }

  @Test func integersAndFloats() {
    let t = tokens("0 42 9223372036854775807 1.5 1e3 .5 2.5E-3 1e+2")
    #expect(t[0].kind == .integer && t[0].bits == 0)
    #expect(t[1].bits == 42)
    #expect(t[2].bits == UInt64(Int64.max))
    #expect(t[3].kind == .float && t[3].float == 1.5)
    #expect(t[4].kind == .float && t[4].float == 1000)
    #expect(t[5].kind == .float && t[5].float == 0.5)
    #expect(t[6].float == 0.0025)
    #expect(t[7].float == 100)
  }

  @Test func numberErrors() {
    #expect(lexErrors("99999999999999999999999") == ["integer literal is too large"])
    #expect(lexErrors("1e999") == ["float literal is too large"])
    #expect(lexErrors("0x10") == ["invalid number \"0x10\""])
    #expect(lexErrors("1_000") == ["invalid number \"1_000\""])
    #expect(lexErrors("0x") == ["invalid number \"0x\""])
    let d = Lexer.tokenize(SourceFile(name: "t", text: "3days")).diagnostics
    #expect(d.first?.hint == "did you mean \"3d\"?")
    // 2^63 is accepted by the lexer: only `-9223372036854775808` may use it.
    #expect(lexErrors("9223372036854775808").isEmpty)
  }

  @Test func durations() {
    let second: Int64 = 1_000_000
    #expect(tokens("45s")[0].signed == 45 * second)
    #expect(tokens("15m")[0].signed == 15 * 60 * second)
    #expect(tokens("12h")[0].signed == 12 * 3600 * second)
    #expect(tokens("30d")[0].signed == 30 * 86_400 * second)
    #expect(tokens("2w")[0].signed == 14 * 86_400 * second)
    // Adjacent durations combine into one token.
    let combined = tokens("30d 12h  15m")
    #expect(combined.map(\.kind) == [.duration, .end, .eof])
    #expect(combined[0].signed == (30 * 86_400 + 12 * 3600 + 15 * 60) * second)
    #expect(combined[0].range == SourceRange(0, 12))
    #expect(tokens("1h30m")[0].signed == 90 * 60 * second)
    #expect(lexErrors("99999999999999w") == ["duration is too large"])
    #expect(lexErrors("5ms") == ["invalid number \"5ms\""])
  }

  @Test func dates() {
    let t = tokens("@1970-01-01 @2024-03-01 @2024-03-01T10:00 @2024-03-01T10:00:30Z @1969-12-31T23:59:59.5")
    #expect(t[0].kind == .date && t[0].signed == 0)
    #expect(t[1].kind == .date && t[1].signed == 19_783)
    #expect(t[2].kind == .timestamp && t[2].signed == (19_783 * 86_400 + 36_000) * 1_000_000)
    #expect(t[3].signed == (19_783 * 86_400 + 36_030) * 1_000_000)
    #expect(t[4].signed == -500_000)
    #expect(tokens("@2024-02-29")[0].kind == .date)
    #expect(tokens("@0000-01-01")[0].kind == .date)
    #expect(lexErrors("@2024-02-30") == ["invalid date \"@2024-02-30\""])
    #expect(lexErrors("@2023-02-29") == ["invalid date \"@2023-02-29\""])
    #expect(lexErrors("@2024-13-01") == ["invalid date \"@2024-13-01\""])
    #expect(lexErrors("@2024-03-01T24:00") == ["invalid date \"@2024-03-01T24:00\""])
    #expect(lexErrors("@2024-3-1") == ["invalid date \"@2024-3-1\""])
    #expect(lexErrors("@") == ["unexpected character \"@\""])
  }

  @Test func strings() {
    let t = tokens(#""email" 'it''s' "a\"b" 'c\'d' "\\ \n \t \r" "\u{1F600}" "" "é""#)
    #expect(t[0].text == "email")
    #expect(t[1].text == "it" && t[2].text == "s")
    #expect(t[3].text == "a\"b")
    #expect(t[4].text == "c'd")
    #expect(t[5].text == "\\ \n \t \r")
    #expect(t[6].text == "😀")
    #expect(t[7].text == "")
    #expect(t[8].text == "é")
    #expect(t[0].range == SourceRange(0, 7))
  }

  @Test func stringErrors() {
    let (tokens, d) = Lexer.tokenize(SourceFile(name: "t", text: #"x = "a\xb""#))
    #expect(d.map(\.message) == [#"unknown escape sequence "\x""#])
    #expect(d.first.flatMap(range) == SourceRange(6, 8))
    #expect(tokens[2].hasError && tokens[2].text == "axb")
    #expect(lexErrors(#""\u{D800}""#) == ["invalid unicode scalar"])
    #expect(lexErrors(#""\u{110000}""#) == ["invalid unicode scalar"])
    #expect(lexErrors(#""\u{}""#) == [#"invalid unicode escape: write "\u{1F600}""#])
    #expect(lexErrors(#""\u41""#) == [#"invalid unicode escape: write "\u{1F600}""#])
    // Several bad escapes in one string are all reported.
    #expect(lexErrors(#""\a\b""#).count == 2)
  }

  @Test func unterminatedString() {
    let source = SourceFile(name: "t", text: "load \"shop.csv\r\nshop")
    let (tokens, d) = Lexer.tokenize(source)
    #expect(d.map(\.message) == ["unterminated string"])
    #expect(d.first.flatMap(range) == SourceRange(5, 14))  // to the end of the line, not the \r
    #expect(tokens.map(\.kind) == [.identifier, .string, .end, .identifier, .end, .eof])
    #expect(lexErrors("\"abc\\") == ["unterminated string"])
  }

  @Test func unexpectedCharacters() {
    #expect(lexErrors("a $ b") == ["unexpected character \"$\""])
    #expect(lexErrors("a\u{0}b") == ["unexpected character \"\\u{0}\""])
    #expect(lexErrors("a\u{1B}b") == ["unexpected character \"\\u{1B}\""])
    #expect(lexErrors("\u{202E}x") == ["unexpected character \"\\u{202E}\""])
    #expect(lexErrors("a ! b") == ["unexpected character \"!\""])
    // Non-breaking and ideographic spaces are blanks.
    #expect(kinds("a\u{A0}b\u{3000}c") == [.identifier, .identifier, .identifier, .end])
  }

  @Test func otherLanguagesOperatorsAreOneErrorEach() {
    /// The one diagnostic of `text`: its message, span and hint.
    func only(_ text: String) -> (String, SourceRange?, String?) {
      let d = Lexer.tokenize(SourceFile(name: "t", text: text)).diagnostics
      #expect(d.count == 1, "\(d.map(\.message))")
      return d.first.map { ($0.message, range($0), $0.hint) } ?? ("none", nil, nil)
    }
    #expect(only("a && b") == (#"unexpected "&&""#, SourceRange(2, 4), #"did you mean "and"?"#))
    #expect(only("a & b") == (#"unexpected character "&""#, SourceRange(2, 3), #"did you mean "and"?"#))
    #expect(only("a <> b") == (#"use "!=" for "not equal""#, SourceRange(2, 4), #"did you mean "!="?"#))
    #expect(kinds("a <> b") == [.identifier, .invalid, .identifier, .end])
    #expect(kinds("a < > b") == [.identifier, .less, .greater, .identifier, .end])
    #expect(kinds("a <= b") == [.identifier, .lessEqual, .identifier, .end])
  }

  @Test func commentsAndBlankLines() {
    #expect(kinds("# only a comment") == [])
    #expect(kinds("shop # trailing\n\n  # more\n") == [.identifier, .end])
    #expect(kinds("#!/usr/bin/env tq\nshop") == [.identifier, .end])
    #expect(kinds("shop #no newline at end") == [.identifier, .end])
  }

  @Test func statementEnds() {
    #expect(kinds("a\nb") == [.identifier, .end, .identifier, .end])
    #expect(kinds("a; b;;") == [.identifier, .end, .identifier, .end])
    #expect(kinds("a\r\nb") == [.identifier, .end, .identifier, .end])
  }

  @Test func continuationLines() {
    // `|` at the end of a line.
    #expect(kinds("shop |\n take 5") == [.identifier, .pipe, .identifier, .integer, .end])
    // A line starting with `|`, even after blank and comment lines.
    #expect(kinds("shop\n| take 5") == [.identifier, .pipe, .identifier, .integer, .end])
    #expect(kinds("shop\n\n  # note\n  | take 5") == [.identifier, .pipe, .identifier, .integer, .end])
    // Trailing comma and open brackets.
    #expect(kinds("select a,\n b") == [.identifier, .identifier, .comma, .identifier, .end])
    #expect(kinds("f(a\n, b)") == [.identifier, .leftParen, .identifier, .comma, .identifier, .rightParen, .end])
    #expect(kinds("x in [1\n]") == [.identifier, .identifier, .leftBracket, .integer, .rightBracket, .end])
    // A comment after the `|` does not break the continuation.
    #expect(kinds("shop | # why\n take 5") == [.identifier, .pipe, .identifier, .integer, .end])
    // `;` ends a statement even inside brackets.
    #expect(kinds("f(a; b") == [.identifier, .leftParen, .identifier, .end, .identifier, .end])
  }

  @Test func dotCommands() {
    let t = tokens("  .mode csv\nshop\n.timer on; x")
    #expect(t.map(\.kind) == [.dotCommand, .end, .identifier, .end, .dotCommand, .end, .eof])
    #expect(t[0].text == ".mode csv" && t[0].range == SourceRange(2, 11))
    #expect(t[4].text == ".timer on; x")
    // Not at the start of a statement: a dot token.
    #expect(kinds("help .mode") == [.identifier, .dot, .identifier, .end])
    // A dot-command line does not continue with a following `|` line.
    #expect(kinds(".mode csv\n| take 1") == [.dotCommand, .end, .pipe, .identifier, .integer, .end])
  }

  @Test func needsMoreInput() {
    #expect(Lexer.needsMoreInput("shop |"))
    #expect(Lexer.needsMoreInput("shop | # comment"))
    #expect(Lexer.needsMoreInput("shop | select a,"))
    #expect(Lexer.needsMoreInput("shop | where (a > 1"))
    #expect(Lexer.needsMoreInput("shop | where x in [1,"))
    #expect(!Lexer.needsMoreInput("shop"))
    #expect(!Lexer.needsMoreInput("shop | take 5\n"))
    #expect(!Lexer.needsMoreInput("shop |;"))
    #expect(!Lexer.needsMoreInput(""))
  }
}
