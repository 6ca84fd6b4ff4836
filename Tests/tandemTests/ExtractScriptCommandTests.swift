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
}
