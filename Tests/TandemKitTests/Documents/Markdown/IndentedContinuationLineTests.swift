import Testing
@testable import TandemKit

/// `MarkdownRoundTripFuzzer`'s finding: cmark-gfm places a text node that starts an indented
/// continuation line before the indentation it strips, so `t\n 世` gave the segment `t{1/} \u{FFFD}`
/// and a build cut 世 in two. The parser moves the inlines of such a line to where its content
/// begins (`ContinuationLineColumns`; lazy lines: `LazyContinuationLineTests`).
@Suite("Indented continuation lines")
struct IndentedContinuationLineTests {
    @Test(arguments: ["t\n 世\n", "第一行\n   第二行。\n", "第一行\n\t第二行。\n", "> 引文\n>  续行。\n", "- 项目\n   续行。\n"])
    func textAfterAnIndentedLineBreakKeepsItsCharactersAndBuildsByteExact(_ source: String) throws {
        let document = try HugoDocument(bytes: Array(source.utf8), path: "post.md")
        let segments = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!)).segments(of: document)
        #expect(!segments.contains { $0.text.contains("\u{FFFD}") }, "\(segments.map(\.text))")
        let last = source.split(separator: "\n").last!.trimmingCharacters(in: .init(charactersIn: " \t>"))
        #expect(segments.contains { CodedText($0.text).plainText.hasSuffix(last) }, "\(segments.map(\.text))")
        let identity = Dictionary(segments.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        let built = try DocumentBuilder(document: document, segments: segments)
            .build(targets: identity, fallbackToSource: false, language: nil, translations: nil)
        #expect(built == Array(source.utf8))
    }
}
