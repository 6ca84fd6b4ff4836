import Testing
@testable import TandemKit

/// `UTF8Key`: dictionary keys by their bytes, for normalized text.
@Suite("UTF-8 keys")
struct UTF8KeyTests {
    @Test func equalBytesAreOneKey() {
        var counts: [UTF8Key: Int] = [:]
        for key in ["图片", "图片", "圖片", "a", "图片"] { counts[UTF8Key(key), default: 0] += 1 }
        #expect(counts[UTF8Key("图片")] == 3)
        #expect(counts[UTF8Key("圖片")] == 1)
        #expect(counts.count == 3)
    }

    /// Unlike `String`, canonically equivalent text with other bytes is another key: why the
    /// keys it is used for must be normalized first.
    @Test func canonicallyEquivalentBytesAreTwoKeys() {
        #expect("e\u{301}" == "é")
        #expect(UTF8Key("e\u{301}") != UTF8Key("é"))
        #expect(UTF8Key("ab") != UTF8Key("abc"))
    }
}
