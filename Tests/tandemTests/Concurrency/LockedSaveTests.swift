import Foundation
import Testing
import TandemKit
import TandemTestSupport

/// The commands that change a segment file one segment at a time (`set`, `review`, and each
/// save of `translate`) and `tm rebuild` take the project lock: while another run holds it they
/// wait, and when it does not come they exit 2 naming the holder and write nothing. Without
/// the lock, an `extract` that read a segment file before a `set` and renamed its own version
/// after dropped the saved target without a word. Reading commands (`show`, `next`) need none.
@Suite("Saves and rebuilds under the project lock")
struct LockedSaveTests {
    /// A one-post project, extracted: its first segment's id and its segment file.
    static func project(in directory: TemporaryDirectory) throws -> (root: URL, id: String, segmentFile: URL) {
        let root = directory.url.appendingPathComponent("project")
        try KillTests.makeProject(at: root)
        try Data("---\ntitle: 记者会\n---\n\n部长今天出席了记者会。他回答了三个问题。\n".utf8)
            .write(to: root.appendingPathComponent("content/posts/news.md"))
        try KillTests.tandem(["extract"], in: root)
        let segmentFile = root.appendingPathComponent("locales/en/posts/news.json")
        let file = try #require(try SegmentFileStore.read(segmentFile))
        let id = try #require(file.segments.first { $0.source == "部长今天出席了记者会。" }?.id)
        return (root, id, segmentFile)
    }

    @Test func aSetWhileAnotherRunHoldsTheLockWaitsThenNamesTheHolderAndWritesNothing() throws {
        let directory = try TemporaryDirectory(prefix: "tandem-locked-set")
        defer { directory.remove() }
        let (root, id, segmentFile) = try Self.project(in: directory)
        let before = try Data(contentsOf: segmentFile)
        let lock = try ProjectLock(projectRoot: root, command: "tandem extract")

        let refused = try ExecutableRunner.run(["set", id, "The minister attended the press conference today."], in: root,
                                               environment: ["TANDEM_LOCK_TIMEOUT": "1"])
        #expect(refused.status == 2, "\(refused.standardError)")
        #expect(refused.standardError.contains("waiting for the project lock: pid \(getpid()) (tandem extract)"), "\(refused.standardError)")
        #expect(refused.standardError.contains("error: another tandem run holds the project lock: pid \(getpid())"), "\(refused.standardError)")
        #expect(try Data(contentsOf: segmentFile) == before, "nothing written while locked")
        // Reading needs no lock.
        let shown = try ExecutableRunner.run(["show", id], in: root, environment: ["TANDEM_LOCK_TIMEOUT": "0"])
        #expect(shown.status == 0, "\(shown.standardError)")
        #expect(shown.standardOutput.contains("部长今天出席了记者会。"))

        lock.release()
        let saved = try ExecutableRunner.run(["set", id, "The minister attended the press conference today."], in: root,
                                             environment: ["TANDEM_LOCK_TIMEOUT": "0"])
        #expect(saved.status == 0, "\(saved.standardError)")
        #expect(try String(contentsOf: segmentFile, encoding: .utf8).contains("The minister attended the press conference today."))
        #expect(((try? String(contentsOf: root.appendingPathComponent(".tandem/lock"), encoding: .utf8)) ?? "x").isEmpty,
                "a save releases the lock when done")
    }

    @Test func aRebuildWhileAnotherRunHoldsTheLockLeavesTheMemoryAlone() throws {
        let directory = try TemporaryDirectory(prefix: "tandem-locked-rebuild")
        defer { directory.remove() }
        let (root, id, _) = try Self.project(in: directory)
        try KillTests.tandem(["set", id, "The minister attended the press conference today."], in: root)
        let memory = root.appendingPathComponent(".tandem/memory.sqlite")
        let inode = try FileManager.default.attributesOfItem(atPath: memory.path)[.systemFileNumber] as? Int
        let lock = try ProjectLock(projectRoot: root, command: "tandem import")

        let refused = try ExecutableRunner.run(["tm", "rebuild"], in: root, environment: ["TANDEM_LOCK_TIMEOUT": "1"])
        #expect(refused.status == 2, "\(refused.standardError)")
        #expect(refused.standardError.contains("(tandem import)"), "\(refused.standardError)")
        #expect(try FileManager.default.attributesOfItem(atPath: memory.path)[.systemFileNumber] as? Int == inode,
                "the memory was not replaced")

        lock.release()
        let rebuilt = try ExecutableRunner.run(["tm", "rebuild", "--json"], in: root, environment: ["TANDEM_LOCK_TIMEOUT": "0"])
        #expect(rebuilt.status == 0, "\(rebuilt.standardError)")
        #expect(rebuilt.standardOutput.contains("\"units\" : 1"), "\(rebuilt.standardOutput)")
    }
}
