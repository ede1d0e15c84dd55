import TQStorage
import Testing

@testable import TQIO

@Suite("CSV reader: short string keys read a word past their start")
struct CSVKeySummaryTests {
  static let letters = "abcdefghijklmnopqrstuvwxyz"

  @Test func keysOfEveryLengthKeepTheirOwnCodes() throws {
    // Prefixes of one another differ only in length and in bytes past the shorter one.
    let keys = (1...17).map { String(Self.letters.prefix($0)) }
    var text = "k,n\n"
    for round in 0..<3 {
      for (i, key) in keys.enumerated() { text += "\(key),\(round * 100 + i)\n" }
    }
    let t = try read(text)
    #expect(t.values("k") == (0..<3).flatMap { _ in keys.map { Value.string($0) } })
  }

  @Test func equalKeysFollowedByDifferentBytesMatch() throws {
    let t = try read("k,v\nab,x\nab,y\nabcdefgh,1\nabcdefgh,2\n")
    #expect(t.values("k") == [.string("ab"), .string("ab"), .string("abcdefgh"), .string("abcdefgh")])
    #expect(t.values("v") == [.string("x"), .string("y"), .string("1"), .string("2")])
  }

  @Test func shortKeysAtTheVeryEndOfTheInput() throws {
    for n in 1...9 {
      let key = String(Self.letters.prefix(n))
      let t = try read("k,j\n\(key),\(key)\nz,\(key)")
      #expect(t.values("j") == [.string(key), .string(key)])
    }
  }

  @Test func undoubledQuotedKeysMatchTheirPlainSpelling() throws {
    let t = try read("k,n\n\"a\"\"b\",1\na\"b,2\n\"x\"\"\",3\nx\",4\n")
    #expect(t.values("k") == [.string("a\"b"), .string("a\"b"), .string("x\""), .string("x\"")])
  }

  @Test func headMatchesTheWordOfAZeroPaddedKey() {
    let bytes = Array("abcdefghZZZZZZZZ".utf8)
    bytes.withUnsafeBufferPointer { b in
      let p = b.baseAddress!
      for n in 0...8 {
        let mask: UInt64 = n == 8 ? .max : (1 << UInt64(n * 8)) - 1
        #expect(ByteDictionary.head(p, n) == load64(p) & mask)
      }
    }
  }
}
