import Foundation
import Testing
import TandemTestSupport

/// `tandem align`, run as a user runs it on a site whose English posts were written by hand.
@Suite("tandem align")
struct AlignCommandTests {
    @Test func allAdoptsEveryTranslationBesideItsPostAndBuildKeepsTheText() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("# 新闻\n\n今天下雨了。明天会放晴。\n", to: "content/posts/a.md")
        let english = "# News\n\nIt rained today. Tomorrow will be sunny.\n"
        try project.write(english, to: "content/posts/a.en.md")
        try project.write("没有译文的文章。\n", to: "content/posts/b.md")

        let dryRun = try ExecutableRunner.run(["align", "--all", "--dry-run", "--pairs"], in: project.root)
        #expect(dryRun.status == 0, "\(dryRun.standardError)")
        #expect(dryRun.standardOutput.contains("= 今天下雨了。\n  It rained today.\n"))
        #expect(dryRun.standardOutput.contains("would adopt content/posts/a.en.md: 3 translated, 0 fuzzy (unsure), 0 untouched"))
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("locales/en/posts/a.json").path))

        let run = try ExecutableRunner.run(["align", "--all", "--json"], in: project.root)
        #expect(run.status == 0, "\(run.standardError)")
        let results = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [[String: Any]])
        #expect(results.count == 1 && results[0]["translated"] as? Int == 3)
        let segments = String(decoding: try project.read("locales/en/posts/a.json"), as: UTF8.self)
        #expect(segments.contains("\"origin\" : \"aligned\""))

        let build = try ExecutableRunner.run(["build", "content/posts/a.md"], in: project.root)
        #expect(build.status == 0, "\(build.standardError)")
        #expect(String(decoding: try project.read("content/posts/a.en.md"), as: UTF8.self) == english)
    }

    /// A helper's finding: a translator edited the page `build` wrote from targets a person had
    /// set; build advised `align`, align said "0 translated, 2 untouched" without a reason and
    /// build advised it again, so only `--force`, which drops the edit, went on. align names the
    /// targets that differ, and `--replace` takes the page's text; build then keeps the page.
    @Test func aHandEditedBuiltPageIsAdoptedWithReplace() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("今天下雨了。\n", to: "content/posts/a.md")
        #expect(try ExecutableRunner.run(["extract"], in: project.root).status == 0)
        let segments = String(decoding: try project.read("locales/en/posts/a.json"), as: UTF8.self)
        let id = try #require(segments.components(separatedBy: "\"id\" : \"").dropFirst().first?.prefix { $0 != "\"" })
        #expect(try ExecutableRunner.run(["set", String(id), "--locale", "en", "It rained today."], in: project.root).status == 0)
        #expect(try ExecutableRunner.run(["build"], in: project.root).status == 0)
        try project.write("It poured all day.\n", to: "content/posts/a.en.md")

        let kept = try ExecutableRunner.run(["align", "content/posts/a.md", "content/posts/a.en.md"], in: project.root)
        #expect(kept.standardOutput.contains("1 target a person wrote or checked differs from content/posts/a.en.md and was kept; `tandem align --replace"), "\(kept.standardOutput)")
        let replaced = try ExecutableRunner.run(["align", "--replace", "content/posts/a.md", "content/posts/a.en.md"], in: project.root)
        #expect(replaced.standardOutput.contains("1 translated"), "\(replaced.standardOutput)")
        let build = try ExecutableRunner.run(["build"], in: project.root)
        #expect(build.status == 0, "\(build.standardError)")
        #expect(String(decoding: try project.read("content/posts/a.en.md"), as: UTF8.self) == "It poured all day.\n")
    }

    /// A helper's finding on a theme's docs: the preview numbered the codes as the English had
    /// them, so a right pair read "number {1/} in the {2/} series" (swapped) while the segment
    /// got "{2/} … {1/}". The preview shows what is written.
    @Test func thePreviewShowsTheTargetAsWritten() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("文章是 `Docs` 系列中的第 `11` 篇。\n", to: "content/posts/a.md")
        try project.write("The article is number `11` in the `Docs` series.\n", to: "content/posts/a.en.md")
        let dryRun = try ExecutableRunner.run(["align", "--all", "--dry-run", "--pairs"], in: project.root)
        #expect(dryRun.status == 0, "\(dryRun.standardError)")
        #expect(dryRun.standardOutput.contains("= 文章是 {1/} 系列中的第 {2/} 篇。\n  The article is number {2/} in the {1/} series.\n"), "\(dryRun.standardOutput)")
    }

    /// A helper's finding: after `align`, build refused the English page and told the user to
    /// align it (done already), and --force then dropped the page's own menu entry and its code
    /// comments translated by hand. The refusal now says what a forced build would lose; the
    /// menu entry `align` keeps (`OwnFrontMatter`), the code block it cannot.
    @Test func aRefusalAfterAlignNamesWhatTheTranslationHasOfItsOwn() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("---\ntitle: 新闻\n---\n\n今天下雨了。\n\n```go\n// 注释\nfmt.Println(1)\n```\n", to: "content/posts/a.md")
        let english = "---\ntitle: News\nmenu:\n  main:\n    weight: 2\n---\n\nIt rained today.\n\n```go\n// a comment\nfmt.Println(1)\n```\n"
        try project.write(english, to: "content/posts/a.en.md")
        #expect(try ExecutableRunner.run(["align", "--all", "--no-memory"], in: project.root).status == 0)
        let build = try ExecutableRunner.run(["build"], in: project.root)
        #expect(build.status == 2)
        #expect(build.standardError.contains(
            "content/posts/a.en.md: error: not written by Tandem (or edited since); it has 1 code block of its own, "
                + "which a build from content/posts/a.md would not write; keep it as it is, or --force to replace it and lose them"), "\(build.standardError)")
        #expect(String(decoding: try project.read("content/posts/a.en.md"), as: UTF8.self) == english)
    }

    /// The open part of that finding: `build --force` after `align` wrote the page from the
    /// source's front matter, and the translator's `author:`, `slug:` and a `description:` only
    /// the English page had were gone. `align` keeps them in the segment file; every build
    /// writes them, and `extract` keeps them when the post changes.
    @Test func thePagesOwnFrontMatterOutlivesBuildsAndLaterExtracts() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("---\ntitle: 新闻\nslug: xinwen\ndate: 2024-01-01\n---\n\n今天下雨了。明天会放晴。\n", to: "content/posts/a.md")
        try project.write(
            "---\ntitle: News\nslug: news\ndate: 2024-01-01\nauthor: Jane\ndescription: Rain, then sun.\n---\n\nIt rained today. Tomorrow will be sunny.\n",
            to: "content/posts/a.en.md")
        let align = try ExecutableRunner.run(["align", "--all", "--no-memory", "--json"], in: project.root)
        #expect(align.status == 0, "\(align.standardError)")
        #expect(align.standardOutput.contains("\"keptFrontMatter\" : [\n      \"slug\",\n      \"author\",\n      \"description\"\n    ]"), "\(align.standardOutput)")
        // The pairs are unsure (a one-word title): a reviewer confirms them.
        let file = try JSONSerialization.jsonObject(with: Data(try project.read("locales/en/posts/a.json"))) as? [String: Any]
        let ids = (file?["segments"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(try ExecutableRunner.run(["review", "--no-memory"] + ids, in: project.root).status == 0)
        // The page, its own entries in their places, is what the build writes: nothing to force.
        let page = "---\ntitle: News\nslug: news\ndate: 2024-01-01\nauthor: Jane\ndescription: Rain, then sun.\n---\n\nIt rained today. Tomorrow will be sunny.\n"
        let first = try ExecutableRunner.run(["build"], in: project.root)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput == "content/posts/a.en.md: up to date\n")
        #expect(String(decoding: try project.read("content/posts/a.en.md"), as: UTF8.self) == page)
        let built = page

        try project.write("---\ntitle: 新闻\nslug: xinwen\ndate: 2024-01-02\n---\n\n今天下雨了。明天会放晴。\n", to: "content/posts/a.md")
        #expect(try ExecutableRunner.run(["extract", "--no-memory"], in: project.root).status == 0)
        let rebuilt = try ExecutableRunner.run(["build"], in: project.root)
        #expect(rebuilt.status == 0, "\(rebuilt.standardError)")
        #expect(String(decoding: try project.read("content/posts/a.en.md"), as: UTF8.self) == built.replacingOccurrences(of: "2024-01-01", with: "2024-01-02"))
    }

    /// A helper's finding over a site's months: a translator fixed a typo in the built page
    /// while the author edited another sentence (两天 → 三天); align --replace then paired the
    /// page's old "two days" with 三天 as sure, and build published it. The page's text for an
    /// edited sentence is its old translation: the segment stays fuzzy; the typo fix is adopted.
    @Test func aSentenceEditedSinceThePageWasBuiltStaysFuzzy() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("合并前必须通过测试。\n\n每个分支的寿命不超过两天。\n", to: "content/posts/a.md")
        #expect(try ExecutableRunner.run(["extract", "--no-memory"], in: project.root).status == 0)
        let file = try JSONSerialization.jsonObject(with: Data(try project.read("locales/en/posts/a.json"))) as? [String: Any]
        let english = ["合并前必须通过测试。": "Tests must pas before merging.", "每个分支的寿命不超过两天。": "No branch lives longer than two days."]
        for segment in file?["segments"] as? [[String: Any]] ?? [] {
            let id = try #require(segment["id"] as? String)
            let target = try #require(english[segment["source"] as? String ?? ""])
            #expect(try ExecutableRunner.run(["set", "--no-memory", id, "--", target], in: project.root).status == 0)
        }
        #expect(try ExecutableRunner.run(["build"], in: project.root).status == 0)
        try project.write("Tests must pass before merging.\n\nNo branch lives longer than two days.\n", to: "content/posts/a.en.md")
        try project.write("合并前必须通过测试。\n\n每个分支的寿命不超过三天。\n", to: "content/posts/a.md")
        #expect(try ExecutableRunner.run(["extract", "--no-memory"], in: project.root).status == 0)
        let align = try ExecutableRunner.run(["align", "--replace", "--no-memory", "content/posts/a.md", "content/posts/a.en.md"], in: project.root)
        #expect(align.status == 0, "\(align.standardError)")
        #expect(align.standardOutput.contains("1 sentence edited in content/posts/a.md since content/posts/a.en.md was built stays fuzzy: the page has the old translation"), "\(align.standardOutput)")
        let after = try JSONSerialization.jsonObject(with: Data(try project.read("locales/en/posts/a.json"))) as? [String: Any]
        let segments = after?["segments"] as? [[String: Any]] ?? []
        let edited = segments.first { ($0["source"] as? String) == "每个分支的寿命不超过三天。" }
        #expect(edited?["state"] as? String == "fuzzy")
        #expect(segments.first { ($0["source"] as? String) == "合并前必须通过测试。" }?["target"] as? String == "Tests must pass before merging.")
    }

    /// A helper's finding on the Congo docs: after align, a page whose own text lies outside
    /// the segments (an argument of a shortcode Tandem does not translate) was refused with
    /// "`tandem align` to adopt it", and aligning again changed nothing: a loop.
    @Test func aRefusalAfterAlignDoesNotSendTheUserBackToAlign() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("今天下雨了。\n\n{{< shot alt=\"雨\" >}}\n", to: "content/posts/a.md")
        try project.write("It rained today.\n\n{{< shot alt=\"Rain\" >}}\n", to: "content/posts/a.en.md")
        #expect(try ExecutableRunner.run(["align", "--all", "--no-memory"], in: project.root).status == 0)
        let build = try ExecutableRunner.run(["build"], in: project.root)
        #expect(build.status == 2)
        #expect(build.standardError.contains("`tandem align` adopted its sentences already; what still differs is outside them"), "\(build.standardError)")
    }

    /// A helper's finding: the page's own `params` (one value differs) is kept whole, so what the
    /// author adds to the post's `params` later never reaches the translation. Build says so.
    @Test func buildSaysWhenThePostChangedAnEntryThePageKeepsItsOwnOf() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("---\ntitle: 茶\nparams:\n  mood: 平静\n---\n\n今天下雨了。\n", to: "content/posts/t.md")
        try project.write("---\ntitle: Tea\nparams:\n  mood: calm\n---\n\nIt rained today.\n", to: "content/posts/t.en.md")
        #expect(try ExecutableRunner.run(["align", "--all", "--no-memory"], in: project.root).status == 0)
        let quiet = try ExecutableRunner.run(["build", "--force", "--min-complete", "0"], in: project.root)
        #expect(!quiet.standardError.contains("changed its front matter"), "\(quiet.standardError)")
        try project.write("---\ntitle: 茶\nparams:\n  mood: 平静\n  math: true\n---\n\n今天下雨了。\n", to: "content/posts/t.md")
        let build = try ExecutableRunner.run(["build", "--min-complete", "0"], in: project.root)
        #expect(build.standardError.contains(
            "content/posts/t.en.md: warning: content/posts/t.md changed its front matter params since `tandem align` kept the translation's own"), "\(build.standardError)")
    }

    /// A page whose front matter is TOML beside a YAML post cannot be spliced in: align says
    /// which keys a forced build would lose, and leaves them out of the segment file.
    @Test func frontMatterInAnotherSyntaxIsNamedNotKept() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("---\ntitle: 新闻\n---\n\n今天下雨了。\n", to: "content/posts/a.md")
        try project.write("+++\ntitle = \"News\"\nauthor = \"Jane\"\n+++\n\nIt rained today.\n", to: "content/posts/a.en.md")
        let align = try ExecutableRunner.run(["align", "--all", "--no-memory"], in: project.root)
        #expect(align.status == 0, "\(align.standardError)")
        #expect(align.standardOutput.contains(
            "locales/en/posts/a.json: warning: content/posts/a.en.md's front matter key author cannot be kept: a page's own front matter is kept when both files write it in YAML, or both in TOML"),
            "\(align.standardOutput)")
        #expect(!String(decoding: try project.read("locales/en/posts/a.json"), as: UTF8.self).contains("ownFrontMatter"))
    }

    /// A post converted to TOML after `align` kept YAML entries: build refuses, at the entries.
    @Test func buildRefusesEntriesInAnotherSyntaxThanThePost() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("---\ntitle: 新闻\n---\n\n今天下雨了。\n", to: "content/posts/a.md")
        try project.write("---\ntitle: News\nauthor: Jane\n---\n\nIt rained today.\n", to: "content/posts/a.en.md")
        #expect(try ExecutableRunner.run(["align", "--all", "--no-memory"], in: project.root).status == 0)
        try project.write("+++\ntitle = \"新闻\"\n+++\n\n今天下雨了。\n", to: "content/posts/a.md")
        let build = try ExecutableRunner.run(["build", "--force"], in: project.root)
        #expect(build.status == 2)
        #expect(build.standardError.contains(
            "locales/en/posts/a.json:3:3: error: ownFrontMatter (author) is YAML but content/posts/a.md's front matter is TOML; rewrite the entries as the post's are, or remove them"),
            "\(build.standardError)")
        #expect(String(decoding: try project.read("content/posts/a.en.md"), as: UTF8.self).contains("author: Jane"))
    }

    /// Found on a theme's example site: after a build, `align --all` offered to adopt the files
    /// the build had just written. Tandem's own output is not a human translation.
    @Test func allLeavesWhatBuildWroteAlone() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("今天下雨了。\n", to: "content/posts/a.md")
        try project.write("明天会放晴。\n", to: "content/posts/b.md")
        try project.write("Tomorrow will be sunny.\n", to: "content/posts/b.en.md")
        #expect(try ExecutableRunner.run(["extract"], in: project.root).status == 0)
        #expect(try ExecutableRunner.run(["pseudo", "--locale", "en"], in: project.root).status == 0)
        #expect(try ExecutableRunner.run(["build", "content/posts/a.md"], in: project.root).status == 0)
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("content/posts/a.en.md").path))
        let dryRun = try ExecutableRunner.run(["align", "--all", "--dry-run"], in: project.root)
        #expect(dryRun.status == 0, "\(dryRun.standardError)")
        #expect(!dryRun.standardOutput.contains("content/posts/a.en.md"), "\(dryRun.standardOutput)")
        #expect(dryRun.standardOutput.contains("would adopt content/posts/b.en.md"), "\(dryRun.standardOutput)")
    }

    @Test func aTranslationNotNamedForATargetNeedsItsLocale() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("今天下雨了。\n", to: "content/posts/a.md")
        try project.write("It rained today.\n", to: "content/posts/a-english.md")
        let refused = try ExecutableRunner.run(["align", "content/posts/a.md", "content/posts/a-english.md"], in: project.root)
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("pass --locale"))
        let accepted = try ExecutableRunner.run(["align", "--locale", "en", "content/posts/a.md", "content/posts/a-english.md"], in: project.root)
        #expect(accepted.status == 0, "\(accepted.standardError)")
    }
}
