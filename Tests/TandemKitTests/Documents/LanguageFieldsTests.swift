import Testing
@testable import TandemKit

/// `translations:` and `lang:` are a site convention (the Mainroad theme's), not Hugo's: a built
/// post updates them where its source has them and never adds them where it does not.
@Suite("translations: and lang: in built posts")
struct LanguageFieldsTests {
    static func build(_ markdown: String) throws -> String {
        let document = try HugoDocument(bytes: Array(markdown.utf8), path: "post.md", translatableKeys: ["title"])
        let segments = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!)).segments(of: document)
        let english = ["标题": "Title", "正文。": "Body."]
        var targets: [String: String] = [:]
        for segment in segments { if let target = english[segment.text] { targets[segment.id] = target } }
        let bytes = try DocumentBuilder(document: document, segments: segments)
            .build(targets: targets, fallbackToSource: false, language: LocaleTag("en"), translations: ["zh-CN", "en"])
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func aPostWithoutTheFieldsGetsNone() throws {
        #expect(try Self.build("---\ntitle: 标题\n---\n正文。\n") == "---\ntitle: Title\n---\nBody.\n")
    }

    @Test func aPostWithTheFieldsHasThemUpdated() throws {
        let built = try Self.build("---\ntitle: 标题\nlang: zh-CN\ntranslations: [zh-CN]\n---\n正文。\n")
        #expect(built.contains("lang: en\n"))
        #expect(built.contains("translations: [zh-CN, en]") || built.contains("translations: [\"zh-CN\", \"en\"]"), "\(built)")
        #expect(built.hasSuffix("---\nBody.\n"))
    }
}
