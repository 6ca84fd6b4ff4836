import Foundation
import Testing
import TandemKit
import TandemTestSupport

/// What `tandem check` finds in a site's configuration, with the lines that fix it.
@Suite("Site check")
struct SiteCheckTests {
    static func project(_ files: [String: String], targets: [String]) throws -> (Project, TemporaryProject) {
        let temporary = try TemporaryProject(targets: targets)
        for (path, text) in files { try temporary.write(text, to: path) }
        return (try Project.open(configFile: temporary.configFile), temporary)
    }

    @Test func aTargetMissingFromAJSONConfigurationGetsJSONLines() throws {
        let (project, temporary) = try Self.project(
            ["hugo.json": #"{"defaultContentLanguage": "zh-cn", "languages": {"zh-cn": {"weight": 1}, "en": {"weight": 2}}}"#],
            targets: ["en", "ja"])
        defer { temporary.remove() }
        let findings = try SiteCheck(project: project).findings()
        #expect(findings.map(\.severity) == [.error])
        #expect(findings.first?.file == "hugo.json")
        #expect(findings.first?.fix == #""languages": {"ja": {"languageCode": "ja", "weight": 3}}"# + "\n")
    }

    /// Found on a theme's example site, which sets `defaultContentLanguage = "en"` and has no
    /// languages table: the suggested lines added a second `defaultContentLanguage` (a duplicate
    /// key: Hugo's TOML reader refuses the file). Now the lines added are only the tables, the
    /// message says which value to change, and the file with them added is read by the site loader.
    @Test func aSiteThatSetsItsDefaultLanguageGetsNoSecondDefaultLine() throws {
        let site = "baseURL = \"https://example.org/\"\ndefaultContentLanguage = \"en\"\n\n[params]\nx = 1\n"
        let (project, temporary) = try Self.project(["hugo.toml": site], targets: ["en"])
        defer { temporary.remove() }
        let findings = try SiteCheck(project: project).findings()
        #expect(findings.count == 1)
        let fix = try #require(findings.first?.fix)
        #expect(!fix.contains("defaultContentLanguage"))
        #expect(findings.first?.message.contains("change the site's defaultContentLanguage from en to zh-cn") == true)
        #expect(fix.components(separatedBy: "[languages.en]").count == 2 && fix.components(separatedBy: "[languages.zh-cn]").count == 2)
        try temporary.write(site + "\n" + fix, to: "hugo.toml")
        let fixed = try #require(try HugoSiteConfiguration.load(siteRoot: temporary.root))
        #expect(Set(fixed.languages.map(\.key)) == ["zh-cn", "en"])

        // A tandem.yml listing its source among the targets is refused when it is read.
        #expect(throws: TandemError.self) { _ = try Self.project(["hugo.toml": site], targets: ["zh-CN", "en"]) }
    }

    /// A site keyed `cn` with no languages table gets `[languages.cn]` with languageCode zh-CN,
    /// not a change of its key (which would move every page's URL).
    @Test func aSiteKeyedCNKeepsItsKey() throws {
        let site = "baseURL = \"https://example.org/\"\ndefaultContentLanguage = \"cn\"\n"
        let (project, temporary) = try Self.project(["hugo.toml": site], targets: ["en"])
        defer { temporary.remove() }
        let findings = try SiteCheck(project: project).findings()
        let fix = try #require(findings.first?.fix)
        #expect(fix.contains("[languages.cn]\nlanguageCode = \"zh-CN\"\n"), "\(fix)")
        #expect(findings.first?.message.contains("change the site's defaultContentLanguage") == false)
        try temporary.write(site + "\n" + fix, to: "hugo.toml")
        let fixed = try Project.open(configFile: temporary.configFile)
        #expect(try SiteCheck(project: fixed).findings().isEmpty)
    }

    /// A helper's finding on Jane and Stack: every finding pointed at line 1 of its file. A
    /// missing language points at the languages table, the default language at its line.
    @Test func findingsPointAtTheLinesTheyAreAbout() throws {
        let site = "baseURL = \"https://example.org/\"\ndefaultContentLanguage = \"en\"\n\n[params]\nx = 1\n\n[Languages.en]\nweight = 1\n[languages.zh-cn]\nweight = 2\n"
        let (project, temporary) = try Self.project(["hugo.toml": site], targets: ["ja"])
        defer { temporary.remove() }
        let findings = try SiteCheck(project: project).findings()
        #expect(findings.map(\.line) == [7, 2], "\(findings)")
        #expect(findings.first?.description.hasPrefix("hugo.toml:7:1: error: ja has no entry") == true, "\(findings)")
    }

    /// A helper's finding on Jane's example site: `defaultContentLanguage = "zh-cn"` written
    /// below `[pagination]` belongs to that table, and Hugo ignores it. The warning pointed at
    /// that line and said "the site's default language is en", which the line contradicts.
    @Test func aDefaultLanguageInsideATableIsNamedAsMisplaced() throws {
        let site = "title = \"t\"\n[pagination]\n  pagerSize = 5\ndefaultContentLanguage = \"zh-cn\"\n[languages.zh-cn]\n  weight = 1\n[languages.en]\n  weight = 2\n"
        let (project, temporary) = try Self.project(["hugo.toml": site], targets: ["en"])
        defer { temporary.remove() }
        let findings = try SiteCheck(project: project).findings()
        #expect(findings.map { $0.description.trimmingCharacters(in: .newlines) } == [
            "hugo.toml:4:1: warning: defaultContentLanguage = zh-cn is inside the [pagination] table, where Hugo ignores it, so the site's default language is en: move the line above the first [table]",
        ], "\(findings)")
        try temporary.write("defaultContentLanguage = \"zh-cn\"\n" + site.replacingOccurrences(of: "defaultContentLanguage = \"zh-cn\"\n", with: ""), to: "hugo.toml")
        #expect(try SiteCheck(project: Project.open(configFile: temporary.configFile)).findings().isEmpty)
        // In YAML the key is nested under a map, and the advice says so (it spoke of tables).
        try FileManager.default.removeItem(at: temporary.root.appendingPathComponent("hugo.toml"))
        try temporary.write("params:\n  defaultContentLanguage: zh-cn\nlanguages:\n  zh-cn:\n    weight: 1\n  en:\n    weight: 2\n", to: "hugo.yaml")
        let yaml = try SiteCheck(project: Project.open(configFile: temporary.configFile)).findings().map(\.message)
        #expect(yaml == ["defaultContentLanguage: zh-cn is nested under params, where Hugo ignores it, so the site's default language is en: move it to the top level"], "\(yaml)")
    }

    /// A helper's finding: the site's `i18n/zh-cn.yaml` had a "read more" string and no English
    /// file, so the English pages showed nothing there, and check said the site fits. Strings a
    /// target lacks are named, unless the target's file (or a theme's) has them.
    @Test func interfaceStringsATargetLacksAreNamed() throws {
        let site = "defaultContentLanguage = \"zh-cn\"\n[languages.zh-cn]\nweight = 1\n[languages.en]\nweight = 2\n"
        let (project, temporary) = try Self.project(
            ["hugo.toml": site, "i18n/zh-cn.yaml": "readMore: 阅读全文\nshare: 分享\n", "themes/t/i18n/en.toml": "[share]\nother = \"Share\"\n"],
            targets: ["en"])
        defer { temporary.remove() }
        #expect(try SiteCheck(project: project).findings().map { $0.description.trimmingCharacters(in: .newlines) } == [
            "i18n/zh-cn.yaml:1:1: warning: 1 interface string of zh-cn (readmore) has no en translation in i18n/en.yaml (or the theme's), and Hugo shows it empty on en pages; Tandem does not translate i18n files: add i18n/en.yaml",
        ])
        try temporary.write("- id: readMore\n  translation: Read more\n", to: "i18n/en.yaml")
        #expect(try SiteCheck(project: Project.open(configFile: temporary.configFile)).findings().isEmpty)
    }

    @Test func aDisabledTargetIsAnErrorAndAFittingSiteHasNoFinding() throws {
        let site = "defaultContentLanguage = \"zh-cn\"\n[languages.zh-cn]\nweight = 1\n[languages.en]\nweight = 2\n"
        let (disabled, first) = try Self.project(["hugo.toml": site + "disabled = true\n"], targets: ["en"])
        defer { first.remove() }
        #expect(try SiteCheck(project: disabled).findings().map(\.message) == [
            "language en (en) is disabled in the site, so Hugo drops its pages; enable it or remove en from tandem.yml",
        ])
        let (fitting, second) = try Self.project(["hugo.toml": site], targets: ["en"])
        defer { second.remove() }
        #expect(try SiteCheck(project: fitting).findings().isEmpty)

        // Disabled by `disableLanguages` in the configuration directory: the finding names that
        // file and line, not the first file read (a real blog's build.toml:1:1).
        let (listed, third) = try Self.project([
            "config/_default/build.toml": "[build]\nwriteStats = true\n",
            "config/_default/hugo.toml": "baseURL = \"/\"\ndefaultContentLanguage = \"zh-cn\"\ndisableLanguages = [\"en\"]\n",
            "config/_default/languages.toml": "[zh-cn]\nweight = 1\n[en]\nweight = 2\n",
        ], targets: ["en"])
        defer { third.remove() }
        let finding = try #require(try SiteCheck(project: listed).findings().first)
        #expect("\(finding)".hasPrefix("config/_default/hugo.toml:3:1: error: language en (en) is disabled"), "\(finding)")
    }

    /// A helper's finding: Chinese had `contentDir = "content/zh"` and English none, so the
    /// site's `content/`, which holds `content/zh`: Hugo published the Chinese post again as an
    /// English page beside the built translation, and check said the site fit.
    @Test func aContentDirectoryInsideAnothersIsAnError() throws {
        let site = "defaultContentLanguage = \"zh-cn\"\n[languages.zh-cn]\nweight = 1\ncontentDir = \"content/zh\"\n[languages.en]\nweight = 2\n"
        let post = "---\ntitle: 标题\n---\n\n正文。\n"
        let (project, temporary) = try Self.project(["hugo.toml": site, "content/zh/posts/a.md": post], targets: ["en"])
        defer { temporary.remove() }
        let findings = try SiteCheck(project: project).findings().filter { $0.message.contains("holds") }
        #expect(findings.map(\.severity) == [.error])
        #expect(findings.first?.message == "en's content directory content/ holds zh-cn's content/zh/, so Hugo reads zh-cn's posts as en pages too and publishes them twice; give en a content directory of its own beside it (contentDir = \"content/en\")")
        // Beside each other, the two directories are right.
        let (fitting, other) = try Self.project(["hugo.toml": site + "contentDir = \"content/en\"\n", "content/zh/posts/a.md": post], targets: ["en"])
        defer { other.remove() }
        #expect(try SiteCheck(project: fitting).findings().filter { $0.message.contains("holds") }.isEmpty)
    }

    /// A helper's finding: a person's translation linked by `translationKey` under another name
    /// (`b-english.en.md`) was not seen: build wrote `b.en.md`, and Hugo listed two English pages.
    @Test func aTranslationLinkedByTranslationKeyUnderAnotherNameIsAnError() throws {
        let site = "defaultContentLanguage = \"zh-cn\"\n[languages.zh-cn]\nweight = 1\n[languages.en]\nweight = 2\n"
        let (project, temporary) = try Self.project([
            "hugo.toml": site,
            "content/posts/b.md": "---\ntitle: 乙\ntranslationKey: bkey\n---\n\n乙。\n",
            "content/posts/b-english.en.md": "---\ntitle: B\nTranslationKey: bkey\n---\n\nB.\n",
            "content/posts/c.md": "---\ntitle: 丙\ntranslationKey: ckey\n---\n\n丙。\n",
            "content/posts/c.en.md": "---\ntitle: C\ntranslationKey: ckey\n---\n\nC.\n",
        ], targets: ["en"])
        defer { temporary.remove() }
        let findings = try SiteCheck(project: project).findings().filter { $0.message.contains("translationKey") }
        #expect(findings.map(\.file) == ["content/posts/b-english.en.md"])
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.message.contains("rename it content/posts/b.en.md, then `tandem align --all` adopts it") == true)
    }

    @Test func aLanguageSuffixTheSiteDoesNotKnowIsAWarning() throws {
        let (project, temporary) = try Self.project([
            "hugo.toml": "defaultContentLanguage = \"zh-cn\"\n[languages.zh-cn]\nweight = 1\n[languages.en]\nweight = 2\n",
            "content/posts/a.md": "正文。\n", "content/posts/a.zh.md": "正文。\n",
        ], targets: ["en"])
        defer { temporary.remove() }
        let findings = try SiteCheck(project: project).findings()
        #expect(findings.map(\.severity) == [.warning])
        #expect(findings.first?.file == "content/posts/a.zh.md")
        #expect(findings.first?.message.contains("did you mean .zh-cn.?") == true)
    }
}
