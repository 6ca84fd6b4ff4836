import Foundation
import Testing
import TandemTestSupport

/// What the kill tests found, replayed without a kill: the state a killed run left, then the
/// next run.
@Suite("Killed run regressions (issue 14 kill test)", .enabled(if: ExternalTool.path("sqlite3") != nil, Comment(rawValue: MemoryFileProbe.sqlite3Missing)))
struct KilledRunRegressionTests {
    /// `tandem import` killed after renaming the segment files but before the memory's commit:
    /// the segment files hold the returned targets, the memory none of them. The next import
    /// found every unit "unchanged", wrote nothing and gave the memory nothing, so the
    /// translations never reached it (found at 2 of 3 kill points).
    @Test func anImportRunAgainAfterAKillBetweenFilesAndMemoryGivesTheMemoryItsUnits() throws {
        let workspace = try TemporaryDirectory(prefix: "tandem-killed-import")
        defer { workspace.remove() }
        let killed = workspace.url.appendingPathComponent("killed")
        try KillTests.makeProject(at: killed)
        try KillTestInputs.writePosts(count: 3, version: 1, sentences: try KillTestInputs.postSentences(count: 3 * KillTestInputs.sentencesPerPost), in: killed)
        try KillTests.tandem(["extract"], in: killed)
        let xliff = workspace.url.appendingPathComponent("en.xlf")
        try KillTests.returnedXLIFF(of: killed, to: xliff)
        let finished = workspace.url.appendingPathComponent("finished")
        try FileManager.default.copyItem(at: killed, to: finished)
        try KillTests.tandem(["import", xliff.path], in: finished)
        let expected = KillScenario.memory(in: finished)
        #expect(try expected.unitCount() > 0)

        // What the killed import left: its segment files, the memory as before.
        try FileManager.default.removeItem(at: killed.appendingPathComponent("locales"))
        try FileManager.default.copyItem(at: finished.appendingPathComponent("locales"), to: killed.appendingPathComponent("locales"))
        let memory = KillScenario.memory(in: killed)
        #expect(try memory.unitCount() == 0)

        let rerun = try ExecutableRunner.run(["import", xliff.path], in: killed)
        #expect(rerun.status == 0, "\(rerun.standardError)")
        #expect(try memory.unitCount() == expected.unitCount())
        #expect(try memory.contentHash() == expected.contentHash())
        #expect(try ProjectSnapshot(of: killed) == ProjectSnapshot(of: finished))
    }

    /// Sentences that differ only in their numbers, as the kill test's posts are without the
    /// benchmark's TSV (on CI): every edited sentence has many fuzzy candidates.
    static func numberedSentences(count: Int) -> [String] {
        (0..<count).map { "这是第\($0)号文章里的一句话，它讲述了第\($0 % 13)个事实。" }
    }

    /// A translated project of numbered posts whose posts then changed (version 2), in `root`.
    static func editedProject(at root: URL, posts: Int) throws {
        let sentences = Self.numberedSentences(count: posts * KillTestInputs.sentencesPerPost)
        try KillTests.translatedProject(at: root, sentences: sentences, posts: posts)
        try KillTestInputs.writePosts(count: posts, version: 2, sentences: sentences, in: root)
    }

    /// `extract` killed after the memory's commit, before the renames (or a second `extract`
    /// after a finished one): the memory already held the sentences learned in their new
    /// contexts, and each fuzzy candidate came twice, so the rerun wrote other segment files
    /// than one run does (found on CI at 1 of 3 kill points).
    @Test func anExtractRunAgainWritesWhatTheFirstWrote() throws {
        let workspace = try TemporaryDirectory(prefix: "tandem-extract-twice")
        defer { workspace.remove() }
        let root = workspace.url.appendingPathComponent("project")
        try Self.editedProject(at: root, posts: 4)
        try KillTests.tandem(["extract"], in: root)
        let once = try ProjectSnapshot(of: root)
        let unitsOnce = try KillScenario.memory(in: root).contentHash()
        let file = try String(contentsOf: root.appendingPathComponent("locales/en/posts/post-0000.json"), encoding: .utf8)
        #expect(file.contains("\"candidates\""), "the edited sentences get fuzzy candidates")
        try KillTests.tandem(["extract"], in: root)
        let twice = try ProjectSnapshot(of: root)
        let differing = Set(once.files.keys).union(twice.files.keys).filter { once.files[$0] != twice.files[$0] }.sorted()
        #expect(differing.isEmpty, "files a second extract changed: \(differing.prefix(5))")
        #expect(try KillScenario.memory(in: root).contentHash() == unitsOnce)
    }

    /// `build` killed after withdrawing a post that fell below `--min-complete` but before
    /// saving the manifest: the entry of the removed file stayed, and every later build kept
    /// it, so `locales/.built.json` differed from one run's (found on CI at 1 of 3 kill points).
    @Test func aBuildRunAgainForgetsThePostAKilledBuildWithdrew() throws {
        let workspace = try TemporaryDirectory(prefix: "tandem-build-withdrawn")
        defer { workspace.remove() }
        let root = workspace.url.appendingPathComponent("project")
        let sentences = Self.numberedSentences(count: 2 * KillTestInputs.sentencesPerPost)
        try KillTests.translatedProject(at: root, sentences: sentences, posts: 2)
        try KillTests.tandem(["build"], in: root)
        let manifest = root.appendingPathComponent("locales/.built.json")
        let built = try String(contentsOf: manifest, encoding: .utf8)
        #expect(built.contains("post-0000.en.md"))
        try KillTestInputs.writePosts(count: 2, version: 2, sentences: sentences, in: root)
        try KillTests.tandem(["extract"], in: root)
        // What the killed build left: the translations removed, the manifest as before.
        for index in 0..<2 {
            try FileManager.default.removeItem(at: root.appendingPathComponent(String(format: "content/posts/post-%04d.en.md", index)))
        }
        let rerun = try ExecutableRunner.run(["build"], in: root)
        #expect(rerun.status == 0, "\(rerun.standardError)")
        let after = try String(contentsOf: manifest, encoding: .utf8)
        #expect(!after.contains("post-0000.en.md") && !after.contains("post-0001.en.md"), "\(after)")
    }
}
