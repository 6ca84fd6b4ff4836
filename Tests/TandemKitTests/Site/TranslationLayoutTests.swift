import Foundation
import Testing
import TandemTestSupport
@testable import TandemKit

/// Where each language's version of a post lives, and which language a file is.
@Suite("Translation layout")
struct TranslationLayoutTests {
    static let root = URL(fileURLWithPath: "/site")
    static let zh = LocaleTag("zh-CN")!
    static let en = LocaleTag("en")!

    static func layout(_ languages: [HugoLanguage], default key: String = "zh-cn") -> TranslationLayout {
        TranslationLayout(
            root: root, configuration: ProjectConfiguration(source: zh, targets: [en]),
            site: HugoSiteConfiguration(
                files: ["hugo.toml"], languagesFile: "hugo.toml", languagesFileFormat: .toml, defaultContentLanguage: key,
                languages: languages))
    }

    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    @Test func aBundleSourceWithASuffixGetsItsSuffixReplaced() throws {
        let layout = Self.layout([HugoLanguage(key: "zh-cn", weight: 1), HugoLanguage(key: "en", weight: 2)])
        #expect(try layout.translatedPost(for: Self.url("content/posts/a/index.zh-cn.md"), locale: Self.en) == Self.url("content/posts/a/index.en.md"))
        #expect(try layout.translatedPost(for: Self.url("content/posts/a/index.md"), locale: Self.en) == Self.url("content/posts/a/index.en.md"))
        #expect(layout.language(ofFile: Self.url("content/posts/a/index.en.md"), frontMatterLanguage: nil) == PostLanguage(key: "en", evidence: .fileName))
        #expect(layout.language(ofFile: Self.url("content/posts/a/index.md"), frontMatterLanguage: "en") == PostLanguage(key: "en", evidence: .frontMatter))
        #expect(layout.language(ofFile: Self.url("content/posts/a/index.md"), frontMatterLanguage: nil) == PostLanguage(key: "zh-cn", evidence: .fallback))
        // A dotted name that is no language of the site is part of the name.
        #expect(layout.language(ofFile: Self.url("content/posts/release.v2.md"), frontMatterLanguage: nil).key == "zh-cn")
    }

    /// The byte check that spares most posts the URL work agrees with the URLs' extensions.
    @Test func onlyANameWithTwoExtensionsCanHaveALanguageSuffix() {
        for (path, expected) in [
            ("/site/content/posts/0000.md", false), ("/site/content/posts/a.en.md", true), ("/site/content/.en.md", false),
            ("/site/content/.a.en.md", true), ("/site/content.v2/posts/a.md", false), ("/site/content/README", false),
            ("/site/content/a..md", true), ("a.en.md", true), ("/", false),
        ] {
            #expect(TranslationLayout.hasTwoExtensions(path) == expected, "\(path)")
            let url = URL(fileURLWithPath: path)
            if !expected { #expect(url.deletingPathExtension().pathExtension.isEmpty, "\(path)") }
        }
        let layout = Self.layout([HugoLanguage(key: "zh-cn", weight: 1), HugoLanguage(key: "en", weight: 2)])
        #expect(layout.language(ofFile: Self.url("content/posts/.en.md"), frontMatterLanguage: nil).evidence == .fallback)
        #expect(layout.language(ofFile: Self.url("content/posts/.a.en.md"), frontMatterLanguage: nil) == PostLanguage(key: "en", evidence: .fileName))
    }

    /// Hugo reads a file without a language suffix as the default language, so beside a source
    /// `a.zh-cn.md` an existing `a.md` is already the English page of an English-default site.
    @Test func anUnsuffixedFileInTheDefaultLanguageIsThatLanguagesVersion() throws {
        let directory = try TemporaryDirectory(prefix: "tandem-layout")
        defer { directory.remove() }
        let root = directory.url
        for path in ["content/posts/a.zh-cn.md", "content/posts/a.md", "content/posts/b.zh-cn.md", "content/posts/c/index.zh-cn.md", "content/posts/c/index.md"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("---\n---\n".utf8).write(to: root.appendingPathComponent(path))
        }
        func layout(default key: String) -> TranslationLayout {
            TranslationLayout(
                root: root, configuration: ProjectConfiguration(source: Self.zh, targets: [Self.en, LocaleTag("ja")!]),
                site: HugoSiteConfiguration(
                    files: ["hugo.toml"], languagesFile: "hugo.toml", languagesFileFormat: .toml, defaultContentLanguage: key,
                    languages: [HugoLanguage(key: "en", weight: 1), HugoLanguage(key: "zh-cn", weight: 2), HugoLanguage(key: "ja", weight: 3)]))
        }
        let english = layout(default: "en")
        let url = { (path: String) in root.appendingPathComponent(path).standardizedFileURL }
        #expect(try english.translatedPost(for: url("content/posts/a.zh-cn.md"), locale: Self.en) == url("content/posts/a.md"))
        #expect(try english.translatedPost(for: url("content/posts/c/index.zh-cn.md"), locale: Self.en) == url("content/posts/c/index.md"))
        // No unsuffixed file yet: the suffixed name, as before.
        #expect(try english.translatedPost(for: url("content/posts/b.zh-cn.md"), locale: Self.en) == url("content/posts/b.en.md"))
        // Another target is not the default language: its own suffix.
        #expect(try english.translatedPost(for: url("content/posts/a.zh-cn.md"), locale: LocaleTag("ja")!) == url("content/posts/a.ja.md"))
        // With a Chinese default, `a.md` is Chinese, not English.
        #expect(try layout(default: "zh-cn").translatedPost(for: url("content/posts/a.zh-cn.md"), locale: Self.en) == url("content/posts/a.en.md"))
    }

    @Test func aLanguageWithItsOwnContentDirectoryGetsTheSameRelativePath() throws {
        let layout = Self.layout([
            HugoLanguage(key: "zh-cn", contentDir: "content/zh", weight: 1), HugoLanguage(key: "en", contentDir: "content/en", weight: 2),
        ])
        #expect(layout.sourceContentDirectory == Self.url("content/zh"))
        #expect(try layout.translatedPost(for: Self.url("content/zh/posts/a.md"), locale: Self.en) == Self.url("content/en/posts/a.md"))
        #expect(layout.language(ofFile: Self.url("content/en/posts/a.md"), frontMatterLanguage: nil) == PostLanguage(key: "en", evidence: .contentDirectory))
    }

    @Test func withoutASiteTheProjectFileDecidesAndKeysAreLowerCase() throws {
        let layout = TranslationLayout(root: Self.root, configuration: ProjectConfiguration(source: Self.zh, targets: [LocaleTag("zh-TW")!]), site: nil)
        #expect(try layout.translatedPost(for: Self.url("content/a.md"), locale: LocaleTag("zh-TW")!) == Self.url("content/a.zh-tw.md"))
        #expect(layout.language(ofFile: Self.url("content/a.md"), frontMatterLanguage: nil) == PostLanguage(key: "zh-cn", evidence: .fallback))
    }
}
