import Foundation
import Testing
import TandemTestSupport

/// `tandem translate` in a real 80×24 terminal (tmux), typed at as a translator types: accept a
/// memory match, type a target with a placeholder inserted by key, fix a glossary violation
/// it warned about, quit, start again where it stopped, and build the post.
@Suite("tandem translate in a terminal (tmux)", .enabled(if: TmuxSession.isAvailable, Comment(rawValue: TmuxSession.missing)))
struct TranslateTerminalTests {
    /// Runs `tandem translate` in the project and keeps the pane open after it exits, with its
    /// exit status on screen.
    static func start(in project: TemporaryProject) throws -> TmuxSession {
        let command = "'\(ExecutableRunner.tandem.path)' translate --locale en; echo \"exit status $?\"; read line"
        return try TmuxSession(command, in: project.root, columns: 80, rows: 24)
    }

    /// Every row of the screen fits 80 columns and there are 24 of them.
    static func expectFits(_ screen: String) {
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.count <= 25)  // 24 rows and the final newline
        for row in rows { #expect(row.unicodeScalars.count <= 80) }
    }

    /// A helper's finding: after the terminal was narrowed, the old layout stayed, cut off by
    /// the terminal's edge, until the next key. The screen is laid out again at once.
    @Test func aResizedTerminalGetsTheScreenLaidOutAgainWithoutAKey() throws {
        let project = try TranslationSampleProject.make()
        defer { project.remove() }
        #expect(try ExecutableRunner.run(["extract"], in: project.root).status == 0)
        let session = try Self.start(in: project)
        defer { session.close() }
        try session.waitFor("杭州的一天", "1 of 4")
        try session.resize(columns: 50, rows: 24)
        // Laid out for 50 columns: the keys line is cut with `…` at the new edge, and the
        // header keeps the position on the right.
        let screen = try session.waitFor("1-9 accept  e edit  c copy  s skip  b back  r rev…", "1 of 4")
        for row in screen.split(separator: "\n") { #expect(row.unicodeScalars.count <= 50, "\(row)") }
        try session.press("q")
        try session.waitFor("exit status 0")
    }

    @Test func translatesThreeSegmentsQuitsResumesAndBuilds() throws {
        let project = try TranslationSampleProject.make()
        defer { project.remove() }
        #expect(try ExecutableRunner.run(["extract"], in: project.root).status == 0)
        // The memory learns the title's translation after extract: offered live, not filled.
        let tmx = try project.write(TranslationSampleProject.memoryTMX, to: "memory.tmx")
        #expect(try ExecutableRunner.run(["tm", "import", tmx.path], in: project.root).status == 0)

        let first = try Self.start(in: project)
        defer { first.close() }
        // 1. The title, with the memory's match: accept it.
        var screen = try first.waitFor("杭州的一天", "1 100% A day in Hangzhou", "1 of 4")
        Self.expectFits(screen)
        try first.press("1")

        // 2. A sentence with bold: its placeholders are labels, inserted by Ctrl-T.
        screen = try first.waitFor("我们先去了⟨1 strong⟩西湖⟨/1⟩。", "2 of 4")
        #expect(screen.contains("西湖 → West Lake"))
        try first.press("e")
        try first.waitFor("target>")
        try first.type("We went to ")
        try first.press("C-t")
        try first.type("West Lake")
        try first.press("C-t")
        try first.type(" first.")
        try first.waitFor("We went to ⟨1 strong⟩West Lake⟨/1⟩ first.")
        try first.press("Enter")

        // 3. A glossary term with a forbidden variant: type it wrong, see the warning, fix it.
        screen = try first.waitFor("下午参观了阿里云的园区。", "阿里云 → Alibaba Cloud", "not: Aliyun", "3 of 4")
        Self.expectFits(screen)
        try first.press("e")
        try first.waitFor("target>")
        try first.type("In the afternoon we visited the Aliyun campus.")
        try first.press("Enter")
        screen = try first.waitFor("'Aliyun' is a forbidden variant", "y save anyway")
        Self.expectFits(screen)
        try first.press("e")
        try first.waitFor("target>")
        try first.press("C-u")
        try first.type("In the afternoon we visited the Alibaba Cloud campus.")
        try first.press("Enter")

        // The fourth sentence shows; quit.
        try first.waitFor("晚上下起了雨，我们在一家小店吃了 2 碗面。", "4 of 4")
        try first.press("q")
        try first.waitFor("saved 3 segments; 1 left in this pass", "exit status 0")

        // Started again, it resumes at the sentence still to do.
        let second = try Self.start(in: project)
        defer { second.close() }
        screen = try second.waitFor("晚上下起了雨，我们在一家小店吃了 2 碗面。", "1 of 1", "4/4")
        #expect(!screen.contains("source  杭州的一天"))
        try second.press("q")
        try second.waitFor("saved 0 segments; 1 left in this pass", "exit status 0")

        // The segment file holds exactly the three targets, translated by a person.
        let object = try JSONSerialization.jsonObject(with: Data(try project.read(TranslationSampleProject.segmentFilePath))) as? [String: Any]
        let segments = try #require(object?["segments"] as? [[String: Any]])
        #expect(segments.map { $0["source"] as? String } == TranslationSampleProject.sources)
        let expected = TranslationSampleProject.sources.prefix(3).map { TranslationSampleProject.english[$0] }
        #expect(segments.prefix(3).map { $0["target"] as? String } == expected)
        #expect(segments.prefix(3).allSatisfy { $0["state"] as? String == "translated" && $0["origin"] as? String == "human" })
        #expect(segments[3]["target"] == nil)
        #expect(segments[3]["state"] as? String == "new")

        // Build writes a post holding exactly those targets (the fourth sentence stays Chinese).
        let build = try ExecutableRunner.run(["build", "--min-complete", "0"], in: project.root)
        #expect(build.status == 0, "\(build.standardError)")
        let built = String(decoding: try project.read("content/posts/hangzhou.en.md"), as: UTF8.self)
        #expect(built.contains("title: \"A day in Hangzhou\""))
        #expect(built.hasSuffix("""
            We went to **West Lake** first. In the afternoon we visited the Alibaba Cloud campus.

            晚上下起了雨，我们在一家小店吃了 2 碗面。

            """))
    }
}
