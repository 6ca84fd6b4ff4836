import Testing
@testable import TandemKit

/// A helper's finding on the DoIt docs: a link whose destination is a shortcode
/// (`[安装指南]({{< relref "b.md" >}})`, the usual way Hugo posts link each other) was split into
/// two lone codes, `{1/}安装指南{2/}`, so a translation that swapped them was accepted and built
/// `]({{< relref … >}})the guide[`. A shortcode inside a link's markup leaves the link a pair.
@Suite("Links whose destination is a shortcode")
struct ShortcodeLinkDestinationTests {
    static func segments(_ source: String) throws -> (HugoDocument, [ExtractedSegment]) {
        try MarkdownPositionCheck.segments(source)
    }

    @Test(arguments: [
        ("请参阅[安装指南]({{< relref \"b.md\" >}})了解详情。\n", "请参阅{1}安装指南{/1}了解详情。"),
        ("请参阅[安装指南]({{< ref path=\"b.md\" lang=\"en\" >}} \"标题\")了解详情。\n", "请参阅{1}安装指南{/1}了解详情。"),
        ("你可以使用 [`mermaid` 短代码]({{< ref \"b.md#mermaid\" >}})。\n", "你可以使用 {1}{2/} 短代码{/1}。"),
        ("![示意图]({{< param cdn >}}/a.png)很清楚。\n", "{1}示意图{/1}很清楚。"),
    ])
    func theLinkStaysAPair(_ source: String, _ expected: String) throws {
        let (_, segments) = try Self.segments(source)
        #expect(segments.first?.text == expected)
    }

    @Test func aTranslationMovesTheWholeLink() throws {
        let source = "请参阅[安装指南]({{< relref \"b.md\" >}})了解详情。\n"
        let (document, segments) = try Self.segments(source)
        let targets = [segments[0].id: "For details, see {1}the installation guide{/1}."]
        let built = try DocumentBuilder(document: document, segments: segments)
            .build(targets: targets, fallbackToSource: false, language: LocaleTag("en")!, translations: nil)
        #expect(String(decoding: built, as: UTF8.self) == "For details, see [the installation guide]({{< relref \"b.md\" >}}).\n")
        #expect(throws: (any Error).self) {
            try DocumentBuilder(document: document, segments: segments).build(
                targets: [segments[0].id: "For details, see {/1}the guide{1}."], fallbackToSource: false, language: LocaleTag("en")!, translations: nil)
        }
    }
}
