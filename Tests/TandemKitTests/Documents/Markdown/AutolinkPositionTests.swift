import Testing
@testable import TandemKit

/// A helper's finding on a real blog: cmark-gfm places an autolink on a paragraph's later line
/// as if it stood on the first, past itself (into the next paragraph, or into a character). A
/// build then spliced a translation into the wrong paragraph with exit 0, or refused the post.
/// The parser takes an autolink's range from its text, which cmark places right.
@Suite("Autolinks on later lines")
struct AutolinkPositionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let source: String
        let links: [String]
        var testDescription: String { source.debugDescription }
    }

    static let cases: [Case] = [
        Case(source: "任务\n<https://e.com/a>\n\nab后面的段落。\n", links: ["<https://e.com/a>"]),
        Case(source: "> 比赛  \n> 链接：<https://e.com/B>  \n> 来源：牛客网\n", links: ["<https://e.com/B>"]),
        Case(source: "- 第一行\n  联系 <me@example.org> 或 <https://e.com/c>。\n", links: ["<me@example.org>", "<https://e.com/c>"]),
        Case(source: "第一行\\\n第二行 <https://e.com/d>\n", links: ["<https://e.com/d>"]),
        // A link whose text is its address is no autolink: its range stays cmark's.
        Case(source: "看\n[https://e.com/e](https://e.com/e)\n", links: ["[https://e.com/e](https://e.com/e)"]),
    ]

    @Test(arguments: cases)
    func anAutolinkCoversItsOwnBytes(_ example: Case) throws {
        #expect(try MarkdownPositionCheck.texts(of: [.link], in: example.source) == example.links)
    }

    @Test(arguments: cases)
    func anIdentityBuildIsByteExactAndNoCharacterIsCut(_ example: Case) throws {
        let segments = try MarkdownPositionCheck.segments(example.source).1
        #expect(!segments.contains { $0.text.contains("\u{FFFD}") }, "\(segments.map(\.text))")
        #expect(try MarkdownPositionCheck.build(example.source) == example.source)
    }

    @Test func aTranslationLandsInItsOwnParagraph() throws {
        // The address is a word of its sentence, with the line break before it.
        let english = ["任务{1/}{2/}": "Task:{1/}{2/}", "ab后面的段落。": "ab, the next paragraph."]
        #expect(try MarkdownPositionCheck.segments("任务\n<https://e.com/a>\n\nab后面的段落。\n").1.map(\.text) == ["任务{1/}{2/}", "ab后面的段落。"])
        #expect(try MarkdownPositionCheck.build("任务\n<https://e.com/a>\n\nab后面的段落。\n", targets: english, language: "en")
            == "Task:\n<https://e.com/a>\n\nab, the next paragraph.\n")
    }
}
