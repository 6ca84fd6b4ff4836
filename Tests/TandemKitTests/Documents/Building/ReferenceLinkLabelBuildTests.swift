import Foundation
import Testing
@testable import TandemKit

/// A helper's finding: a shortcut or collapsed reference link (`[文档]`, `[折叠][]`) is named by
/// its own text, so its translation named no definition and Hugo printed "[documentation]" as
/// text. The build gives such a link the label it had; cmark-gfm reads the result as links.
@Suite("Reference links in a build")
struct ReferenceLinkLabelBuildTests {
    static let post = "请看[文档]、[**粗体**][]和![图]。也看[完整][文档]与[内联](https://a.example)。\n\n[文档]: https://docs.example\n[**粗体**]: https://bold.example\n[图]: /a.png\n"

    /// The destinations of the links and images cmark-gfm finds in `markdown`, in order.
    static func destinations(_ markdown: [UInt8]) throws -> [String] {
        var found: [String] = []
        func walk(_ node: MarkdownNode) {
            if node.kind == .link || node.kind == .image, let url = node.destination { found.append(url) }
            node.children.forEach(walk)
        }
        walk(try MarkdownParser.parse(markdown))
        return found
    }

    @Test func translatedShortcutAndCollapsedLinksKeepTheirLabel() throws {
        let document = try HugoDocument(bytes: Array(Self.post.utf8), path: "a.md")
        let segments = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!)).segments(of: document)
        let english = [
            "请看{1}文档{/1}、{2}{3}粗体{/3}{/2}和{4}图{/4}。": "See the {1}docs{/1}, {2}{3}bold{/3}{/2} and {4}a picture{/4}.",
            "也看{1}完整{/1}与{2}内联{/2}。": "Also {1}full{/1} and {2}inline{/2}.",
        ]
        let targets = Dictionary(uniqueKeysWithValues: try segments.map { ($0.id, try #require(english[$0.text], "\($0.text)")) })
        let built = try DocumentBuilder(document: document, segments: segments)
            .build(targets: targets, fallbackToSource: false, language: nil, translations: nil)
        let text = String(decoding: built, as: UTF8.self)
        #expect(text.hasPrefix("See the [docs][文档], [**bold**][**粗体**] and ![a picture][图]. Also [full][文档] and [inline](https://a.example).\n"), "\(text)")
        #expect(try Self.destinations(built) == ["https://docs.example", "https://bold.example", "/a.png", "https://docs.example", "https://a.example"])
    }

    /// Untranslated (the source as its own target), the post is written as it was.
    @Test func theIdentityTranslationChangesNothing() throws {
        let document = try HugoDocument(bytes: Array(Self.post.utf8), path: "a.md")
        let segments = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!)).segments(of: document)
        let targets = Dictionary(uniqueKeysWithValues: segments.map { ($0.id, $0.text) })
        let built = try DocumentBuilder(document: document, segments: segments)
            .build(targets: targets, fallbackToSource: false, language: nil, translations: nil)
        #expect(built == Array(Self.post.utf8))
    }
}
