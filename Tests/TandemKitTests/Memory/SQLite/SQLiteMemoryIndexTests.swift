import Foundation
import GRDB
import TandemTestSupport
import Testing
@testable import TandemKit

/// The memory's one index (lookup, identity): memories of the first schema get it, a bulk load
/// drops it and builds it at the end, and a memory whose load died in between gets it back.
@Suite("SQLite memory index")
struct SQLiteMemoryIndexTests {
    static let zh = SQLiteMemoryTests.zh
    static let en = SQLiteMemoryTests.en

    static func batch(_ range: Range<Int>) -> [MemoryUnit] {
        range.map { SQLiteMemoryTests.unit("第\($0)句。", "Sentence \($0).") }
    }

    static func query(_ n: Int) -> MemoryQuery {
        MemoryQuery(source: "第\(n)句。", sourceLocale: zh, targetLocale: en)
    }

    /// The indexes of the `unit` table, read without opening the file as a memory (which would
    /// create a missing index).
    static func unitIndexes(_ path: String) throws -> [String] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in try db.indexes(on: "unit").map(\.name).sorted() }
    }

    static func unitCount(_ path: String) throws -> Int {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM unit") ?? 0 }
    }

    @Test func aFirstSchemaMemoryKeepsItsUnitsAndGetsTheOneIndex() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("m.sqlite")
        // A memory as the first release wrote it: schema v1, two indexes, units with their hashes.
        let old = try DatabaseQueue(path: path)
        try SQLiteSchema.migrator.migrate(old, upTo: "v1-units")
        try old.write { db in
            for unit in Self.batch(0..<100) {
                try db.execute(sql: """
                    INSERT INTO unit (sourceLocale, targetLocale, source, target, sourceKey, previousKey, nextKey,
                        originFile, originSegment, creator, created, changed, state, identity, lookup)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: unit.rowArguments)
            }
        }
        try old.close()
        #expect(try Self.unitIndexes(path) == ["unit_identity", "unit_lookup"])

        let memory = try SQLiteMemory(path: path)
        #expect(try Self.unitIndexes(path) == [SQLiteSchema.lookupIndex])
        #expect(try memory.statistics().units == 100)
        #expect(try memory.exactMatches(for: Self.query(42)).map(\.unit.target) == ["Sentence 42."])
        // Small batches find duplicates through the new index; large ones through the identity set.
        #expect(try memory.add(Self.batch(95..<105)) == MemoryWriteSummary(inserted: 5, updated: 5))
        #expect(try memory.add(Self.batch(0..<SQLiteMemory.identitySetThreshold))
            == MemoryWriteSummary(inserted: SQLiteMemory.identitySetThreshold - 105, updated: 105))
        #expect(try memory.integrityCheck() == "ok")
    }

    @Test func lookupsAndDuplicateChecksUseTheIndex() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("m.sqlite")
        _ = try SQLiteMemory(path: path)
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let plans = try queue.read { db in
            try ["WHERE lookup = 1 AND sourceLocale = 'zh-CN'", "WHERE lookup = 1 AND identity = 2 AND target = 'x'"].map { filter in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT id FROM unit \(filter)").map { $0["detail"] as String }.joined()
            }
        }
        for plan in plans { #expect(plan.contains("USING INDEX \(SQLiteSchema.lookupIndex)"), "\(plan)") }
    }

    @Test func aBulkLoadRunsWithoutTheIndexAndBuildsItAtTheEnd() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("m.sqlite")
        let memory = try SQLiteMemory(path: path)
        let summary = try memory.bulkLoad(expectedUnits: 3000) {
            #expect(try !memory.hasLookupIndex())
            var summary = try memory.add(Self.batch(0..<1000))
            // Small batches and units seen before: found without the index, never duplicated.
            summary = summary + (try memory.add(Self.batch(990..<1010)))
            summary = summary + (try memory.add(Self.batch(500..<2500)))
            return summary
        }
        #expect(summary == MemoryWriteSummary(inserted: 2500, updated: 520))
        #expect(try memory.hasLookupIndex())
        #expect(try memory.statistics().units == 2500)
        #expect(try memory.exactMatches(for: Self.query(2499)).map(\.unit.target) == ["Sentence 2499."])
        #expect(try memory.integrityCheck() == "ok")
    }

    @Test func aLoadSmallerThanTheMemoryKeepsTheIndex() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        try memory.add(Self.batch(0..<3000))
        try memory.bulkLoad(expectedUnits: 2000) { () throws in
            #expect(try memory.hasLookupIndex())
            #expect(try memory.add(Self.batch(2000..<4000)) == MemoryWriteSummary(inserted: 1000, updated: 1000))
        }
        #expect(try memory.statistics().units == 4000)
    }

    @Test func aFailedBulkLoadKeepsItsCommittedBatchesAndGetsTheIndexBack() throws {
        struct Interrupted: Error {}
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        #expect(throws: Interrupted.self) {
            try memory.bulkLoad(expectedUnits: 5000) {
                try memory.add(Self.batch(0..<1500))
                try memory.add(Self.batch(1500..<3000))
                throw Interrupted()
            }
        }
        #expect(try memory.hasLookupIndex())
        #expect(try memory.statistics().units == 3000)
    }

    /// Another connection opening the memory while a load runs without the index (or after a
    /// load died: the file is the same) creates it; both keep every unit exactly once.
    @Test func openingTheMemoryDuringABulkLoadCreatesTheIndexAndNothingIsDuplicated() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("m.sqlite")
        let loader = try SQLiteMemory(path: path)
        try loader.bulkLoad(expectedUnits: 10_000) {
            try loader.add(Self.batch(0..<2000))
            #expect(try Self.unitIndexes(path) == [])
            let other = try SQLiteMemory(path: path)
            #expect(try Self.unitIndexes(path) == [SQLiteSchema.lookupIndex])
            #expect(try other.statistics().units == 2000)
            #expect(try other.add(Self.batch(1990..<2010)) == MemoryWriteSummary(inserted: 10, updated: 10))
            try other.close()
            // The loader sees the other connection's commit and reads the identities again.
            #expect(try loader.add(Self.batch(1000..<4000)) == MemoryWriteSummary(inserted: 1990, updated: 1010))
        }
        #expect(try Self.unitIndexes(path) == [SQLiteSchema.lookupIndex])
        #expect(try loader.statistics().units == 4000)
    }

    /// reliability.md, kill -9 mid-import: `tandem tm import` killed after its first committed
    /// batch leaves whole batches and a memory that gets its index back when next opened;
    /// importing the file again completes it without a duplicate.
    @Test func anImportKilledMidWayLeavesWholeBatchesAndTheIndexComesBack() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let total = 200_000
        let tmx = directory.url.appendingPathComponent("big.tmx")
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header srclang=\"zh-CN\"/><body>\n"
        for n in 0..<total {
            text += "<tu><tuv xml:lang=\"zh-CN\"><seg>第\(n)句。</seg></tuv><tuv xml:lang=\"en\"><seg>Sentence \(n).</seg></tuv></tu>\n"
        }
        text += "</body></tmx>\n"
        try Data(text.utf8).write(to: tmx)
        let path = directory.path("m.sqlite")
        _ = try SQLiteMemory(path: path)  // the schema, so the file can be watched from the start

        let process = Process()
        process.executableURL = ExecutableRunner.tandem
        process.arguments = ["tm", "import", "--memory", path, tmx.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait for the first committed batch (the index is dropped by then), then kill -9.
        var committed = 0
        while process.isRunning {
            committed = (try? Self.unitCount(path)) ?? 0
            if committed > 0 { break }
            usleep(20_000)
        }
        try #require(process.isRunning, "the import finished before it could be killed; make the file larger")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try Self.unitIndexes(path) == [])

        let memory = try SQLiteMemory(path: path)
        #expect(try Self.unitIndexes(path) == [SQLiteSchema.lookupIndex])
        #expect(try memory.integrityCheck() == "ok")
        let stored = try memory.statistics().units
        #expect(stored > 0 && stored < total && stored % 50_000 == 0, "\(stored) units: whole batches only")
        let again = try memory.importTMX(from: tmx)
        #expect(again.inserted == total - stored)
        #expect(again.updated == stored)
        #expect(try memory.statistics().units == total)
    }
}
