import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// A bulk load (an import) makes its persisted index from the keys it stores, while it stores
/// them (`ImportKeyFeed`): the segment it writes is the very file the policy would write from
/// the database, and it is written only when it stands for exactly the units the load added.
@Suite("Index made by an import", .enabled(if: SharedCorpus.isAvailable, Comment(rawValue: SharedCorpus.absentMessage)))
struct ImportedSegmentTests {
    typealias Persisted = PersistedIndexTests

    static func fileBytes(_ path: String, _ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path + ".index/" + name))
    }

    /// The segment files after the policy made the index again from the database alone.
    static func segmentsFromTheDatabase(_ path: String, removing names: [String]) throws -> [String: Data] {
        for name in names { try FileManager.default.removeItem(atPath: path + ".index/" + name) }
        try SQLiteMemory(path: path).refreshPersistedIndex()
        var files: [String: Data] = [:]
        for name in Persisted.segmentFiles(path) { files[name] = try fileBytes(path, name) }
        return files
    }

    /// A memory file in a new directory, `count` real units and queries about them.
    struct Scenario {
        let directory: TemporaryDirectory
        let path: String
        let pairs: [(source: String, target: String)]
        let queries: [String]

        init(units count: Int, seed: UInt64) throws {
            directory = try TemporaryDirectory()
            path = directory.path("m.sqlite")
            pairs = try IndexOracle.realUnits(count: count)
            var random = MemoryTestData.Random(state: seed)
            queries = IndexOracle.queries(from: pairs.map(\.source), count: 120, random: &random)
        }
    }

    @Test func anImportsSegmentIsTheFileTheDatabaseGives() throws {
        let scenario = try Scenario(units: 3000, seed: 21)
        defer { scenario.directory.remove() }
        let (path, pairs, queries) = (scenario.path, scenario.pairs, scenario.queries)
        let memory = try SQLiteMemory(path: path)
        // Three batches, one of them with units lookups do not use and a repeated source.
        var units = Persisted.units(pairs)
        for index in stride(from: 0, to: units.count, by: 7) { units[index].state = .fuzzy }
        units[2999] = MemoryUnit(sourceLocale: units[10].sourceLocale, targetLocale: units[10].targetLocale,
                                 source: units[10].source, target: "another target")
        _ = try memory.bulkLoad(expectedUnits: units.count) {
            for batch in [units[0..<1000], units[1000..<2000], units[2000...]] { try memory.add(Array(batch)) }
        }
        #expect(memory.localesIndexedFromLoad == 1, "made from the keys the load stored")
        let files = Persisted.segmentFiles(path)
        #expect(files == ["zh-CN.0-3000.r0.tmi"])
        try Persisted.expectOracleAnswers(memory, queries: queries)
        let imported = try Self.fileBytes(path, files[0])
        #expect(try Self.segmentsFromTheDatabase(path, removing: files) == [files[0]: imported])
    }

    @Test func aLoadIntoAnIndexedMemoryAddsTheSegmentThePolicyWould() throws {
        let scenario = try Scenario(units: 4000, seed: 22)
        defer { scenario.directory.remove() }
        let (path, pairs, queries) = (scenario.path, scenario.pairs, scenario.queries)
        let memory = try SQLiteMemory(path: path)
        try memory.add(Persisted.units(pairs[0..<3000]))
        try memory.refreshPersistedIndex()
        // 1,000 units after 3,000 (announced as more than stored, so the load drops the
        // index): a segment of its own, as the tiered policy keeps a segment twice as large.
        _ = try memory.bulkLoad(expectedUnits: 5000) { try memory.add(Persisted.units(pairs[3000...])) }
        #expect(memory.localesIndexedFromLoad == 1)
        let files = Persisted.segmentFiles(path)
        #expect(files == ["zh-CN.0-3000.r0.tmi", "zh-CN.3000-4000.r0.tmi"])
        try Persisted.expectOracleAnswers(memory, queries: queries)
        let imported = try Self.fileBytes(path, files[1])
        let fromDatabase = try Self.segmentsFromTheDatabase(path, removing: [files[1]])
        #expect(fromDatabase[files[1]] == imported)
        #expect(fromDatabase.count == 2)
    }

    @Test func unitsAnotherConnectionAddsDuringALoadAreIndexedToo() throws {
        let scenario = try Scenario(units: 3000, seed: 23)
        defer { scenario.directory.remove() }
        let (path, pairs, queries) = (scenario.path, scenario.pairs, scenario.queries)
        let memory = try SQLiteMemory(path: path)
        _ = try memory.bulkLoad(expectedUnits: 3000) {
            try memory.add(Persisted.units(pairs[0..<1500]))
            // Ids the load did not insert: its keys no longer stand for the units it covers.
            try SQLiteMemory(path: path).add(Persisted.units(pairs[2900...]))
            try memory.add(Persisted.units(pairs[1500..<2900]))
        }
        #expect(memory.localesIndexedFromLoad == 0, "read back from the database instead")
        #expect(Persisted.segmentFiles(path).count == 1)
        try Persisted.expectOracleAnswers(memory, queries: queries)
        try Persisted.expectOracleAnswers(try SQLiteMemory(path: path), queries: queries)
    }

    @Test func aFailedLoadLeavesAnIndexThatAnswersRight() throws {
        struct Stop: Error {}
        let scenario = try Scenario(units: 2000, seed: 24)
        defer { scenario.directory.remove() }
        let (path, pairs, queries) = (scenario.path, scenario.pairs, scenario.queries)
        let memory = try SQLiteMemory(path: path)
        #expect(throws: Stop.self) {
            try memory.bulkLoad(expectedUnits: 2000) {
                try memory.add(Persisted.units(pairs[0..<1000]))
                throw Stop()
            }
        }
        try Persisted.expectOracleAnswers(memory, queries: queries)
        _ = try memory.bulkLoad(expectedUnits: 2000) { try memory.add(Persisted.units(pairs[1000...])) }
        try Persisted.expectOracleAnswers(try SQLiteMemory(path: path), queries: queries)
    }
}
