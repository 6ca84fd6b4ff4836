import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// The lock between the runs that have one SQLite memory open (shared: `tm import`, lookups,
/// `translate`) and `tm rebuild` (exclusive).
/// Each lock opens the file on its own, so two in one process conflict as two processes would.
@Suite("SQLite memory lock")
struct MemoryFileLockTests {
    @Test func importsShareTheLock() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let memory = directory.path("tm/memory.sqlite")
        let first = try MemoryFileLock(memoryPath: memory, use: .using, command: "tandem tm import", patience: 0)
        let second = try MemoryFileLock(memoryPath: memory, use: .using, command: "tandem tm import", patience: 0)
        #expect(first.file.path == memory + ".lock")
        first.release()
        second.release()
    }

    @Test func anOpenMemoryHoldsTheLockUntilItIsClosedAndGone() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("memory.sqlite")
        var memory: (any TranslationMemory)? = try MemoryAddress.sqlite(path: path).open()
        try memory?.add([MemoryUnit(sourceLocale: LocaleTag("zh-CN")!, targetLocale: LocaleTag("en")!, source: "你好。", target: "Hello.")])
        #expect(throws: TandemError.self, "a rebuild waits while the memory is open") {
            _ = try MemoryFileLock(memoryPath: path, use: .replacing, command: "tandem tm rebuild", patience: 0)
        }
        memory = nil
        // Closed before the lock went: its last connection removed the WAL, then the lock is free.
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let rebuild = try MemoryFileLock(memoryPath: path, use: .replacing, command: "tandem tm rebuild", patience: 0)
        rebuild.release()
    }

    @Test func aRebuildWaitsForImportsAndSaysSo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let memory = directory.path("memory.sqlite")
        let adding = try MemoryFileLock(memoryPath: memory, use: .using, command: "tandem tm import")
        var said: [String] = []
        do {
            _ = try MemoryFileLock(memoryPath: memory, use: .replacing, command: "tandem tm rebuild", patience: 0.05) { said.append($0) }
            Issue.record("a rebuild took the lock an import holds")
        } catch TandemError.memoryLocked(let file, let holder, _) {
            // Imports do not write their names: there may be many.
            #expect(file == memory + ".lock")
            #expect(holder == "other tandem runs that have the memory open")
        }
        #expect(said == ["other tandem runs that have the memory open"])
        adding.release()
        let replacing = try MemoryFileLock(memoryPath: memory, use: .replacing, command: "tandem tm rebuild", patience: 0)
        replacing.release()
    }

    @Test func anImportWaitsForARebuildAndNamesIt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let memory = directory.path("memory.sqlite")
        let replacing = try MemoryFileLock(memoryPath: memory, use: .replacing, command: "tandem tm rebuild")
        var said: [String] = []
        do {
            _ = try MemoryFileLock(memoryPath: memory, use: .using, command: "tandem tm import", patience: 0.05) { said.append($0) }
            Issue.record("an import took the lock a rebuild holds")
        } catch TandemError.memoryLocked(let file, let holder, let waited) {
            #expect(file == memory + ".lock")
            #expect(holder.hasPrefix("pid \(getpid()) (tandem tm rebuild), started 20"), "\(holder)")
            #expect(waited >= 0.05)
            #expect(TandemError.memoryLocked(lockFile: file, holder: holder, waitedSeconds: waited).description
                .hasPrefix("\(memory).lock:1:1: error: another tandem run holds the memory lock: pid \(getpid()) (tandem tm rebuild)"))
        }
        #expect(said.count == 1 && said[0].hasPrefix("pid \(getpid()) (tandem tm rebuild)"), "\(said)")
        replacing.release()
        // Released: the file names no one, and an import goes straight through.
        #expect(try String(contentsOfFile: memory + ".lock", encoding: .utf8).isEmpty)
        let adding = try MemoryFileLock(memoryPath: memory, use: .using, command: "tandem tm import", patience: 0)
        adding.release()
    }

    @Test func aPostgreSQLMemoryHasNoFileLock() throws {
        let address = MemoryAddress("postgres://tandem@db.example/team", relativeTo: URL(fileURLWithPath: "/"))
        #expect(try MemoryFileLock.lock(address, use: .replacing, command: "tandem tm rebuild") == nil)
    }
}
