import Testing
@testable import TandemKit

/// `MarkdownRoundTripFuzzer`'s finding: cmark-gfm places the inlines of a paragraph's later line
/// as if the line began at the paragraph's own column. A lazy continuation line of a list item
/// or a block quote (not indented) begins further left, so its text was placed past where it is:
/// into the next character (a build cut 一 in two) or beyond the line's end (the text was dropped
/// from its segment, untranslated). The parser moves them to where the line's content begins.
@Suite("Lazy continuation lines")
struct LazyContinuationLineTests {
    /// A source, and the bytes each of its text and code nodes must cover, in order.
    struct Case: CustomTestStringConvertible, Sendable {
        let source: String
        let inlines: [String]
        var testDescription: String { source.debugDescription }
    }

    static let cases: [Case] = [
        Case(source: "- 第一项\n第二行。\n", inlines: ["第一项", "第二行。"]),
        Case(source: "> 引文\n续行。\n", inlines: ["引文", "续行。"]),
        Case(source: "> - 甲\n乙。\n", inlines: ["甲", "乙。"]),
        Case(source: "> - 甲\n> 乙。\n", inlines: ["甲", "乙。"]),
        Case(source: "  - 甲\n乙\n丙\n", inlines: ["甲", "乙", "丙"]),
        Case(source: "1. 甲\n乙**丙**丁\n", inlines: ["甲", "乙", "丙", "丁"]),
        Case(source: "- [ ] 任务\n续行。\n", inlines: ["任务", "续行。"]),
        Case(source: "- 甲\n*乙* 丙[链接](u)文字\n", inlines: ["甲", "乙", " 丙", "链接", "文字"]),
        Case(source: "- 甲\n\t\t乙\n", inlines: ["甲", "乙"]),
        // Content that itself begins with `>`: deep indentation makes it no block quote.
        Case(source: "- 甲\n      > 乙\n", inlines: ["甲", "> 乙"]),
        // A code span across the break: cmark counts its end from the line's content. (Its
        // range holds its backticks.)
        Case(source: "- 甲`码\n段`乙\n", inlines: ["甲", "`码\n段`", "乙"]),
        Case(source: "- 甲\n  `码\n  段`乙\n", inlines: ["甲", "`码\n  段`", "乙"]),
        Case(source: "* {{< x >}}6\n一个带有标题的示例：\n", inlines: ["{{< x >}}6", "一个带有标题的示例："]),
        // Indented, but less than the item's text (a helper's finding on a real blog): cmark
        // keeps the spaces in the line's content and its inline parser skips them, so the
        // text was placed one byte late per space (`��决方法`), or past the line's end.
        Case(source: "- 第一行。\n 解决方法：看文档。\n", inlines: ["第一行。", "解决方法：看文档。"]),
        Case(source: " 1. 第一行。\n  解决方法：看文档。\n", inlines: ["第一行。", "解决方法：看文档。"]),
        Case(source: "1. 第一行。\n  解决**方法**。\n", inlines: ["第一行。", "解决", "方法", "。"]),
        Case(source: "> 引文\n>  续行。\n", inlines: ["引文", "续行。"]),
    ]

    @Test(arguments: cases)
    func everyInlineCoversItsOwnBytes(_ example: Case) throws {
        let bytes = Array(example.source.utf8)
        var found: [String] = []
        func walk(_ node: MarkdownNode) {
            if node.kind == .text || node.kind == .code {
                found.append(node.range.map { String(decoding: bytes[$0], as: UTF8.self) } ?? "<none>")
            }
            node.children.forEach(walk)
        }
        walk(try MarkdownParser.parse(bytes))
        #expect(found == example.inlines)
    }

    @Test(arguments: cases)
    func anIdentityBuildIsByteExactAndNoTextIsLost(_ example: Case) throws {
        let document = try HugoDocument(bytes: Array(example.source.utf8), path: "post.md")
        let segments = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!)).segments(of: document)
        #expect(!segments.contains { $0.text.contains("\u{FFFD}") }, "\(segments.map(\.text))")
        let lastLine = example.source.split(separator: "\n").last!
        // The last line's last character ends a segment (the line was dropped before).
        let lastWords = String(lastLine.last!)
        if !lastLine.contains("`") {
            #expect(segments.contains { CodedText($0.text).plainText.hasSuffix(lastWords) }, "\(segments.map(\.text))")
        }
        let identity = Dictionary(segments.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        let built = try DocumentBuilder(document: document, segments: segments)
            .build(targets: identity, fallbackToSource: false, language: nil, translations: nil)
        #expect(String(decoding: built, as: UTF8.self) == example.source)
    }

    /// A real translation of lazy lines lands on the lines it translates, markers kept.
    @Test func aTranslationReplacesTheLazyLinesItTranslates() throws {
        let source = "- 第一项\n第二行。\n\n> 他说\n这是真的。\n\n- 甲\n  `码\n  段`乙\n"
        let document = try HugoDocument(bytes: Array(source.utf8), path: "post.md")
        let segments = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!)).segments(of: document)
        let english = ["第一项{1/}第二行。": "First item{1/}second line.", "他说{1/}这是真的。": "He said{1/}this is true.", "甲{1/}{2/}乙": "A{1/}{2/}B"]
        #expect(segments.map(\.text).sorted() == english.keys.sorted())
        let targets = Dictionary(uniqueKeysWithValues: segments.map { ($0.id, english[$0.text] ?? "") })
        let built = try DocumentBuilder(document: document, segments: segments)
            .build(targets: targets, fallbackToSource: false, language: nil, translations: nil)
        #expect(String(decoding: built, as: UTF8.self) == "- First item\nsecond line.\n\n> He said\nthis is true.\n\n- A\n  `码\n  段`B\n")
    }
}
