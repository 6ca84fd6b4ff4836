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
}
