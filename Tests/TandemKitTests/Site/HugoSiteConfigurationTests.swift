import Foundation
import Testing
import TandemKit
import TandemTestSupport

/// Reading a Hugo site's configuration as Hugo does, in each of its formats and places.
@Suite("Hugo site configuration")
struct HugoSiteConfigurationTests {
    static func site(_ files: [String: String]) throws -> URL {
        let root = try TemporaryDirectory(prefix: "tandem-site-config").url
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    /// The configuration of a site made of `files` (the site is removed afterwards).
    static func load(_ files: [String: String]) throws -> HugoSiteConfiguration {
        let root = try site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        return try #require(try HugoSiteConfiguration.load(siteRoot: root))
    }

    @Test func aTOMLFileGivesTheLanguagesByWeightWithLowerCaseKeys() throws {
        let root = try Self.site(["hugo.toml": """
            DefaultContentLanguage = "zh-CN"
            defaultContentLanguageInSubdir = true
            [languages.en]
            weight = 2
            contentDir = "content/en"
            [languages.zh-CN]
            languageCode = "zh-CN"
            weight = 1
            [languages.fr]
            weight = 3
            disabled = true
            """])
        defer { try? FileManager.default.removeItem(at: root) }
        let site = try #require(try HugoSiteConfiguration.load(siteRoot: root))
        #expect(site.files == ["hugo.toml"])
        #expect(site.defaultContentLanguage == "zh-cn")
        #expect(site.defaultContentLanguageInSubdir)
        #expect(site.languages.map(\.key) == ["zh-cn", "en", "fr"])
        #expect(site.languages[1].contentDir == "content/en")
        #expect(site.languages[2].disabled)
        #expect(site.language(for: LocaleTag("fr")!) == nil)
        #expect(site.translatesByDirectory)
    }

    @Test func tagsMapToTheSitesKeysByKeyThenLanguageCodeThenAnUnambiguousLanguage() throws {
        let site = HugoSiteConfiguration(
            files: ["hugo.toml"], languagesFile: "hugo.toml", languagesFileFormat: .toml,
            languages: [
                HugoLanguage(key: "zh-cn", weight: 1), HugoLanguage(key: "tw", languageCode: "zh-TW", weight: 2),
                HugoLanguage(key: "pt", weight: 3),
            ])
        #expect(site.language(for: LocaleTag("zh-CN")!)?.key == "zh-cn")
        #expect(site.language(for: LocaleTag("zh-TW")!)?.key == "tw")
        #expect(site.language(for: LocaleTag("pt-BR")!)?.key == "pt")
        #expect(site.language(for: LocaleTag("ja")!) == nil)
        #expect(HugoLanguage(key: "pt-br").localeTag == LocaleTag("pt-BR"))
        #expect(HugoLanguage(key: "zh-hant-tw").localeTag == LocaleTag("zh-Hant-TW"))
    }

    /// A helper's finding on a real blog: `defaultContentLanguage = "cn"` (a country code, a
    /// common key) was read as a language called "cn": no Chinese rules, no glossary, no
    /// warning. `cn`, `tw`, `hk` and `jp` stand for the languages they mean, as keys and as
    /// language codes; real language tags are read as they are.
    @Test func countryCodesUsedAsLanguageKeysMeanTheirLanguage() throws {
        #expect(HugoLanguage(key: "cn").localeTag == LocaleTag("zh-CN"))
        #expect(HugoLanguage(key: "tw").localeTag == LocaleTag("zh-TW"))
        #expect(HugoLanguage(key: "jp").localeTag == LocaleTag("ja"))
        #expect(HugoLanguage(key: "x", languageCode: "cn").localeTag == LocaleTag("zh-CN"))
        #expect(HugoLanguage(key: "zh").localeTag == LocaleTag("zh"))
        let site = HugoSiteConfiguration(
            files: ["hugo.toml"], languagesFile: "hugo.toml", languagesFileFormat: .toml,
            languages: [HugoLanguage(key: "cn", weight: 1), HugoLanguage(key: "en", weight: 2)])
        #expect(site.language(for: LocaleTag("zh-CN")!)?.key == "cn")
        #expect(site.language(for: LocaleTag("zh")!)?.key == "cn")
    }

    /// A helper's finding on a real blog: `defaultContentLanguage: zh` with `languageCode:
    /// zh-cn` and no languages table made the source a bare `zh` (no zh-CN rules, a glossary
    /// in glossaries/zh/). Hugo gives a one-language site's top-level languageCode to its
    /// language; for Chinese it says the script. An English theme's `en-us` changes nothing.
    @Test func aChineseSitesTopLevelLanguageCodeNamesItsLanguage() throws {
        #expect(try Self.load(["config.yml": "defaultContentLanguage: zh\nlanguageCode: zh-cn\n"]).defaultLocaleTag == LocaleTag("zh-CN"))
        #expect(try Self.load(["config.yml": "defaultContentLanguage: zh\nlanguageCode: zh-tw\n"]).defaultLocaleTag == LocaleTag("zh-TW"))
        #expect(try Self.load(["hugo.toml": "defaultContentLanguage = \"en\"\nlanguageCode = \"en-us\"\n"]).defaultLocaleTag == LocaleTag("en"))
        let table = "defaultContentLanguage: zh\nlanguageCode: zh-cn\nlanguages:\n  zh:\n    weight: 1\n  en:\n    weight: 2\n"
        #expect(try Self.load(["config.yml": table]).defaultLocaleTag == LocaleTag("zh"))
    }

    /// A helper's finding on a real blog: `config.yaml` began with a byte order mark, which
    /// Hugo reads past; init stopped with "invalid YAML: did not find expected <document start>".
    @Test(arguments: ["config.yaml", "hugo.toml", "hugo.json"])
    func aByteOrderMarkBeforeTheSettingsIsReadPast(_ name: String) throws {
        let text = switch name {
        case "config.yaml": "defaultContentLanguage: zh-cn\n"
        case "hugo.toml": "defaultContentLanguage = \"zh-cn\"\n"
        default: "{\"defaultContentLanguage\": \"zh-cn\"}\n"
        }
        #expect(try Self.load([name: "\u{FEFF}" + text]).defaultContentLanguage == "zh-cn")
    }

    /// A helper's finding: a target `fr-CA` was published as the site's only French, `fr-fr`,
    /// silently. A language without a region still stands for its regional forms, both ways.
    @Test func aRegionalTagIsNotPublishedAsAnotherRegion() throws {
        let site = HugoSiteConfiguration(
            files: ["hugo.toml"], languagesFile: "hugo.toml", languagesFileFormat: .toml,
            languages: [HugoLanguage(key: "zh-cn", weight: 1), HugoLanguage(key: "fr-fr", weight: 2), HugoLanguage(key: "en", weight: 3)])
        #expect(site.language(for: LocaleTag("fr-CA")!) == nil)
        #expect(site.language(for: LocaleTag("fr")!)?.key == "fr-fr")
        #expect(site.language(for: LocaleTag("fr-FR")!)?.key == "fr-fr")
        #expect(site.language(for: LocaleTag("en-GB")!)?.key == "en")
        #expect(site.language(for: LocaleTag("zh-Hans-CN")!)?.key == "zh-cn")
        #expect(LocaleTag("es-419")!.region == "419")
        #expect(LocaleTag("zh-Hant")!.region == nil)
    }

    @Test func theConfigDirectoryMergesWithTheRootFileAndHoldsTheLanguagesFile() throws {
        let site = try Self.load([
            "config.yaml": "baseURL: https://example.org/\ncontentDir: posts-root\n",
            "config/_default/hugo.yaml": "defaultContentLanguage: en\n",
            "config/_default/languages.yaml": "en:\n  weight: 1\nzh-cn:\n  weight: 2\n  languageCode: zh-CN\n",
            "config/_default/params.toml": "[social]\ngithub = \"x\"\n",
        ])
        #expect(site.files == ["config.yaml", "config/_default/hugo.yaml", "config/_default/languages.yaml", "config/_default/params.toml"])
        #expect(site.contentDir == "posts-root")
        #expect(site.defaultContentLanguage == "en")
        #expect(site.languages.map(\.key) == ["en", "zh-cn"])
        #expect(site.languagesFile == "config/_default/languages.yaml")
        #expect(site.languagesAtTopLevel)
    }

    /// A file for one language (`<root key>.<language key>.<ext>`, as hugo-theme-bootstrap's
    /// example site has them) is that language's settings: `config.zh-cn.toml` its root ones
    /// (`contentDir`), `menus.en.toml` its menus; neither is the languages file. A finding about
    /// the default language points at the file that sets it, not at the first file read.
    @Test func aFileForOneLanguageHoldsThatLanguagesSettings() throws {
        let site = try Self.load([
            "config/_default/config.en.toml": "title = \"Site\"\n",
            "config/_default/config.zh-cn.toml": "title = \"站点\"\ncontentDir = \"content/zh\"\nlanguageCode = \"zh-CN\"\n",
            "config/_default/config.toml": "baseURL = \"https://example.org/\"\ndefaultContentLanguage = \"en\"\n",
            "config/_default/languages.toml": "[en]\nweight = 1\n[zh-cn]\nweight = 2\n",
            "config/_default/menus.zh-cn.toml": "[[main]]\nname = \"主页\"\nurl = \"/\"\n",
        ])
        #expect(site.languages.map(\.key) == ["en", "zh-cn"])
        #expect(site.language(key: "zh-cn")?.contentDir == "content/zh")
        #expect(site.language(key: "zh-cn")?.languageCode == "zh-CN")
        #expect(site.language(key: "en")?.contentDir == nil)
        #expect(site.languagesFile == "config/_default/languages.toml")
        #expect(site.defaultContentLanguageFile == "config/_default/config.toml")
        #expect(site.rootSettingsFile == "config/_default/config.toml")
    }

    /// The FixIt docs keep each language's settings in `languages.<key>.toml`: Hugo reads such a
    /// file as that language's settings, not as a `languages` table inside it, so its
    /// `contentDir` decides where the language's posts are (only 3 of 88 Chinese posts were
    /// found before). Files in subdirectories count too (`menus/menus.ja.toml`).
    @Test func aLanguagesFileForOneLanguageHoldsThatLanguagesSettings() throws {
        let site = try Self.load([
            "config/_default/hugo.toml": "defaultContentLanguage = \"en\"\n",
            "config/_default/languages.en.toml": "weight = 1\ncontentDir = \"content/en\"\n",
            "config/_default/languages.zh-cn.toml": "weight = 2\ncontentDir = \"content/zh-cn\"\nlanguageCode = \"zh-CN\"\n",
            "config/_default/menus/menus.zh-cn.toml": "[[main]]\nname = \"主页\"\nurl = \"/\"\n",
            "config/_default/params.zh-cn.toml": "subtitle = \"副标题\"\n",
        ])
        #expect(site.languages.map(\.key) == ["en", "zh-cn"])
        #expect(site.language(key: "zh-cn")?.contentDir == "content/zh-cn")
        #expect(site.language(key: "zh-cn")?.languageCode == "zh-CN")
        #expect(site.language(key: "en")?.contentDir == "content/en")
        #expect(site.files.contains("config/_default/menus/menus.zh-cn.toml"))
    }

    /// Hugo reads keys in any case: `[Languages.en]` and `[languages.zh-cn]` are one table.
    /// Keeping one of the two lowercased keys lost the other's languages, by dictionary order
    /// (a check test failed in one run of three).
    @Test func keysThatDifferOnlyInCaseAreOneTable() throws {
        let site = try Self.load([
            "hugo.toml": "defaultContentLanguage = \"zh-cn\"\n[Languages.en]\nweight = 2\n[languages.zh-cn]\nweight = 1\n[LANGUAGES.fr]\nweight = 3\n",
        ])
        #expect(site.languages.map(\.key) == ["zh-cn", "en", "fr"])
    }

    @Test func namedFilesReplaceTheSearchAndLaterOnesWin() throws {
        let root = try Self.site([
            "hugo.toml": "defaultContentLanguage = \"fr\"\n",
            "site/base.json": #"{"defaultContentLanguage": "en", "languages": {"en": {"weight": 1}}}"#,
            "site/local.toml": "defaultContentLanguage = \"zh-cn\"\n[languages.zh-cn]\nweight = 0\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let site = try #require(try HugoSiteConfiguration.load(siteRoot: root, files: ["site/base.json", "site/local.toml"]))
        #expect(site.defaultContentLanguage == "zh-cn")
        #expect(site.languages.map(\.key) == ["zh-cn", "en"])
    }

    @Test func noConfigurationIsNoSiteAndABrokenOneIsAnErrorAtItsLine() throws {
        let empty = try Self.site([:])
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(try HugoSiteConfiguration.load(siteRoot: empty) == nil)

        let broken = try Self.site(["hugo.toml": "title = \"x\"\n[languages.en\nweight = 1\n"])
        defer { try? FileManager.default.removeItem(at: broken) }
        #expect {
            try HugoSiteConfiguration.load(siteRoot: broken)
        } throws: { error in
            (error as? TandemError)?.location?.line == 2
        }
    }

    /// Hugo's `markup.goldmark.renderer.hardWraps`, in any format: read, so that extract and
    /// build take every line break of a paragraph for a hard one.
    @Test func hardWrapsIsRead() throws {
        let directory = try TemporaryDirectory(prefix: "hardwraps")
        defer { directory.remove() }
        try "[markup.goldmark.renderer]\nhardWraps = true\n".write(to: directory.url.appendingPathComponent("hugo.toml"), atomically: true, encoding: .utf8)
        #expect(try HugoSiteConfiguration.load(siteRoot: directory.url)?.hardWraps == true)
        try "title = \"x\"\n".write(to: directory.url.appendingPathComponent("hugo.toml"), atomically: true, encoding: .utf8)
        #expect(try HugoSiteConfiguration.load(siteRoot: directory.url)?.hardWraps == false)
    }
}
