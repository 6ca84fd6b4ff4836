import Testing
@testable import TandemKit

/// A helper's finding on a real blog: `\|`, GFM's way to write a pipe in a table cell. cmark-gfm
/// takes the backslash out of the cell before reading its inlines, so everything after it was
/// placed a byte early per escape: the segment held half characters and build refused the post.
@Suite("Escaped pipes in table cells")
struct TableEscapedPipeTests {
    static let header = "| 命令 | 说明 |\n|---|---|\n"

    @Test(arguments: [
        (header + "| a | 查询，`x\\|y`，`z` 取响应 |\n", ["命令", "说明", "a", "查询，{1/}，{2/} 取响应"]),
        (header + "| b | 粗\\|体和文字 |\n", ["命令", "说明", "b", "粗{1/}体和文字"]),
        (header + "| c | **粗\\|体** 和 \\| 文字 |\n", ["命令", "说明", "c", "{1}粗{2/}体{/1} 和 {3/} 文字"]),
        (header + "| 甲\\|乙 | 丙 |\n", ["命令", "说明", "甲{1/}乙", "丙"]),
    ])
    func everyCellKeepsItsCharactersWhole(_ source: String, _ expected: [String]) throws {
        let segments = try MarkdownPositionCheck.segments(source).1
        #expect(segments.map(\.text) == expected)
        #expect(!segments.contains { $0.text.contains("\u{FFFD}") })
        #expect(try MarkdownPositionCheck.build(source) == source)
    }

    @Test func aTranslationKeepsTheEscape() throws {
        let english = ["命令": "Command", "说明": "Meaning", "b": "b", "粗{1/}体和文字": "bold{1/}text"]
        #expect(try MarkdownPositionCheck.build(Self.header + "| b | 粗\\|体和文字 |\n", targets: english, language: "en")
            == "| Command | Meaning |\n|---|---|\n| b | bold\\|text |\n")
    }
}
