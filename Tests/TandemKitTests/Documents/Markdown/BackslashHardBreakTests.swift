import Testing
@testable import TandemKit

/// A helper's finding on the FixIt docs: cmark-gfm does not count a backslash hard line break
/// (`…\` at a line's end) as a new line, so the inlines after it were placed on the backslash's
/// line. At the top level the text of the line after next landed on the next line's; in a block
/// quote or a list item every inline after the break landed as many bytes early as the line's
/// `> ` or indentation, so segments held half characters and cut links. The parser maps cmark's
/// lines back to the real ones (`ContinuationLineColumns`).
@Suite("Backslash hard line breaks")
struct BackslashHardBreakTests {
    /// A source, and the bytes each of its text and code nodes must cover, in order.
    struct Case: CustomTestStringConvertible, Sendable {
        let source: String
        let inlines: [String]
        var testDescription: String { source.debugDescription }
    }

    static let cases: [Case] = [
        Case(source: "甲。\\\n乙。\n丙。\n", inlines: ["甲。", "乙。", "丙。"]),
        Case(source: "> 甲。\\\n> 乙[链接](https://example.com)。\n", inlines: ["甲。", "乙", "链接", "。"]),
        Case(source: "> 甲。\\\n> 乙。\\\n> 丙。\n> 丁。\n", inlines: ["甲。", "乙。", "丙。", "丁。"]),
        Case(source: "- 甲。\\\n  乙**丙**丁。\\\n  戊。\n", inlines: ["甲。", "乙", "丙", "丁。", "戊。"]),
        Case(source: "> - 甲。\\\n>   乙。\n>   丙。\n", inlines: ["甲。", "乙。", "丙。"]),
        // A lazy continuation line after the break: no `>`, and no indentation.
        Case(source: "> 甲。\\\n乙。\n", inlines: ["甲。", "乙。"]),
        // Emphasis across the break, and a code span that crosses a later soft break.
        Case(source: "> *甲\\\n> 乙*丙`码\n> 段`丁。\n", inlines: ["甲", "乙", "丙", "`码\n> 段`", "丁。"]),
        // An escaped backslash and a soft break: no hard break, and nothing to map.
        Case(source: "> 甲\\\\\n> 乙。\n", inlines: ["甲\\\\", "乙。"]),
        // Hard breaks of both kinds in one quote; CRLF line ends, which cmark's columns count
        // as one byte. (Before a CRLF cmark's text node covers the trailing spaces; its
        // segment does not hold them.)
        Case(source: "> 甲。  \r\n> 乙。\\\r\n> 丙。\r\n", inlines: ["甲。  ", "乙。", "丙。"]),
        // A setext heading over two lines.
        Case(source: "> 标题\\\n> 续\n> ---\n", inlines: ["标题", "续"]),
    ]

    @Test(arguments: cases)
    func everyInlineCoversItsOwnBytes(_ example: Case) throws {
        #expect(try MarkdownPositionCheck.texts(of: [.text, .code], in: example.source) == example.inlines)
    }

    @Test(arguments: cases)
    func anIdentityBuildIsByteExactAndNoCharacterIsCut(_ example: Case) throws {
        let segments = try MarkdownPositionCheck.segments(example.source).1
        #expect(!segments.contains { $0.text.contains("\u{FFFD}") || $0.text.contains(">") }, "\(segments.map(\.text))")
        #expect(try MarkdownPositionCheck.build(example.source) == example.source)
    }

    /// A real translation of a quote with a hard break keeps the quote's markers, the break and
    /// the link where the translation puts them.
    @Test func aTranslatedQuoteKeepsItsBreakAndLink() throws {
        let source = "> 这是第一句。\\\n> 为了更好的兼容性，推荐使用[扩展语法](https://example.com)。\n"
        #expect(try MarkdownPositionCheck.segments(source).1.map(\.text) == ["这是第一句。", "为了更好的兼容性，推荐使用{1}扩展语法{/1}。"])
        let english = ["这是第一句。": "This is the first sentence.", "为了更好的兼容性，推荐使用{1}扩展语法{/1}。": "For better compatibility, use the {1}extended syntax{/1}."]
        #expect(try MarkdownPositionCheck.build(source, targets: english, language: "en")
            == "> This is the first sentence.\\\n> For better compatibility, use the [extended syntax](https://example.com).\n")
    }
}
