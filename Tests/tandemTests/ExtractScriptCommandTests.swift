import Foundation
import Testing
import TandemTestSupport

/// `tandem extract` on a Chinese site with posts in both scripts says how many are in each.
@Suite("tandem extract, both Chinese scripts")
struct ExtractScriptCommandTests {
    struct Report: Decodable {
        struct Result: Decodable {
            var post: String
            var script: String?
        }
        var results: [Result]
        var scripts: [String: Int]?
    }

    static func project() throws -> TemporaryProject {
        let project = try TemporaryProject()
        try project.write("苹果今天发布了新手机。\n", to: "content/posts/a.md")
        try project.write("蘋果今天發布了新手機。\n", to: "content/posts/b.md")
        try project.write("這家公司說，明年會擴大投資。\n", to: "content/posts/c.md")
        return project
    }

    @Test func thePostsOfEachScriptAreCounted() throws {
        let project = try Self.project()
        defer { project.remove() }
        let extract = try ExecutableRunner.run(["extract", "--no-memory"], in: project.root)
        #expect(extract.status == 0, "\(extract.standardError)")
        #expect(extract.standardOutput.hasSuffix("1 post in Simplified script (zh-Hans), 2 posts in Traditional script (zh-Hant)\n"))
    }

    @Test func jsonGivesEachPostsScriptAndTheCounts() throws {
        let project = try Self.project()
        defer { project.remove() }
        let extract = try ExecutableRunner.run(["extract", "--no-memory", "--json"], in: project.root)
        #expect(extract.status == 0, "\(extract.standardError)")
        let report = try JSONDecoder().decode(Report.self, from: Data(extract.standardOutput.utf8))
        #expect(report.scripts == ["Hans": 1, "Hant": 2])
        #expect(Dictionary(uniqueKeysWithValues: report.results.map { ($0.post, $0.script ?? "") })
                == ["content/posts/a.md": "Hans", "content/posts/b.md": "Hant", "content/posts/c.md": "Hant"])
    }

    @Test func aSiteInOneScriptSaysNothingAboutScripts() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("苹果今天发布了新手机。\n", to: "content/posts/a.md")
        let extract = try ExecutableRunner.run(["extract", "--no-memory"], in: project.root)
        #expect(!extract.standardOutput.contains("script"))
    }

    /// Found on theme sites (an English `about.md` among Chinese posts): a source post without a
    /// Chinese character is probably in another language, and `extract` says so once, on
    /// standard error, when it reads the post.
    @Test func aSourcePostWithoutChineseTextIsPointedOut() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("苹果今天发布了新手机。\n", to: "content/posts/a.md")
        try project.write("---\ntitle: About\n---\nThis blog is written by one person.\n", to: "content/about.md")
        let extract = try ExecutableRunner.run(["extract", "--no-memory"], in: project.root)
        #expect(extract.status == 0, "\(extract.standardError)")
        #expect(extract.standardError == "content/about.md: warning: no Chinese text in a zh-CN source post; if it is written in another language, name it with that language's suffix (foo.en.md, as Hugo expects) or exclude it in tandem.yml\n")
        _ = try ExecutableRunner.run(["extract", "--no-memory"], in: project.root)
        let json = try ExecutableRunner.run(["extract", "--no-memory", "--json"], in: project.root)
        // Skipped once the state has settled (nothing changed): not said again.
        #expect(json.standardOutput.contains("\"skipped\" : true"))
        #expect(!json.standardOutput.contains("lacksSourceText") && json.standardError.isEmpty, "\(json.standardOutput)")
        try project.write("---\ntitle: About\n---\nThis blog is written by two people.\n", to: "content/about.md")
        let again = try ExecutableRunner.run(["extract", "--no-memory", "--json"], in: project.root)
        #expect(again.standardOutput.contains("\"lacksSourceText\" : true"), "\(again.standardOutput)")
        #expect(again.standardOutput.components(separatedBy: "lacksSourceText").count == 2, "the Chinese post has none")
    }
}
