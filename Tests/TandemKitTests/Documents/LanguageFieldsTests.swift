import Testing
@testable import TandemKit

/// `translations:` and `lang:` are a site convention (the Mainroad theme's), not Hugo's: a built
/// post updates them where its source has them and never adds them where it does not.
@Suite("translations: and lang: in built posts")
struct LanguageFieldsTests {
    static func build(_ markdown: String, languagePrefix: String? = nil) throws -> String {
        let document = try HugoDocument(bytes: Array(markdown.utf8), path: "post.md", translatableKeys: ["title"])
        let segments = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!)).segments(of: document)
        let english = ["标题": "Title", "正文。": "Body."]
        var targets: [String: String] = [:]
        for segment in segments { if let target = english[segment.text] { targets[segment.id] = target } }
        let bytes = try DocumentBuilder(document: document, segments: segments)
            .build(targets: targets, fallbackToSource: false, language: LocaleTag("en"), translations: ["zh-CN", "en"],
                   languagePrefix: languagePrefix)
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

    /// A helper's finding: a build that wrote nothing rewrote the source's `["zh-tw"]` as
    /// `["zh-TW"]` (the same language), changing the post for nothing. A listed tag keeps its
    /// spelling; a new one is added as Tandem spells it.
    @Test func aListedTagKeepsItsSpelling() throws {
        let document = try HugoDocument(bytes: Array("+++\ntranslations = [\"zh-tw\"]\n+++\n正文。\n".utf8), path: "post.md")
        let builder = DocumentBuilder(document: document, segments: [])
        #expect(builder.updatingTranslations(["zh-TW"]) == document.bytes)
        #expect(String(decoding: builder.updatingTranslations(["zh-TW", "en"]), as: UTF8.self) == "+++\ntranslations = [\"zh-tw\", \"en\"]\n+++\n正文。\n")
    }

    /// A theme's blog sets `URL: "/2018/04/11/…/"` on every post: the translation kept it, and
    /// Hugo published the English page at the Chinese page's address, in its place. Under a
    /// language prefix the value loses its leading slash, which Hugo reads from the language's
    /// root (`/en/2018/04/11/…/`); the quoting is kept.
    @Test(arguments: [
        ("---\ntitle: 标题\nurl: \"/2018/04/a/\"\n---\n正文。\n", "---\ntitle: Title\nurl: \"2018/04/a/\"\n---\nBody.\n"),
        ("---\ntitle: 标题\nURL: /2018/04/a/\n---\n正文。\n", "---\ntitle: Title\nURL: \"2018/04/a/\"\n---\nBody.\n"),  // quoted: a plain scalar opening with a digit could read as a number
        ("+++\ntitle = '标题'\nurl = '/about/'\n+++\n正文。\n", "+++\ntitle = 'Title'\nurl = 'about/'\n+++\nBody.\n"),
        // Already relative to the language's root, a host, or the root itself: left alone.
        ("---\ntitle: 标题\nurl: about/\n---\n正文。\n", "---\ntitle: Title\nurl: about/\n---\nBody.\n"),
        ("---\ntitle: 标题\nurl: //cdn.example.org/a/\n---\n正文。\n", "---\ntitle: Title\nurl: //cdn.example.org/a/\n---\nBody.\n"),
        ("---\ntitle: 标题\nurl: /\n---\n正文。\n", "---\ntitle: Title\nurl: /\n---\nBody.\n"),
    ])
    func aURLFromTheSiteRootMovesUnderTheLanguagesRoot(_ source: String, _ expected: String) throws {
        #expect(try Self.build(source, languagePrefix: "en") == expected)
        // Without a language prefix (the default language's pages) the url line stays as written.
        let urlLines = { (text: String) in text.split(separator: "\n").filter { $0.lowercased().hasPrefix("url") } }
        #expect(urlLines(try Self.build(source)) == urlLines(source))
    }

    /// Hugo adds no language to an alias from the site's root: both pages wrote a redirect at
    /// `/old/a/`, and the translation's replaced the source's (checked with Hugo 0.111, and
    /// rendered in `HugoSiteCommandTests`). Under a language prefix the translation's aliases
    /// get it; in the default language they are left out (the source page's old addresses).
    /// Relative aliases, a host, and items already under the prefix are kept.
    @Test(arguments: [
        ("---\ntitle: 标题\naliases:\n  - /old/a/\n  - old-rel/\n---\n正文。\n",
         "---\ntitle: Title\naliases:\n  - /en/old/a/\n  - old-rel/\n---\nBody.\n",
         "---\ntitle: Title\naliases:\n  - old-rel/\n---\nBody.\n"),
        ("---\ntitle: 标题\nAliases: [\"/p/1.html\", \"//cdn.example.org/x\", /en/kept/]\n---\n正文。\n",
         "---\ntitle: Title\nAliases: [\"/en/p/1.html\", \"//cdn.example.org/x\", \"/en/kept/\"]\n---\nBody.\n",
         "---\ntitle: Title\nAliases: [\"//cdn.example.org/x\"]\n---\nBody.\n"),
        ("+++\ntitle = '标题'\naliases = ['/old/']\n+++\n正文。\n",
         "+++\ntitle = 'Title'\naliases = ['/en/old/']\n+++\nBody.\n",
         "+++\ntitle = 'Title'\naliases = []\n+++\nBody.\n"),
    ])
    func aliasesFromTheSiteRootNeverNameTheSourcesOldAddress(_ source: String, _ prefixed: String, _ unprefixed: String) throws {
        #expect(try Self.build(source, languagePrefix: "en") == prefixed)
        #expect(try Self.build(source) == unprefixed)
    }
}
