import Testing
import TandemKit

@Suite("Display width and line breaking")
struct DisplayWidthTests {
    @Test(arguments: [
        ("Hangzhou", 8), ("杭州的一天", 10), ("ＡＩ", 4), ("e\u{301}te\u{301}", 3), ("한국어", 6),
        ("👍", 2), ("❤\u{FE0F}", 2), ("a\u{200B}b", 2), ("「你好」", 8), ("⟨1 strong⟩", 10),
    ])
    func columnsFollowEastAsianWidth(_ text: String, _ columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    static func lines(_ text: String, width: Int) throws -> [String] {
        let bytes = Array(text.utf8)
        return try DisplayLineBreaker().lines(of: text, width: width).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test func englishBreaksBetweenWords() throws {
        let lines = try Self.lines("In the afternoon we visited the Alibaba Cloud campus.", width: 20)
        #expect(lines == ["In the afternoon we", "visited the Alibaba", "Cloud campus."])
    }

    @Test func chineseBreaksBetweenCharactersButNeverBeforeClosingPunctuation() throws {
        let text = "晚上下起了雨，我们在一家小店吃了两碗面。然后回家。"
        let lines = try Self.lines(text, width: 12)
        #expect(lines.joined() == text)
        for line in lines {
            #expect(DisplayWidth.of(line) <= 12)
            #expect(!line.hasPrefix("，") && !line.hasPrefix("。"))
        }
        #expect(lines.count == 5)
    }

    @Test func aWordWiderThanTheLineIsCutAndHardBreaksStay() throws {
        #expect(try Self.lines("see abcdefghijklmnopqrstuvwxyz end\nnext", width: 10) == ["see", "abcdefghij", "klmnopqrst", "uvwxyz end", "next"])
        // A URL breaks after its slashes, as ICU's line rules allow.
        #expect(try Self.lines("see https://example.org/a/very/long/path", width: 12) == ["see https://", "example.org/", "a/very/long/", "path"])
    }
}
