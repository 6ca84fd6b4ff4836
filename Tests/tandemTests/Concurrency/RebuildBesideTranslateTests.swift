import Foundation
import Testing
import TandemTestSupport

/// Issue 14, concurrency: a `tm rebuild` while a `tandem translate` session has the SQLite memory
/// open. The session adds every saved segment to the memory; had the rebuild renamed its new
/// file over the memory meanwhile, those units would go into the old, unlinked file and be gone.
/// So the session holds the memory's shared lock (`MemoryFileLock`) while it runs: the rebuild
/// waits for it, says who it waits for, and holds no project lock while it waits, so the
/// session's saves (which take the project lock) go on.
@Suite("tm rebuild beside a translate session", .serialized, .enabled(if: TmuxSession.isAvailable, Comment(rawValue: TmuxSession.missing)))
struct RebuildBesideTranslateTests {
    @Test func aRebuildWaitsForTheSessionAndKeepsWhatItSaved() throws {
        let project = try TranslationSampleProject.make()
        defer { project.remove() }
        #expect(try ExecutableRunner.run(["extract"], in: project.root).status == 0)
        let tmx = try project.write(TranslationSampleProject.memoryTMX, to: "memory.tmx")
        #expect(try ExecutableRunner.run(["tm", "import", "--no-keep", tmx.path], in: project.root).status == 0)
        let memory = project.root.appendingPathComponent(".tandem/memory.sqlite")
        let inodeBefore = try Self.inode(of: memory)

        let session = try TranslateTerminalTests.start(in: project)
        defer { session.close() }
        try session.waitFor("杭州的一天", "1 of 4")

        let scratch = project.root.appendingPathComponent(".scratch")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let rebuild = try TimedRun("rebuild", ["tm", "rebuild"], in: project.root, scratch: scratch)
        try rebuild.start()
        try ImportBesideRebuildTests.waitUntil("the rebuild waits for the session") {
            rebuild.standardError.contains("waiting for the memory lock: pid ")
        }
        #expect(rebuild.standardError.contains("(tandem translate --locale en)"), "\(rebuild.standardError)")
        #expect(rebuild.isRunning)
        #expect(try Self.inode(of: memory) == inodeBefore, "the memory is not replaced under the session")

        // The session saves a segment (it takes the project lock: the waiting rebuild holds none).
        try session.press("1")
        try session.waitFor("2 of 4")
        try session.press("q")
        try session.waitFor("saved 1 segment", "exit status 0")
        rebuild.wait()
        #expect(rebuild.status == 0, "\(rebuild.standardError)")
        #expect(try Self.inode(of: memory) != inodeBefore, "the rebuild replaced the file once the session ended")

        // The rebuilt memory holds the saved segment (read from the segment file it was saved to),
        // and nothing was written into the file it replaced after it was replaced.
        let saved = try ImportBesideRebuildTests.sqlite(memory.path, """
            SELECT count(*) FROM unit WHERE source = '杭州的一天' AND target = 'A day in Hangzhou' AND originFile IS NOT NULL
            """)
        #expect(saved == "1")
    }

    static func inode(of url: URL) throws -> UInt64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return try #require((attributes[.systemFileNumber] as? NSNumber)?.uint64Value)
    }
}
