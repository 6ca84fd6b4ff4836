import Testing
@testable import TandemKit

/// A helper's finding on a real blog (5 places in 4 posts): a line right above a table, with no
/// blank line between (`**支持的平台：**` then `| 平台 | 说明 |`), had no segment and stayed
/// Chinese. cmark-gfm's table extension splits such lines off into a paragraph without any
/// source position; the parser reads them again alone, where they are.
@Suite("Paragraphs right above a table")
struct TableAfterParagraphTests {
    static let table = "| 平台 | 说明 |\n|------|------|\n| 苹果 | 原生 |\n"

    @Test(arguments: [
        ("**支持的平台：**\n" + table, ["支持的平台：", "平台", "说明", "苹果", "原生"]),
        ("第一行。\n第二行，[链接](u)。\n" + table, ["第一行。", "第二行，{1}链接{/1}。", "平台", "说明", "苹果", "原生"]),
        ("前文。\n\n**表一：**\n| 甲 | 乙 |\n|---|---|\n", ["前文。", "表一：", "甲", "乙"]),
        // In a list item or a block quote cmark also places the header's cells without the
        // header line's indentation or `> `.
        ("- 列表项说明：\n  | 甲 | 乙 |\n  |---|---|\n  | 丙 | 丁 |\n", ["列表项说明：", "甲", "乙", "丙", "丁"]),
        ("> 说明：\n> | 甲 | 乙 |\n> |---|---|\n> | 丙 | 丁 |\n", ["说明：", "甲", "乙", "丙", "丁"]),
    ])
    func theLinesAboveATableAreASegment(_ source: String, _ expected: [String]) throws {
        #expect(try MarkdownPositionCheck.segments(source).1.map(\.text) == expected)
        #expect(try MarkdownPositionCheck.build(source) == source)
    }

    @Test func aTranslationReplacesTheLineAboveTheTable() throws {
        let english = ["支持的平台：": "Supported platforms:", "平台": "Platform", "说明": "Notes", "苹果": "Apple", "原生": "Native"]
        #expect(try MarkdownPositionCheck.build("**支持的平台：**\n" + Self.table, targets: english, language: "en")
            == "**Supported platforms:**\n| Platform | Notes |\n|------|------|\n| Apple | Native |\n")
    }
}
