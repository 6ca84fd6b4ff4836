import Testing
@testable import TandemKit

/// A helper's finding on a real blog (hard-wrapped posts): cmark-gfm starts a link whose text
/// crosses a line break on the line its text ends on, after its own first child. The link was
/// kept whole as one code, its Chinese text could not be translated, and extract called it raw
/// HTML. The parser starts it at the `[` before its text.
@Suite("Links whose text crosses a line break")
struct LinkAcrossLinesPositionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let source: String
        let links: [String]
        let segment: String
        var testDescription: String { source.debugDescription }
    }

    static let cases: [Case] = [
        Case(source: "可以看 [期权交易的\n基本原理](https://e.com/a) 这篇文章。\n",
             links: ["[期权交易的\n基本原理](https://e.com/a)"], segment: "可以看 {1}期权交易的{2/}基本原理{/1} 这篇文章。"),
        Case(source: "> 见 [甲\n> 乙](u)。\n", links: ["[甲\n> 乙](u)"], segment: "见 {1}甲{2/}乙{/1}。"),
        Case(source: "- 见 [**甲**\n  乙](u)。\n", links: ["[**甲**\n  乙](u)"], segment: "见 {1}{2}甲{/2}{3/}乙{/1}。"),
        Case(source: "图 ![一张\n图片](a.png) 在此。\n", links: ["![一张\n图片](a.png)"], segment: "图 {1}一张{2/}图片{/1} 在此。"),
    ]

    @Test(arguments: cases)
    func theLinkCoversItsOwnBytesAndIsAPair(_ example: Case) throws {
        #expect(try MarkdownPositionCheck.texts(of: [.link, .image], in: example.source) == example.links)
        let segments = try MarkdownPositionCheck.segments(example.source).1
        #expect(segments.map(\.text) == [example.segment])
        #expect(try MarkdownPositionCheck.build(example.source) == example.source)
    }

    @Test func aTranslationReplacesTheLinkText() throws {
        let english = ["可以看 {1}期权交易的{2/}基本原理{/1} 这篇文章。": "See {1}the basics of options{/1}."]
        #expect(try MarkdownPositionCheck.build("可以看 [期权交易的\n基本原理](https://e.com/a) 这篇文章。\n", targets: english, language: "en")
            == "See [the basics of options](https://e.com/a).\n")
    }
}
