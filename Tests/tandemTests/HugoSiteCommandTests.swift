import Foundation
import Testing
import TandemTestSupport

/// Tandem inside Hugo sites written for the tests, in each shape Hugo translates: bundles with
/// `index.<lang>.md`, a content directory per language, posts of several languages, a site
/// without `[languages]`, region subtags. Hugo renders every language, links the pages as
/// translations, and loses no page of the original site.
@Suite("Tandem in Hugo sites", .enabled(if: HugoTestSite.hugoIsInstalled, "install Debian's hugo to run these tests"))
struct HugoSiteCommandTests {
    static let settings = """
        baseURL = "https://example.org/"
        title = "test"
        disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]

        """

    /// `settings` with `defaultContentLanguage` and one `[languages]` entry per key (in weight order).
    static func configuration(default key: String, languages: [(key: String, extra: String)]) -> String {
        var text = "defaultContentLanguage = \"\(key)\"\n" + settings
        for (weight, language) in languages.enumerated() {
            text += "\n[languages.\(language.key)]\nweight = \(weight + 1)\n\(language.extra)"
        }
        return text
    }

    static func chinesePost(_ title: String) -> String {
        "---\ntitle: \"\(title)\"\n---\n杭州的模型越来越多。今年的增长很快。\n"
    }

    static func englishPost(_ title: String) -> String {
        "---\ntitle: \"\(title)\"\n---\nA post written in English by a person.\n"
    }

    /// `extract`, pseudo-translations for `locales`, then `build`; the build's run.
    static func translate(_ site: HugoTestSite, into locales: [String]) throws -> ExecutableRunner.Result {
        let extract = try site.tandem(["extract"])
        #expect(extract.status == 0, "\(extract.standardError)")
        for locale in locales {
            let pseudo = try site.tandem(["pseudo", "--locale", locale, "--style", "brackets"])
            #expect(pseudo.status == 0, "\(pseudo.standardError)")
        }
        return try site.tandem(["build"])
    }

    static func extractedPosts(_ site: HugoTestSite) throws -> Set<String> {
        let run = try site.tandem(["extract", "--json"])
        let report = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as! [String: Any]
        return Set((report["results"] as! [[String: Any]]).map { $0["post"] as! String })
    }

    @Test func bundlesWithLanguageSuffixesAreTranslatedBesideTheirSourceAndHumanTranslationsKept() throws {
        let humanEnglish = Self.englishPost("Written by hand")
        let site = try HugoTestSite([
            "hugo.toml": Self.configuration(default: "zh-cn", languages: [("zh-cn", "languageCode = \"zh-CN\"\n"), ("en", "languageCode = \"en\"\n")]),
            "content/posts/a/index.zh-cn.md": Self.chinesePost("模型 A"),
            "content/posts/b/index.zh-cn.md": Self.chinesePost("模型 B"),
            "content/posts/b/index.en.md": humanEnglish,
            "content/posts/c/index.md": Self.chinesePost("模型 C"),
        ])
        defer { site.remove() }
        let before = try site.pageList()
        let initialize = try site.tandem(["init"])
        #expect(initialize.status == 0, "\(initialize.standardError)")
        let configuration = try site.read("tandem.yml")
        #expect(configuration.contains("source: zh-CN\n") && configuration.contains("targets: [en]\n"), "\(configuration)")

        // The English bundle page is an existing translation, never a Chinese source.
        #expect(try Self.extractedPosts(site) == ["content/posts/a/index.zh-cn.md", "content/posts/b/index.zh-cn.md", "content/posts/c/index.md"])
        let build = try Self.translate(site, into: ["en"])
        // b's English page was written by a person: left as it was, and the run says so.
        #expect(build.status == 2)
        #expect(build.standardError.contains("content/posts/b/index.en.md: error: not written by Tandem (or edited since); --force to replace"))
        #expect(try site.read("content/posts/b/index.en.md") == humanEnglish)
        #expect(try site.read("content/posts/a/index.en.md").contains("⟦模型 A⟧"))
        #expect(site.exists("content/posts/c/index.en.md"))
        #expect(!site.exists("content/posts/a/index.zh-cn.en.md") && !site.exists("content/posts/b/index.en.en.md"))

        let render = try site.render()
        #expect(render.status == 0, "\(render.output)")
        #expect(try site.pagesPerLanguage() == ["zh-cn": 3, "en": 3])
        for name in ["a", "b", "c"] {
            #expect(try site.translations(ofPage: "posts/\(name)/index.html") == ["en"])
            #expect(try site.translations(ofPage: "en/posts/\(name)/index.html") == ["zh-cn"])
        }
        let after = try site.pageList()
        #expect(Set(before).isSubset(of: Set(after)), "lost: \(Set(before).subtracting(after))")
        #expect(after.count == before.count + 2)
    }

    @Test func aContentDirectoryPerLanguageGetsTheTranslationAtTheSamePath() throws {
        let site = try HugoTestSite([
            "hugo.toml": Self.configuration(default: "zh-cn", languages: [
                ("zh-cn", "languageCode = \"zh-CN\"\ncontentDir = \"content/zh\"\n"), ("en", "languageCode = \"en\"\ncontentDir = \"content/en\"\n"),
            ]),
            "content/zh/posts/hangzhou.md": Self.chinesePost("杭州"),
            "content/en/posts/only-english.md": Self.englishPost("Only in English"),
        ])
        defer { site.remove() }
        let before = try site.pageList()
        #expect(try site.tandem(["init"]).status == 0)
        #expect(try site.read("tandem.yml").contains("content: content/zh\n"))
        #expect(try Self.extractedPosts(site) == ["content/zh/posts/hangzhou.md"])
        let build = try Self.translate(site, into: ["en"])
        #expect(build.status == 0, "\(build.standardError)")
        #expect(try site.read("content/en/posts/hangzhou.md").contains("⟦杭州⟧"))
        #expect(!site.exists("content/zh/posts/hangzhou.en.md"))

        #expect(try site.render().status == 0)
        #expect(try site.pagesPerLanguage() == ["zh-cn": 1, "en": 2])
        #expect(try site.translations(ofPage: "en/posts/hangzhou/index.html") == ["zh-cn"])
        #expect(try site.translations(ofPage: "en/posts/only-english/index.html") == [])
        #expect(Set(before).isSubset(of: Set(try site.pageList())))
    }

    /// A site whose default language is English, with posts in Chinese, English and Japanese,
    /// translating from Chinese: the Chinese posts (named `.zh-cn.md`, as Hugo needs under an
    /// English default) are the sources, the English and Japanese ones stay as they are.
    @Test func inAMixedLanguageSiteOnlyPostsInTheSourceLanguageAreTranslated() throws {
        let english = Self.englishPost("Hello")
        let japanese = "---\ntitle: \"こんにちは\"\n---\n日本語で書いた記事です。\n"
        let site = try HugoTestSite([
            "hugo.toml": Self.configuration(default: "en", languages: [("en", ""), ("zh-cn", "languageCode = \"zh-CN\"\n"), ("ja", "")]),
            "content/posts/qwen.zh-cn.md": Self.chinesePost("通义千问"),
            "content/posts/hello.md": english,
            "content/posts/konnichiwa.ja.md": japanese,
        ])
        defer { site.remove() }
        let before = try site.pageList()
        #expect(try site.tandem(["init", "--source", "zh-CN"]).status == 0)
        #expect(try site.read("tandem.yml").contains("targets: [en, ja]\n"))
        let check = try site.tandem(["check"])
        #expect(check.status == 0)
        #expect(check.standardOutput.contains("default language is en, not the source zh-CN"))

        #expect(try Self.extractedPosts(site) == ["content/posts/qwen.zh-cn.md"])
        let build = try Self.translate(site, into: ["en", "ja"])
        #expect(build.status == 0, "\(build.standardError)")
        #expect(site.exists("content/posts/qwen.en.md") && site.exists("content/posts/qwen.ja.md"))
        #expect(try site.read("content/posts/hello.md") == english)
        #expect(try site.read("content/posts/konnichiwa.ja.md") == japanese)

        #expect(try site.render().status == 0)
        #expect(try site.pagesPerLanguage() == ["en": 2, "zh-cn": 1, "ja": 2])
        #expect(try site.translations(ofPage: "posts/qwen/index.html") == ["ja", "zh-cn"])
        #expect(Set(before).isSubset(of: Set(try site.pageList())))
    }

    /// Found on public themes' example sites (default language English, Chinese versions as
    /// `foo.zh-cn.md`): Hugo reads `foo.md` as the English page, and a built `foo.en.md` beside it
    /// was a second English page that Hugo rendered instead of the human one.
    @Test func aFileWithoutSuffixInTheDefaultLanguageIsTheTargetsVersionAndIsKept() throws {
        let english = Self.englishPost("Written by hand")
        let site = try HugoTestSite([
            "hugo.toml": Self.configuration(default: "en", languages: [("en", ""), ("zh-cn", "languageCode = \"zh-CN\"\n")]),
            "content/posts/a.zh-cn.md": Self.chinesePost("模型 A"),
            "content/posts/a.md": english,
            "content/posts/b/index.zh-cn.md": Self.chinesePost("模型 B"),
            "content/posts/b/index.md": english,
            "content/posts/c.zh-cn.md": Self.chinesePost("模型 C"),
        ])
        defer { site.remove() }
        #expect(try site.tandem(["init", "--source", "zh-CN"]).status == 0)
        let build = try Self.translate(site, into: ["en"])
        // Left byte-identical and reported, as any translation Tandem did not write.
        #expect(build.status == 2)
        #expect(build.standardError.contains("content/posts/a.md: error: not written by Tandem"), "\(build.standardError)")
        #expect(build.standardError.contains("content/posts/b/index.md: error: not written by Tandem"), "\(build.standardError)")
        #expect(try site.read("content/posts/a.md") == english)
        #expect(try site.read("content/posts/b/index.md") == english)
        #expect(!site.exists("content/posts/a.en.md") && !site.exists("content/posts/b/index.en.md"))
        // A post with no English version yet is built as before.
        #expect(site.exists("content/posts/c.en.md"))
        // `align --all` finds the human pages as the translations to adopt.
        let align = try site.tandem(["align", "--all", "--dry-run"])
        #expect(align.status == 0, "\(align.standardError)")
        #expect(align.standardOutput.contains("content/posts/a.md") && align.standardOutput.contains("content/posts/b/index.md"), "\(align.standardOutput)")

        #expect(try site.render().status == 0)
        #expect(try site.page("posts/a/index.html").contains("A post written in English by a person."))
        #expect(try site.page("posts/b/index.html").contains("A post written in English by a person."))
    }

    /// A translation built before the human page existed hid it once the page was written: the
    /// next build removes what it built there, and Hugo shows the human page again.
    @Test func aTranslationBuiltBeforeTheDefaultLanguagePageExistedIsRemoved() throws {
        let site = try HugoTestSite([
            "hugo.toml": Self.configuration(default: "en", languages: [("en", ""), ("zh-cn", "languageCode = \"zh-CN\"\n")]),
            "content/posts/a.zh-cn.md": Self.chinesePost("模型 A"),
        ])
        defer { site.remove() }
        #expect(try site.tandem(["init", "--source", "zh-CN"]).status == 0)
        #expect(try Self.translate(site, into: ["en"]).status == 0)
        #expect(site.exists("content/posts/a.en.md"))
        let english = Self.englishPost("Written by hand")
        try site.write(english, to: "content/posts/a.md")
        let build = try site.tandem(["build"])
        #expect(build.standardOutput.contains("content/posts/a.en.md: removed, it hid the en page Hugo reads without a language suffix"), "\(build.standardOutput)")
        #expect(!site.exists("content/posts/a.en.md"))
        #expect(try site.read("content/posts/a.md") == english)
        let json = try site.tandem(["build", "--json"])
        #expect(!json.standardOutput.contains("superseded"), "removed once")
        #expect(try site.render().status == 0)
        #expect(try site.page("posts/a/index.html").contains("A post written in English by a person."))
    }

    /// A post with `url:` from the site's root: the English page had the same address and
    /// replaced the Chinese one. Now each language has its page.
    @Test func aPostWithAURLKeepsItsPageAndItsTranslationGetsItsOwn() throws {
        let site = try HugoTestSite([
            "hugo.toml": Self.configuration(default: "zh-cn", languages: [("zh-cn", "languageCode = \"zh-CN\"\n"), ("en", "languageCode = \"en\"\n")]),
            "content/post/mesh.md": "---\ntitle: \"网格\"\nURL: \"/2018/04/11/mesh/\"\n---\n杭州的模型越来越多。\n",
        ])
        defer { site.remove() }
        #expect(try site.tandem(["init"]).status == 0)
        let build = try Self.translate(site, into: ["en"])
        #expect(build.status == 0, "\(build.standardError)")
        #expect(try site.read("content/post/mesh.en.md").contains("URL: \"2018/04/11/mesh/\""))
        #expect(try site.render().status == 0)
        // The Chinese page at its address, the (pseudo-)English one under /en/.
        #expect(try site.page("2018/04/11/mesh/index.html").contains("<p>杭州的模型越来越多。</p>"))
        #expect(try site.page("en/2018/04/11/mesh/index.html").contains("⟦杭州的模型越来越多。⟧"))
    }

    /// `aliases:` from the site's root: Hugo writes each page's redirect where the alias says,
    /// with no language, so the English page's redirect replaced the Chinese page's and its old
    /// address led to the translation. Now the old address still leads to the Chinese page, in
    /// either layout: the English page's aliases move under /en/, or are left out when English
    /// is the default language (no prefix to give them).
    @Test(arguments: [("zh-cn", "/post/mesh/", "/en/post/mesh/"), ("en", "/zh-cn/post/mesh/", nil)])
    func anAliasKeepsLeadingToTheSourcePage(defaultLanguage: String, sourcePage: String, translatedAlias: String?) throws {
        let languages = [("zh-cn", "languageCode = \"zh-CN\"\n"), ("en", "languageCode = \"en\"\n")]
        let site = try HugoTestSite([
            "hugo.toml": Self.configuration(default: defaultLanguage, languages: defaultLanguage == "en" ? languages.reversed() : languages),
            "content/post/mesh.zh-cn.md": "---\ntitle: \"网格\"\naliases:\n  - /old/mesh/\n---\n杭州的模型越来越多。\n",
        ])
        defer { site.remove() }
        #expect(try site.tandem(["init", "--source", "zh-CN", "--targets", "en"]).status == 0)
        let build = try Self.translate(site, into: ["en"])
        #expect(build.status == 0, "\(build.standardError)")
        #expect(try site.render().status == 0)
        let redirect = try site.page("old/mesh/index.html")
        #expect(redirect.contains(sourcePage + "\""), "\(redirect)")
        if let translatedAlias {
            #expect(try site.page("en/old/mesh/index.html").contains(translatedAlias + "\""))
        } else {
            #expect(!site.exists("public/en/old/mesh/index.html"))
        }
    }

    @Test func aSourcePostHugoWouldReadAsAnotherLanguageStopsTheBuild() throws {
        let site = try HugoTestSite([
            "hugo.toml": Self.configuration(default: "en", languages: [("en", ""), ("zh-cn", "languageCode = \"zh-CN\"\n")]),
            "content/posts/notes.md": "---\ntitle: \"笔记\"\nlang: zh-CN\n---\n这是中文。\n",
        ])
        defer { site.remove() }
        #expect(try site.tandem(["init", "--source", "zh-CN"]).status == 1, "init reports the site check's error")
        let check = try site.tandem(["check"])
        #expect(check.status == 1)
        #expect(check.standardOutput.contains("content/posts/notes.md:3:1: error:"), "\(check.standardOutput)")
        #expect(check.standardOutput.contains("rename it notes.zh-cn.md"))
        _ = try site.tandem(["extract"])
        let build = try site.tandem(["build"])
        #expect(build.status == 2)
        #expect(!site.exists("content/posts/notes.en.md"))
    }

    /// Without `[languages]`, Hugo has one language and a `foo.en.md` would not be a
    /// translation: `check` says exactly what to add, `build` refuses, and once the lines are
    /// added everything renders.
    @Test func aSiteWithoutLanguagesIsToldWhatToAddAndBuildsOnceItIs() throws {
        let site = try HugoTestSite([
            "hugo.toml": Self.settings,
            "content/posts/a.md": Self.chinesePost("你好"),
        ])
        defer { site.remove() }
        // init makes the project and reports the same finding as check, exit 1 (it said exit 0).
        let initialize = try site.tandem(["init", "--source", "zh-CN", "--targets", "en"])
        #expect(initialize.status == 1, "\(initialize.standardError)")
        #expect(initialize.standardOutput.contains("hugo.toml:1:1: error: the site has no languages table"), "\(initialize.standardOutput)")
        #expect(site.exists("tandem.yml"))
        let check = try site.tandem(["check", "--json"])
        #expect(check.status == 1)
        let findings = try JSONSerialization.jsonObject(with: Data(check.standardOutput.utf8)) as! [[String: Any]]
        let fix = try #require(findings.first?["fix"] as? String)
        #expect(findings.first?["file"] as? String == "hugo.toml")
        #expect(fix == "defaultContentLanguage = \"zh-cn\"\n\n[languages.zh-cn]\nlanguageCode = \"zh-CN\"\nweight = 1\n\n[languages.en]\nlanguageCode = \"en\"\nweight = 2\n")

        let refused = try Self.translate(site, into: ["en"])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("no languages table"))
        #expect(!site.exists("content/posts/a.en.md"))

        try site.write(try site.read("hugo.toml") + "\n" + fix, to: "hugo.toml")
        #expect(try site.tandem(["check"]).status == 0)
        #expect(try site.tandem(["build"]).status == 0)
        #expect(try site.render().status == 0)
        #expect(try site.translations(ofPage: "en/posts/a/index.html") == ["zh-cn"])
        #expect(try site.pagesPerLanguage() == ["zh-cn": 1, "en": 1])
    }

    @Test func regionTargetsUseTheSitesLowerCaseKeys() throws {
        let site = try HugoTestSite([
            "hugo.toml": Self.configuration(default: "zh-cn", languages: [
                ("zh-cn", "languageCode = \"zh-CN\"\n"), ("zh-tw", "languageCode = \"zh-TW\"\n"), ("pt-br", ""),
            ]),
            "content/posts/a.md": Self.chinesePost("你好"),
        ])
        defer { site.remove() }
        #expect(try site.tandem(["init"]).status == 0)
        #expect(try site.read("tandem.yml").contains("targets: [zh-TW, pt-BR]\n"))
        let build = try Self.translate(site, into: ["zh-TW", "pt-BR"])
        #expect(build.status == 0, "\(build.standardError)")
        #expect(site.exists("content/posts/a.zh-tw.md") && site.exists("content/posts/a.pt-br.md"))
        #expect(site.exists("locales/zh-TW/posts/a.json"))
        #expect(try site.render().status == 0)
        #expect(try site.translations(ofPage: "zh-tw/posts/a/index.html") == ["pt-br", "zh-cn"])
        #expect(try site.pagesPerLanguage() == ["zh-cn": 1, "zh-tw": 1, "pt-br": 1])
    }

    @Test func aTargetMissingFromAYAMLLanguagesFileIsGivenItsYAMLLines() throws {
        let site = try HugoTestSite([
            "config/_default/hugo.yaml": "baseURL: https://example.org/\ndefaultContentLanguage: zh-cn\n",
            "config/_default/languages.yaml": "zh-cn:\n  weight: 1\nen:\n  weight: 2\n",
            "content/posts/a.md": Self.chinesePost("你好"),
        ])
        defer { site.remove() }
        #expect(try site.tandem(["init", "--targets", "en,pt-BR"]).status == 1, "init reports the site check's error")
        let check = try site.tandem(["check"])
        #expect(check.status == 1)
        #expect(check.standardOutput.contains("config/_default/languages.yaml:1:1: error: pt-BR has no entry"), "\(check.standardOutput)")
        #expect(check.standardOutput.contains("    pt-br:\n      languageCode: pt-BR\n      weight: 3\n"))
    }

    /// A page's name in Hugo's menus (`menu.main.name`, in the default keys `init` writes) and
    /// a theme's parameter (`params.subtitle`, which Hugo 0.111 reads as
    /// `.Params.params.subtitle`), named in `translateKeys` by their paths, are translated: the English page's menu shows the
    /// English name, the Chinese page's the Chinese one (hand-written targets, set by `tandem
    /// set`; the page rendered by Hugo).
    @Test func aMenuNameNamedByItsPathIsTranslatedInTheRenderedMenu() throws {
        let site = try HugoTestSite([
            "hugo.toml": Self.configuration(default: "zh-cn", languages: [("zh-cn", "languageCode = \"zh-CN\"\n"), ("en", "languageCode = \"en\"\n")]),
            "content/about.zh-cn.md": "---\ntitle: 关于我们\nmenu:\n  main:\n    name: 关于\n    weight: 1\nparams:\n  subtitle: 一个小团队\n---\n我们在杭州。\n",
            "layouts/_default/single.html": "<html lang=\"{{ .Language.Lang }}\"><body><nav>{{ range .Site.Menus.main }}<a>{{ .Name }}</a>{{ end }}</nav><h1>{{ .Title }}</h1><p class=\"subtitle\">{{ .Params.params.subtitle }}</p>{{ .Content }}</body></html>\n",
        ])
        defer { site.remove() }
        #expect(try site.tandem(["init", "--source", "zh-CN", "--targets", "en", "--no-glossary"]).status == 0)
        let configuration = try site.read("tandem.yml")
        let keys = try #require(configuration.split(separator: "\n").first { $0.hasPrefix("translateKeys:") })
        // init's list names menu.*.name already; the theme's parameter is added.
        #expect(keys.contains("menu.*.name"), "\(keys)")
        _ = try site.write(configuration.replacingOccurrences(of: String(keys), with: keys.replacingOccurrences(of: "]", with: ", params.subtitle]")), to: "tandem.yml")
        #expect(try site.tandem(["extract"]).status == 0)
        let english = ["front/title/s[1]": "About us", "front/menu.main.name/s[1]": "About", "front/params.subtitle/s[1]": "A small team",
                       "body/paragraph[1]/s[1]": "We are in Hangzhou."]
        let segmentFile = try #require(FileManager.default.subpaths(atPath: site.root.appendingPathComponent("locales/en").path)?.first { $0.hasSuffix(".json") })
        let segments = try JSONSerialization.jsonObject(with: Data(site.read("locales/en/" + segmentFile).utf8)) as! [String: Any]
        for segment in segments["segments"] as! [[String: Any]] {
            let target = try #require(english[segment["location"] as! String], "\(segment)")
            let set = try site.tandem(["set", segment["id"] as! String, "--locale", "en", target])
            #expect(set.status == 0, "\(set.standardError)")
        }
        let build = try site.tandem(["build"])
        #expect(build.status == 0, "\(build.standardError)")
        #expect(try site.render().status == 0)
        let page = try site.page("en/about/index.html")
        #expect(page.contains("<nav><a>About</a></nav><h1>About us</h1><p class=\"subtitle\">A small team</p>"), "\(page)")
        #expect(try site.page("about/index.html").contains("<nav><a>关于</a></nav><h1>关于我们</h1>"))
    }

    /// A bundle's page resources' titles (`resources.*.title`, in the default keys `init`
    /// writes) are translated: the English page lists its files under the English titles, the
    /// Chinese page under the Chinese ones (hand-written targets; the page rendered by Hugo).
    @Test func aPageResourcesTitleIsTranslatedInTheRenderedBundle() throws {
        let site = try HugoTestSite([
            "hugo.toml": Self.configuration(default: "zh-cn", languages: [("zh-cn", "languageCode = \"zh-CN\"\n"), ("en", "languageCode = \"en\"\n")]),
            "content/gallery/index.zh-cn.md": "---\ntitle: 图集\nresources:\n- src: specs.txt\n  title: 照片规格\n- src: notes.txt\n  title: 拍摄笔记\n---\n两份文件。\n",
            "content/gallery/specs.txt": "A4\n",
            "content/gallery/notes.txt": "f/8\n",
            "layouts/_default/single.html": "<html><body><h1>{{ .Title }}</h1><ul>{{ range .Resources }}<li>{{ .Title }}</li>{{ end }}</ul>{{ .Content }}</body></html>\n",
        ])
        defer { site.remove() }
        #expect(try site.tandem(["init", "--source", "zh-CN", "--targets", "en", "--no-glossary"]).status == 0)
        #expect(try site.read("tandem.yml").contains("resources.*.title"))
        #expect(try site.tandem(["extract"]).status == 0)
        let english = ["front/title/s[1]": "Gallery", "front/resources.0.title/s[1]": "Photo specs", "front/resources.1.title/s[1]": "Shooting notes",
                       "body/paragraph[1]/s[1]": "Two files."]
        let segmentFile = try #require(FileManager.default.subpaths(atPath: site.root.appendingPathComponent("locales/en").path)?.first { $0.hasSuffix(".json") })
        let segments = try JSONSerialization.jsonObject(with: Data(site.read("locales/en/" + segmentFile).utf8)) as! [String: Any]
        #expect(Set((segments["segments"] as! [[String: Any]]).map { $0["location"] as! String }) == Set(english.keys))
        for segment in segments["segments"] as! [[String: Any]] {
            let target = try #require(english[segment["location"] as! String], "\(segment)")
            let set = try site.tandem(["set", segment["id"] as! String, "--locale", "en", target])
            #expect(set.status == 0, "\(set.standardError)")
        }
        let build = try site.tandem(["build"])
        #expect(build.status == 0, "\(build.standardError)")
        #expect(try site.render().status == 0)
        let page = try site.page("en/gallery/index.html")
        #expect(page.contains("<h1>Gallery</h1><ul><li>Shooting notes</li><li>Photo specs</li></ul>") || page.contains("<h1>Gallery</h1><ul><li>Photo specs</li><li>Shooting notes</li></ul>"), "\(page)")
        #expect(try site.page("gallery/index.html").contains("<li>照片规格</li>"))
    }

    /// A shortcode's bare positional argument (`{{< admonition tip 提示 >}}`) translated as text
    /// Hugo cannot read bare (`Tip!`, `C++`) is quoted, so the site still renders and shows it.
    @Test func aBareShortcodeArgumentTranslatedWithPunctuationStillRenders() throws {
        let site = try HugoTestSite([
            "hugo.toml": Self.configuration(default: "zh-cn", languages: [("zh-cn", "languageCode = \"zh-CN\"\n"), ("en", "languageCode = \"en\"\n")]),
            "content/notes.zh-cn.md": "---\ntitle: 笔记\n---\n{{< admonition tip 提示 >}}\n先读这个。\n{{< /admonition >}}\n\n{{< admonition note 语言 >}}\n用它写。\n{{< /admonition >}}\n",
            "layouts/shortcodes/admonition.html": "<aside class=\"{{ .Get 0 }}\"><b>{{ .Get 1 }}</b>{{ .Inner | markdownify }}</aside>",
            "layouts/_default/single.html": "<html><body>{{ .Content }}</body></html>\n",
        ])
        defer { site.remove() }
        #expect(try site.tandem(["init", "--source", "zh-CN", "--targets", "en", "--no-glossary"]).status == 0)
        #expect(try site.tandem(["extract"]).status == 0)
        let english = ["笔记": "Notes", "提示": "Tip!", "先读这个。": "Read this first.", "语言": "C++ & Go", "用它写。": "Write it in them."]
        let segmentFile = try #require(FileManager.default.subpaths(atPath: site.root.appendingPathComponent("locales/en").path)?.first { $0.hasSuffix(".json") })
        let segments = try JSONSerialization.jsonObject(with: Data(site.read("locales/en/" + segmentFile).utf8)) as! [String: Any]
        for segment in segments["segments"] as! [[String: Any]] {
            let target = try #require(english[segment["source"] as! String], "\(segment)")
            #expect(try site.tandem(["set", segment["id"] as! String, "--locale", "en", target]).status == 0)
        }
        let build = try site.tandem(["build"])
        #expect(build.status == 0, "\(build.standardError)")
        let render = try site.render()
        #expect(render.status == 0, "\(render.output)")
        let page = try site.page("en/notes/index.html")
        #expect(page.contains("<aside class=\"tip\"><b>Tip!</b>"), "\(page)")
        #expect(page.contains("<aside class=\"note\"><b>C&#43;&#43; &amp; Go</b>") || page.contains("<b>C++ &amp; Go</b>"), "\(page)")
    }
}
