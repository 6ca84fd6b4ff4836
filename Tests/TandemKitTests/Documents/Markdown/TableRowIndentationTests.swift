import Testing
@testable import TandemKit

/// A helper's finding on a real site: cmark-gfm places a table row's cells as if the row began at
/// the header's column. A row indented less than the header (` 张三 | 23` under a header indented
/// three spaces, or a row in a block quote with no space after `>`) was placed late: its cell
/// became `\u{FFFD}三`, and a build wrote part of it twice. The parser moves each row by its own
/// difference (`ContinuationLineColumns`).
@Suite("Table rows indented unlike their header")
struct TableRowIndentationTests {
    /// A source, and the bytes each of its text nodes must cover, in order.
    struct Case: CustomTestStringConvertible, Sendable {
        let source: String
        let texts: [String]
        var testDescription: String { source.debugDescription }
    }

    static let cases: [Case] = [
        Case(source: "   姓名 | 年龄\n   --- | ---\n 张三  | 二十三\n李四|二十四\n", texts: ["姓名", "年龄", "张三", "二十三", "李四", "二十四"]),
        Case(source: "> 甲 | 乙\n> -|-\n>  丙 | 丁\n>戊|己\n", texts: ["甲", "乙", "丙", "丁", "戊", "己"]),
        Case(source: "  | 甲 | 乙 |\n  |---|---|\n| 丙 | **丁** |\n", texts: ["甲", "乙", "丙", "丁"]),
        Case(source: "- 项目\n\n  甲 | 乙\n  -|-\n    丙 | 丁\n", texts: ["项目", "甲", "乙", "丙", "丁"]),
        // A byte order mark before the header: cmark's columns on the first line start after it.
        Case(source: "\u{FEFF}甲|乙\n-|-\n 丙|丁\n", texts: ["甲", "乙", "丙", "丁"]),
    ]

    @Test(arguments: cases)
    func everyCellCoversItsOwnBytes(_ example: Case) throws {
        let bytes = Array(example.source.utf8)
        var found: [String] = []
        func walk(_ node: MarkdownNode) {
            if node.kind == .text {
                found.append(node.range.map { String(decoding: bytes[$0], as: UTF8.self) } ?? "<none>")
            }
            node.children.forEach(walk)
        }
        walk(try MarkdownParser.parse(bytes))
        #expect(found == example.texts)
    }

    @Test(arguments: cases)
    func anIdentityBuildIsByteExact(_ example: Case) throws {
        let document = try HugoDocument(bytes: Array(example.source.utf8), path: "post.md")
        let segments = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!)).segments(of: document)
        #expect(segments.map { CodedText($0.text).plainText } == example.texts)
        let identity = Dictionary(segments.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        let built = try DocumentBuilder(document: document, segments: segments)
            .build(targets: identity, fallbackToSource: false, language: nil, translations: nil)
        #expect(built == Array(example.source.utf8))
    }

    /// Real translations land in their own cells.
    @Test func translatedCellsReplaceTheirSources() throws {
        let source = "   姓名 | 年龄\n   --- | ---\n 张三  | 23\n李四|24\n"
        let document = try HugoDocument(bytes: Array(source.utf8), path: "post.md")
        let segments = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!)).segments(of: document)
        let english = ["姓名": "Name", "年龄": "Age", "张三": "Zhang San", "李四": "Li Si"]
        let targets = Dictionary(uniqueKeysWithValues: segments.map { ($0.id, english[$0.text] ?? $0.text) })
        let built = try DocumentBuilder(document: document, segments: segments)
            .build(targets: targets, fallbackToSource: false, language: LocaleTag("en")!, translations: nil)
        #expect(String(decoding: built, as: UTF8.self) == "   Name | Age\n   --- | ---\n Zhang San  | 23\nLi Si|24\n")
    }
}
