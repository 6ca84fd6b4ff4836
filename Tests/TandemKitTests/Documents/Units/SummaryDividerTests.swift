import Testing
@testable import TandemKit

/// A helper's finding on a real blog: `<!--more--> **于是我想…**` on one line. Hugo takes the
/// divider out before rendering, so the page shows the sentence in bold; Tandem read the line
/// as an HTML block and the sentence was never translated (and was called raw HTML).
@Suite("Hugo's summary divider")
struct SummaryDividerTests {
    @Test(arguments: [
        ("第一段。\n\n<!--more--> **于是我想，技术会变成怎样。**\n", ["第一段。", "于是我想，技术会变成怎样。"]),
        ("第一段。\n\n  <!--more-->下一段开始。\n", ["第一段。", "下一段开始。"]),
        // Alone on its line, the divider is an HTML block to Hugo's renderer and to Tandem.
        ("第一段。\n<!--more-->\n第二段。\n", ["第一段。", "第二段。"]),
        // In code it is an example.
        ("```\n<!--more--> 示例\n```\n", []),
    ])
    func theTextAfterADividerIsASegment(_ source: String, _ expected: [String]) throws {
        #expect(try MarkdownPositionCheck.segments(source).1.map(\.text) == expected)
        #expect(try MarkdownPositionCheck.build(source) == source)
    }

    @Test func aTranslationKeepsTheDivider() throws {
        let english = ["第一段。": "First paragraph.", "于是我想，技术会变成怎样。": "So I wondered what technology would become."]
        #expect(try MarkdownPositionCheck.build("第一段。\n\n<!--more--> **于是我想，技术会变成怎样。**\n", targets: english, language: "en")
            == "First paragraph.\n\n<!--more--> **So I wondered what technology would become.**\n")
    }

    @Test func onlyDividersWithTextAfterThemOnTheirLineAreFound() {
        let bytes = Array("<!--more-->\n<!--more--> 甲\n    <!--more--> 乙\n".utf8)
        #expect(SummaryDivider.spansBeforeText(in: bytes) == [12..<23])
    }
}
