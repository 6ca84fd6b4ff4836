import Foundation
import Testing
@testable import TandemKit

@Suite("Atomic file batches")
struct AtomicFileBatchTests {
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-batch-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func nothingIsVisibleBeforeCommitAndEverythingAfter() throws {
        let root = try Self.directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let old = root.appendingPathComponent("a.json")
        try Data("old".utf8).write(to: old)
        let batch = AtomicFileBatch()
        try batch.write(Array("new".utf8), to: old)
        try batch.write(Array("b".utf8), to: root.appendingPathComponent("sub/b.json"))
        #expect(try String(contentsOf: old, encoding: .utf8) == "old")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("sub/b.json").path))
        try batch.commit()
        #expect(try String(contentsOf: old, encoding: .utf8) == "new")
        #expect(try String(contentsOf: root.appendingPathComponent("sub/b.json"), encoding: .utf8) == "b")
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["a.json", "sub"])
    }

    @Test func abandoningLeavesTargetsAsTheyWereAndNoTemporaryFiles() throws {
        let root = try Self.directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("a.json")
        try Data("old".utf8).write(to: target)
        do {
            let batch = AtomicFileBatch()
            try batch.write(Array("new".utf8), to: target)
        }  // dropped without commit
        #expect(try String(contentsOf: target, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["a.json"])
    }

    /// `extract` stages a segment file again once its run's last units rename a candidate's
    /// origin: the first version is withdrawn, so a commit never renames it over the target.
    @Test func aWithdrawnFileIsNotWrittenAndLeavesNoTemporaryFile() throws {
        let root = try Self.directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("a.json")
        let other = root.appendingPathComponent("b.json")
        try Data("old".utf8).write(to: target)
        let batch = AtomicFileBatch()
        try batch.write(Array("first".utf8), to: target)
        try batch.write(Array("b".utf8), to: other)
        batch.withdraw(target)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".") }.count == 1)
        try batch.write(Array("second".utf8), to: target)
        try batch.commit()
        #expect(try String(contentsOf: target, encoding: .utf8) == "second")
        #expect(try String(contentsOf: other, encoding: .utf8) == "b")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["a.json", "b.json"])
    }
}
