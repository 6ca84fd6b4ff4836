import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// The HTML report of the statistics fixture, as a browser renders it.
@Suite("HTML report")
struct HTMLReportTests {
    /// A finding whose text must be escaped, as a glossary term or a post could carry.
    static let hostileFinding = LintFinding(
        location: SourceLocation(file: "locales/en/posts/alpha.json", line: 12, column: 17), rule: .termMissing,
        message: "glossary term 术语表 requires <script>alert(\"x\")</script> & \"glossary\"")

    static func report() throws -> (html: String, fixture: StatisticsFixtureProject) {
        let fixture = try StatisticsFixtureProject()
        let project = try Project.open(configFile: fixture.project.configFile)
        let locales = try TranslationStatistics(project: project, memory: fixture.memory)
            .statistics(of: fixture.posts, locales: [StatisticsFixtureProject.en])
        let warning = LintFinding(
            location: SourceLocation(file: "locales/en/posts/beta.json", line: 9, column: 17), rule: .numberMissing,
            message: "the source's number 20 is not in the target")
        return (HTMLReport(title: "fixture <blog>", locales: locales, findings: [hostileFinding, warning]).render(), fixture)
    }

    @Test func everyTextIsEscapedAndNothingIsFetched() throws {
        let (html, fixture) = try Self.report()
        defer { fixture.remove() }
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; \"glossary\""))
        #expect(html.contains("<title>Translation report: fixture &lt;blog&gt;</title>"))
        // The only URL is the SVG namespace: no stylesheet, font or script from anywhere.
        let urls = html.components(separatedBy: "http").dropFirst().map { $0.prefix(30) }
        #expect(urls.allSatisfy { $0.hasPrefix("://www.w3.org/2000/svg\"") }, "\(urls)")
    }

    static let chromium = ExternalTool.path("chromium") ?? ExternalTool.path("chromium-browser")

    @Test(.enabled(if: chromium != nil, "chromium not installed (Debian chromium; `make deps` installs it)"))
    func chromiumRendersItWithoutErrorsAndShowsTheFigures() throws {
        let (html, fixture) = try Self.report()
        defer { fixture.remove() }
        let artifacts = TestArtifacts.directory
        let page = artifacts.appendingPathComponent("report.html")
        let screenshot = artifacts.appendingPathComponent("report.png")
        try Data(html.utf8).write(to: page)
        try? FileManager.default.removeItem(at: screenshot)
        let profile = try TemporaryDirectory(prefix: "chromium-profile")
        defer { profile.remove() }
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.url.path)",
                      "--enable-logging=stderr", "--v=0"]

        let shot = try ExternalTool.run(Self.chromium!, common + ["--window-size=1200,1600", "--screenshot=\(screenshot.path)", page.absoluteString])
        #expect(shot.status == 0, "\(shot.output)")
        #expect(try Data(contentsOf: screenshot).count > 10_000, "the screenshot is empty")

        let dump = try ExternalTool.run(Self.chromium!, common + ["--dump-dom", page.absoluteString])
        #expect(dump.status == 0)
        // Console messages (a script error, a resource that failed to load) are logged as CONSOLE.
        let consoleLines = dump.output.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
        #expect(consoleLines.isEmpty, "\(consoleLines)")
        #expect(shot.output.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }.isEmpty)

        // The rendered text: the fixture's hand-counted figures (see StatisticsFixtureProject).
        let text = Self.text(ofDOM: dump.output)
        #expect(text.contains("12 segments · 4 words · 126 CJK characters"))
        #expect(text.contains("33%"))  // 4 of 12 segments translated, reviewed or final
        #expect(text.contains("Repetitions 2 seg · 1 words · 17 CJK"))
        #expect(text.contains("In context (101%) 1 seg · 0 words · 10 CJK"))
        #expect(text.contains("95–99% 1 seg · 0 words · 24 CJK"))
        #expect(text.contains("No match 4 seg · 3 words · 21 CJK"))
        #expect(text.contains("content/posts/alpha.md 6 3 61 2 1 2 1 0 50%"))
        #expect(text.contains("Total 12 4 126 7 1 2 1 1 33%"))
        #expect(text.contains("1 error, 1 warning."))
        #expect(text.contains("requires <script>alert(\"x\")</script> & \"glossary\""))
    }

    /// A helper's finding: a post path with no place to break (`microsoftresearchaiopslab.md`)
    /// made the page wider than a 1000-pixel window, the bars off its edge. The path breaks now.
    @Test(.enabled(if: chromium != nil, "chromium not installed (Debian chromium; `make deps` installs it)"))
    func aLongPostPathDoesNotWidenThePage() throws {
        let (html, fixture) = try Self.report()
        defer { fixture.remove() }
        let long = html.replacingOccurrences(of: "content/posts/alpha.md", with: "content/posts/microsoftresearchaiopslabalphareleasenotes.md")
            .replacingOccurrences(of: "</body>", with: "<script>document.title='W='+document.documentElement.scrollWidth</script></body>")
        #expect(long != html)
        let page = TestArtifacts.directory.appendingPathComponent("report-long-path.html")
        try Data(long.utf8).write(to: page)
        let profile = try TemporaryDirectory(prefix: "chromium-profile")
        defer { profile.remove() }
        // And on a narrow window the wide tables scroll in their own box, not the page.
        for window in [1000, 700] {
            let dump = try ExternalTool.run(Self.chromium!, [
                "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.url.path)", "--window-size=\(window),800",
                "--dump-dom", page.absoluteString,
            ])
            let width = dump.output.components(separatedBy: "<title>W=").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) }
            #expect(width.map { $0 <= window } == true, "window \(window): scrollWidth \(String(describing: width))")
        }
    }

    /// The text of a dumped DOM, tags dropped, entities decoded and white space collapsed — as
    /// the page reads.
    static func text(ofDOM dom: String) -> String {
        let start = dom.range(of: "<html")?.lowerBound ?? dom.startIndex
        var text = ""
        var inTag = false
        var inStyle = false
        var index = dom[start...].startIndex
        let body = dom[start...]
        while index < body.endIndex {
            let character = body[index]
            if character == "<" {
                inTag = true
                let rest = body[index...]
                if rest.hasPrefix("<style") { inStyle = true } else if rest.hasPrefix("</style") { inStyle = false }
                text += " "
            } else if character == ">" {
                inTag = false
            } else if !inTag && !inStyle {
                text.append(character)
            }
            index = body.index(after: index)
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
