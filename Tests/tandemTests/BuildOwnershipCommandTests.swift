import Foundation
import Testing
import TandemTestSupport

/// `build` never replaces human work, withdraws what falls below `--min-complete`, and
/// retires the translations and segment files of deleted posts.
@Suite("tandem build: whose files, and deleted posts")
struct BuildOwnershipCommandTests {
    static let post = "---\ntitle: 你好\n---\n第一句话。第二句话。\n"

    /// A project with `names` posted, extracted and pseudo-translated into English.
    static func translatedProject(_ names: [String] = ["hello"]) throws -> TemporaryProject {
        let project = try TemporaryProject()
        for name in names { try project.write(post, to: "content/posts/\(name).md") }
        #expect(try ExecutableRunner.run(["extract"], in: project.root).status == 0)
        #expect(try ExecutableRunner.run(["pseudo", "--locale", "en", "--style", "brackets"], in: project.root).status == 0)
        return project
    }

    static func statuses(_ run: ExecutableRunner.Result) throws -> [String] {
        let report = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as! [String: Any]
        return (report["results"] as! [[String: Any]]).map { $0["status"] as! String }
    }

    @Test func aHumanTranslationIsLeftByteIdenticalUnlessForced() throws {
        let project = try Self.translatedProject()
        defer { project.remove() }
        let human = Array("---\ntitle: Hello\n---\nWritten by a person.\n".utf8)
        try project.write(human, to: "content/posts/hello.en.md")

        let refused = try ExecutableRunner.run(["build"], in: project.root)
        #expect(refused.status == 2)
        #expect(refused.standardError.contains(
            "content/posts/hello.en.md: error: not written by Tandem (or edited since); --force to replace, or `tandem align` to adopt it (`tandem align --replace` where it changed what a person translated)"))
        #expect(try project.read("content/posts/hello.en.md") == human)

        let forced = try ExecutableRunner.run(["build", "--force"], in: project.root)
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(String(decoding: try project.read("content/posts/hello.en.md"), as: UTF8.self).contains("⟦第一句话。⟧"))
        #expect(try ExecutableRunner.run(["build"], in: project.root).status == 0)
    }

    /// hugo-book's example site has an empty Chinese `_index.md` beside an English one written
    /// by hand: every build exited 2 on it, and `--force` made the English page empty. A post
    /// with nothing to translate leaves the locale's own page as it is.
    @Test(arguments: ["", "---\nbookFlatSection: true\n---\n"])
    func aPostWithNothingToTranslateKeepsTheLocalesOwnPage(_ source: String) throws {
        let project = try Self.translatedProject()
        defer { project.remove() }
        try project.write(source, to: "content/docs/_index.md")
        let english = Array("---\ntitle: Docs\n---\n\nAll the docs.\n".utf8)
        try project.write(english, to: "content/docs/_index.en.md")
        #expect(try ExecutableRunner.run(["extract"], in: project.root).status == 0)
        for arguments in [["build", "--json"], ["build", "--force", "--json"]] {
            let run = try ExecutableRunner.run(arguments, in: project.root)
            #expect(run.status == 0, "\(run.standardError)")
            #expect(try Self.statuses(run).sorted() == ["built", "own-page"] || Self.statuses(run).sorted() == ["own-page", "unchanged"], "\(run.standardOutput)")
            #expect(try project.read("content/docs/_index.en.md") == english)
        }
        let text = try ExecutableRunner.run(["build"], in: project.root)
        #expect(text.standardOutput.contains("content/docs/_index.en.md: kept, the en site's own page (content/docs/_index.md has nothing to translate)"), "\(text.standardOutput)")
    }

    /// A helper's finding on a 540-post blog: one "not built, 0% translated" line per post
    /// buried the two posts that were built. Many untouched posts are one line per locale; a
    /// partly translated post is still named.
    @Test func manyPostsWithNothingTranslatedAreCountedNotListed() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        for index in 1...12 { try project.write("---\ntitle: 标题\(index)\n---\n正文第\(index)句。\n", to: "content/posts/p\(index).md") }
        #expect(try ExecutableRunner.run(["extract", "--no-memory"], in: project.root).status == 0)
        let file = String(decoding: try project.read("locales/en/posts/p1.json"), as: UTF8.self)
        try project.write(file.replacingOccurrences(of: "\"state\" : \"new\"", with: "\"state\" : \"translated\", \"target\" : \"Title\"", options: [], range: file.range(of: "\"state\" : \"new\"")), to: "locales/en/posts/p1.json")
        let run = try ExecutableRunner.run(["build"], in: project.root)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput == "content/posts/p1.md [en]: not built, 50% translated (--min-complete 100)\n"
            + "11 posts [en]: not built, nothing translated yet (`tandem stats --locale en` lists them)\n", "\(run.standardOutput)")
        let json = try ExecutableRunner.run(["build", "--json"], in: project.root)
        #expect(try Self.statuses(json).count == 12)
    }

    @Test func aBuiltFileEditedSinceIsNotReplaced() throws {
        let project = try Self.translatedProject()
        defer { project.remove() }
        #expect(try ExecutableRunner.run(["build"], in: project.root).status == 0)
        let manifest = String(decoding: try project.read("locales/.built.json"), as: UTF8.self)
        #expect(manifest.contains("\"content/posts/hello.en.md\""))

        let edited = Array(String(decoding: try project.read("content/posts/hello.en.md"), as: UTF8.self).replacingOccurrences(of: "⟦第二句话。⟧", with: "Fixed by hand.").utf8)
        try project.write(edited, to: "content/posts/hello.en.md")
        try project.write(Self.post + "第三句话。\n", to: "content/posts/hello.md")
        _ = try ExecutableRunner.run(["extract"], in: project.root)
        _ = try ExecutableRunner.run(["pseudo", "--locale", "en", "--style", "brackets"], in: project.root)
        let build = try ExecutableRunner.run(["build", "--json"], in: project.root)
        #expect(build.status == 2)
        #expect(try Self.statuses(build) == ["refused"])
        #expect(try project.read("content/posts/hello.en.md") == edited)
    }

    /// Outputs built before the manifest existed are adopted when they equal what build writes.
    @Test func anOutputEqualToWhatBuildWritesIsAdoptedWithoutAManifest() throws {
        let project = try Self.translatedProject()
        defer { project.remove() }
        #expect(try ExecutableRunner.run(["build"], in: project.root).status == 0)
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("locales/.built.json"))
        let again = try ExecutableRunner.run(["build", "--json"], in: project.root)
        #expect(again.status == 0)
        #expect(try Self.statuses(again) == ["unchanged"])
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("locales/.built.json").path))
    }

    /// A sentence added to a translated post leaves it below --min-complete: the page built
    /// before stays (published pages are not taken off the site for one new sentence) and is
    /// reported as stale; `--withdraw` removes it and forgets it.
    @Test func aPostThatFallsBelowMinCompleteKeepsItsLastBuildUnlessWithdrawn() throws {
        let project = try Self.translatedProject()
        defer { project.remove() }
        #expect(try ExecutableRunner.run(["build"], in: project.root).status == 0)
        let published = try project.read("content/posts/hello.en.md")
        // Two new sentences: 3 of 5 translated, below the default 100 and below --min-complete 70.
        try project.write(Self.post + "\n第三句话。第四句话。\n", to: "content/posts/hello.md")
        #expect(try ExecutableRunner.run(["extract"], in: project.root).status == 0)
        let build = try ExecutableRunner.run(["build", "--json", "--min-complete", "70"], in: project.root)
        #expect(build.status == 0)
        #expect(try Self.statuses(build) == ["stale"])
        #expect(try project.read("content/posts/hello.en.md") == published)
        let text = try ExecutableRunner.run(["build", "--min-complete", "70"], in: project.root)
        #expect(text.standardOutput.contains("content/posts/hello.en.md: kept as last built, 60% translated"), "\(text.standardOutput)")
        // An edited sentence (fuzzy) is as much the cause as a new one: the message said "new" only.
        #expect(text.standardOutput.contains("(sentences added or edited since are not translated yet: the page still shows the post as it was; --withdraw removes it)"))

        let withdrawn = try ExecutableRunner.run(["build", "--json", "--min-complete", "70", "--withdraw"], in: project.root)
        #expect(withdrawn.status == 0)
        #expect(try Self.statuses(withdrawn) == ["withdrawn"])
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("content/posts/hello.en.md").path))
        #expect(!String(decoding: try project.read("locales/.built.json"), as: UTF8.self).contains("hello.en.md"))
    }

    @Test func aDeletedPostLosesItsTranslationAndItsSegmentFileIsArchivedWhereTheMemoryReadsIt() throws {
        let project = try Self.translatedProject(["kept", "gone"])
        defer { project.remove() }
        #expect(try ExecutableRunner.run(["build"], in: project.root).status == 0)
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("content/posts/gone.md"))

        let build = try ExecutableRunner.run(["build", "--json"], in: project.root)
        #expect(build.status == 0, "\(build.standardError)")
        #expect(try Self.statuses(build).sorted() == ["archived", "removed", "unchanged"])
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("content/posts/gone.en.md").path))
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("content/posts/kept.en.md").path))
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("locales/en/posts/gone.json").path))
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("locales/en/.archive/posts/gone.json").path))

        let rebuild = try ExecutableRunner.run(["tm", "rebuild", "--json"], in: project.root)
        let summary = try JSONSerialization.jsonObject(with: Data(rebuild.standardOutput.utf8)) as! [String: Any]
        #expect(summary["segmentFiles"] as? Int == 2)
    }

    /// A helper's finding: a deleted post restored, or a post moved (to another section, into a
    /// bundle), was filled from the memory as `translated`, origin `tm`: the reviewed states and
    /// notes stayed in the archived segment file, which nothing read. Its entries come back.
    @Test(arguments: ["content/posts/gone.md", "content/notes/gone/index.md"])
    func aRestoredOrMovedPostTakesItsReviewedEntriesBackFromTheArchive(_ restoredAt: String) throws {
        let project = try Self.translatedProject(["gone"])
        defer { project.remove() }
        let segmentFile = project.root.appendingPathComponent("locales/en/posts/gone.json")
        var json = String(decoding: try Data(contentsOf: segmentFile), as: UTF8.self)
        json = json.replacingOccurrences(of: "\"state\" : \"translated\"", with: "\"state\" : \"reviewed\"")
            .replacingOccurrences(of: "\"origin\" : \"pseudo\"", with: "\"origin\" : \"human\"")
        try json.write(to: segmentFile, atomically: true, encoding: .utf8)
        #expect(try ExecutableRunner.run(["build", "--min-complete", "0"], in: project.root).status == 0)
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("content/posts/gone.md"))
        #expect(try ExecutableRunner.run(["build"], in: project.root).status == 0)
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("locales/en/.archive/posts/gone.json").path))

        try project.write(Self.post, to: restoredAt)
        #expect(try ExecutableRunner.run(["extract"], in: project.root).status == 0)
        let restored = restoredAt.replacingOccurrences(of: "content/", with: "locales/en/").replacingOccurrences(of: ".md", with: ".json")
        let text = String(decoding: try project.read(restored), as: UTF8.self)
        #expect(text.components(separatedBy: "\"state\" : \"reviewed\"").count == 4, "\(text)")
        #expect(!text.contains("\"origin\" : \"tm\""), "\(text)")
    }

    /// A helper's finding over a site's months: a post deleted (archived), restored, its
    /// sentences then re-translated; a new post sharing them took the archive's old
    /// translations, and the restored post's obsolete entries. The archive of a post that is
    /// there again is no retired file.
    @Test func theArchiveOfARestoredPostIsNotTakenByAnotherPost() throws {
        let project = try Self.translatedProject(["gone"])
        defer { project.remove() }
        #expect(try ExecutableRunner.run(["build", "--min-complete", "0"], in: project.root).status == 0)
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("content/posts/gone.md"))
        #expect(try ExecutableRunner.run(["build"], in: project.root).status == 0)
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("locales/en/.archive/posts/gone.json").path))
        try project.write(Self.post, to: "content/posts/gone.md")
        #expect(try ExecutableRunner.run(["extract", "--no-memory"], in: project.root).status == 0)
        // The new post, with the same sentences, starts from no retired file: nothing of the
        // archive's (its pseudo-translations) is in it.
        try project.write(Self.post, to: "content/posts/copy.md")
        #expect(try ExecutableRunner.run(["extract", "--no-memory"], in: project.root).status == 0)
        let text = String(decoding: try project.read("locales/en/posts/copy.json"), as: UTF8.self)
        #expect(!text.contains("\"origin\" : \"pseudo\""), "\(text)")
        #expect(!text.contains("\"obsolete\""), "\(text)")
    }

    /// A helper's finding on the Congo theme: a page bundle moved with `git mv` carries its
    /// built `index.en.md` along, which build then called "not written by Tandem" (exit 2, the
    /// improved translation not written, --force the only way). Its bytes are exactly those
    /// build wrote at the old path: it is Tandem's, and rebuilt.
    @Test func aBundleMovedWithItsBuiltTranslationIsStillTandems() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write(Self.post, to: "content/posts/tea/index.md")
        #expect(try ExecutableRunner.run(["extract"], in: project.root).status == 0)
        #expect(try ExecutableRunner.run(["pseudo", "--locale", "en", "--style", "brackets"], in: project.root).status == 0)
        #expect(try ExecutableRunner.run(["build"], in: project.root).status == 0)
        try FileManager.default.moveItem(
            at: project.root.appendingPathComponent("content/posts/tea"), to: project.root.appendingPathComponent("content/posts/longjing"))
        #expect(try ExecutableRunner.run(["extract"], in: project.root).status == 0)
        let file = try JSONSerialization.jsonObject(with: Data(try project.read("locales/en/posts/longjing/index.json"))) as? [String: Any]
        let id = try #require((file?["segments"] as? [[String: Any]])?.last?["id"] as? String)
        #expect(try ExecutableRunner.run(["set", id, "--force", "--", "An improved translation."], in: project.root).status == 0)
        let build = try ExecutableRunner.run(["build"], in: project.root)
        #expect(build.status == 0, "\(build.standardError)")
        #expect(String(decoding: try project.read("content/posts/longjing/index.en.md"), as: UTF8.self).contains("An improved translation."))
    }

    /// The same for a post moved with no build between (`git mv`): its old segment file is
    /// still in place, not archived, and its entries come back from there.
    @Test func aPostMovedWithoutABuildBetweenTakesItsReviewedEntriesBack() throws {
        let project = try Self.translatedProject(["gone"])
        defer { project.remove() }
        let segmentFile = project.root.appendingPathComponent("locales/en/posts/gone.json")
        var json = String(decoding: try Data(contentsOf: segmentFile), as: UTF8.self)
        json = json.replacingOccurrences(of: "\"state\" : \"translated\"", with: "\"state\" : \"final\"")
            .replacingOccurrences(of: "\"origin\" : \"pseudo\"", with: "\"origin\" : \"human\"")
        try json.write(to: segmentFile, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: project.root.appendingPathComponent("content/notes"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(
            at: project.root.appendingPathComponent("content/posts/gone.md"), to: project.root.appendingPathComponent("content/notes/moved.md"))
        #expect(try ExecutableRunner.run(["extract"], in: project.root).status == 0)
        let text = String(decoding: try project.read("locales/en/notes/moved.json"), as: UTF8.self)
        #expect(text.components(separatedBy: "\"state\" : \"final\"").count == 4, "\(text)")
    }

    /// Helpers' findings: after the site gave English a content directory, build wrote the new
    /// file and left the one it had built before, which Hugo went on publishing; after French was
    /// dropped from the site, Hugo published `hello.fr.md` as a Chinese page and extract took it
    /// for a source post. Both old files are removed (Tandem's own), and reported.
    @Test func aFileBuiltWhereNoTranslationGoesAnyMoreIsRemoved() throws {
        let project = try TemporaryProject(targets: ["en", "fr"])
        defer { project.remove() }
        let site = "defaultContentLanguage = \"zh-cn\"\n[languages.zh-cn]\nweight = 1\n[languages.en]\nweight = 2\n"
        try project.write(site + "[languages.fr]\nweight = 3\n", to: "hugo.toml")
        try project.write(Self.post, to: "content/posts/hello.md")
        #expect(try ExecutableRunner.run(["extract"], in: project.root).status == 0)
        #expect(try ExecutableRunner.run(["pseudo", "--locale", "en"], in: project.root).status == 0)
        #expect(try ExecutableRunner.run(["pseudo", "--locale", "fr"], in: project.root).status == 0)
        #expect(try ExecutableRunner.run(["build"], in: project.root).status == 0)
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("content/posts/hello.fr.md").path))

        try project.write(site + "contentDir = \"content_en\"\n", to: "hugo.toml")
        try project.write("source: zh-CN\ntargets: [en]\n", to: "tandem.yml")
        let build = try ExecutableRunner.run(["build", "--json"], in: project.root)
        #expect(build.status == 0, "\(build.standardError)")
        #expect(try Self.statuses(build).sorted() == ["built", "dropped", "relocated"], "\(build.standardOutput)")
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("content_en/posts/hello.md").path))
        for gone in ["content/posts/hello.en.md", "content/posts/hello.fr.md"] {
            #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent(gone).path), "\(gone)")
        }
    }

    @Test func keepReportsTheTranslationOfADeletedPostAndChangesNothing() throws {
        let project = try Self.translatedProject(["gone"])
        defer { project.remove() }
        #expect(try ExecutableRunner.run(["build"], in: project.root).status == 0)
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("content/posts/gone.md"))
        let build = try ExecutableRunner.run(["build", "--keep", "--json"], in: project.root)
        #expect(try Self.statuses(build) == ["kept"])
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("content/posts/gone.en.md").path))
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("locales/en/posts/gone.json").path))
    }
}
