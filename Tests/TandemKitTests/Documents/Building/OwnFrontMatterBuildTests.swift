import Testing
@testable import TandemKit

/// A translated page's own front matter (`OwnFrontMatter`, kept by `align`) written into the
/// build: in place of the source's entry of its key, or after the others, in the post's syntax.
@Suite("The page's own front matter in a build")
struct OwnFrontMatterBuildTests {
    private func build(_ source: String, _ own: OwnFrontMatter, languagePrefix: String? = "en") throws -> String {
        let document = try HugoDocument(bytes: Array(source.utf8), path: "a.md")
        let builder = DocumentBuilder(document: document, segments: [])
        let bytes = try builder.build(
            targets: [:], fallbackToSource: true, language: LocaleTag("en"), translations: ["zh-CN", "en"],
            languagePrefix: languagePrefix, ownFrontMatter: own)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func yamlEntriesReplaceTheSourcesAndTheOthersComeLast() throws {
        let source = "---\ntitle: 标题\nslug: biaoti\nurl: /2024/a/\ntranslations: [zh-CN]\n---\n\n正文。\n"
        let own = OwnFrontMatter(syntax: .yaml, entries: [
            .init(key: "slug", text: "slug: the-title\n"),
            .init(key: "url", text: "url: /en/2024/the-title/\n"),
            .init(key: "author", text: "author:\n  name: Jane\n"),
        ])
        // The page's `url` is its own: not rewritten from the language's root as the source's would be.
        #expect(try build(source, own) == "---\ntitle: 标题\nslug: the-title\nurl: /en/2024/the-title/\ntranslations: [zh-CN, en]\nauthor:\n  name: Jane\n---\n\n正文。\n")
    }

    @Test func crlfPostsGetCRLFEntries() throws {
        let source = "---\r\ntitle: 标题\r\n---\r\n\r\n正文。\r\n"
        let own = OwnFrontMatter(syntax: .yaml, entries: [.init(key: "author", text: "author: Jane\n")])
        #expect(try build(source, own) == "---\r\ntitle: 标题\r\nauthor: Jane\r\n---\r\n\r\n正文。\r\n")
    }

    /// A plain TOML key after a `[table]` header would belong to that table: it goes before the
    /// first header, and a table of the page's own after the source's tables.
    @Test func tomlKeysGoBeforeTheFirstTableAndTablesAfterTheLast() throws {
        let source = "+++\ntitle = \"标题\"\n[params]\nsubtitle = \"x\"\n[params.cover]\nimage = \"a.png\"\n+++\n\n正文。\n"
        let own = OwnFrontMatter(syntax: .toml, entries: [
            .init(key: "author", text: "author = \"Jane\"\n"),
            .init(key: "params", text: "[params]\nsubtitle = \"y\"\n"),
            .init(key: "sitemap", text: "[sitemap]\npriority = 0.2\n"),
        ])
        let built = try build(source, own)
        // The source's `params` sections (two of them) give way to the page's one.
        #expect(built == "+++\ntitle = \"标题\"\nauthor = \"Jane\"\n[params]\nsubtitle = \"y\"\n[sitemap]\npriority = 0.2\n+++\n\n正文。\n")
        let document = try HugoDocument(bytes: Array(built.utf8), path: "a.en.md")
        #expect(document.frontMatter?.fields.map(\.key) == ["title", "author"])
    }

    @Test func keysAreMatchedInAnyCaseAsHugoReadsThem() throws {
        let source = "---\ntitle: 标题\nSlug: biaoti\n---\n\n正文。\n"
        let own = OwnFrontMatter(syntax: .yaml, entries: [.init(key: "slug", text: "slug: the-title\n")])
        #expect(try build(source, own) == "---\ntitle: 标题\nslug: the-title\n---\n\n正文。\n")
    }

    @Test func entriesOfFrontMatterWithoutTrailingKeysStillEndInALineBreak() throws {
        let source = "---\ntitle: 标题\n---\n正文。\n"
        let own = OwnFrontMatter(syntax: .yaml, entries: [.init(key: "draft", text: "draft: true")])
        #expect(try build(source, own) == "---\ntitle: 标题\ndraft: true\n---\n正文。\n")
    }
}
