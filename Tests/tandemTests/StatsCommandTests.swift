import Foundation
import Testing
import TandemTestSupport

/// `tandem stats` and `tandem report` as a user runs them (the figures themselves are tested
/// on a hand-counted fixture in `TranslationStatisticsTests`).
@Suite("tandem stats, tandem report")
struct StatsCommandTests {
    static func project() throws -> TemporaryProject {
        let project = try TemporaryProject()
        try project.write("---\ntitle: \"你好 Hugo\"\n---\n\n第一句话。第一句话。\n", to: "content/posts/a.md")
        #expect(try ExecutableRunner.run(["extract", "--no-memory"], in: project.root).status == 0)
        return project
    }

    @Test func statsPrintsTheBandsAndEachPost() throws {
        let project = try Self.project()
        defer { project.remove() }
        let result = try ExecutableRunner.run(["stats", "--no-memory"], in: project.root)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(lines.first == "en: 1 post, 3 segments, 1 word, 10 CJK characters")
        #expect(lines.contains("Repetitions 1 0 4"))
        #expect(lines.contains("No match 2 1 6"))
        #expect(lines.contains("content/posts/a.md: 3 segments, 1 word, 10 CJK characters; new 3, fuzzy 0, translated 0, reviewed 0, final 0 (0% translated)"))
    }

    @Test func reportWritesOneHTMLFile() throws {
        let project = try Self.project()
        defer { project.remove() }
        let result = try ExecutableRunner.run(["report", "-o", "out/report.html", "--no-memory"], in: project.root)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "out/report.html: en; 0 open lint findings\n")
        let html = String(decoding: try project.read("out/report.html"), as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<td class=\"post\">content/posts/a.md</td><td>3</td><td>1</td><td>10</td>"))
    }
}
