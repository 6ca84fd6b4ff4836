import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// The persisted, memory-mapped index (`<memory>.index/`) answers exactly what the in-memory
/// implementation it replaced answers, and never a stale answer: after inserts (delta), updates
/// and deletes (rewrites), and when its files are damaged or cut short.
@Suite("Persisted memory index", .enabled(if: SharedCorpus.isAvailable, Comment(rawValue: SharedCorpus.absentMessage)))
struct PersistedIndexTests {
    static let zh = LocaleTag("zh-CN")!
    static let en = LocaleTag("en")!

    static func units(_ pairs: some Sequence<(source: String, target: String)>) -> [MemoryUnit] {
        pairs.map { MemoryUnit(sourceLocale: zh, targetLocale: en, source: $0.source, target: $0.target) }
    }

    static func expectOracleAnswers(_ memory: SQLiteMemory, queries: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try IndexOracle.expectAnswers(of: memory, source: zh, target: en, queries: queries, sourceLocation: sourceLocation)
    }

    static func segmentFiles(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path + ".index")) ?? []).filter { $0.hasSuffix(".tmi") }.sorted()
    }

    @Test func answersEqualTheInMemoryOracleFromFilesAndAfterReopening() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("m.sqlite")
        let pairs = try IndexOracle.realUnits(count: 3000)
        var random = MemoryTestData.Random(state: 13)
        let queries = IndexOracle.queries(from: pairs.map(\.source), count: 160, random: &random)
        do {
            let memory = try SQLiteMemory(path: path)
            _ = try memory.bulkLoad(expectedUnits: pairs.count) { try memory.add(Self.units(pairs)) }
            #expect(Self.segmentFiles(path).count == 1, "the import wrote the index")
            try Self.expectOracleAnswers(memory, queries: queries)
        }
        // A new process's view: the index comes from the mapped file.
        let reopened = try SQLiteMemory(path: path)
        let before = Self.segmentFiles(path)
        try Self.expectOracleAnswers(reopened, queries: queries)
        #expect(Self.segmentFiles(path) == before, "a sound index is used as it is")
    }

    @Test func insertsAreSeenThroughTheDeltaAndFoldedPastTheThreshold() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("m.sqlite")
        let pairs = try IndexOracle.realUnits(count: 6000)
        var random = MemoryTestData.Random(state: 5)
        let queries = IndexOracle.queries(from: pairs.map(\.source), count: 80, random: &random)
        let first = try SQLiteMemory(path: path)
        try first.add(Self.units(pairs[0..<4000]))
        try Self.expectOracleAnswers(first, queries: queries)
        let base = Self.segmentFiles(path)
        #expect(base.count == 1)
        let baseModified = try FileManager.default.attributesOfItem(atPath: path + ".index/" + base[0])[.modificationDate] as? Date

        // 500 new units (below the threshold): indexed in memory on open, no file rewritten.
        try first.add(Self.units(pairs[4000..<4500]))
        try Self.expectOracleAnswers(try SQLiteMemory(path: path), queries: queries)
        #expect(Self.segmentFiles(path) == base)

        // 1,500 more (past 1,000): written as a second segment, not merged with the first (twice
        // its size): the first stays as it was.
        try first.add(Self.units(pairs[4500..<6000]))
        try Self.expectOracleAnswers(try SQLiteMemory(path: path), queries: queries)
        let after = Self.segmentFiles(path)
        #expect(after.count == 2 && after.contains(base[0]))
        let stillModified = try FileManager.default.attributesOfItem(atPath: path + ".index/" + base[0])[.modificationDate] as? Date
        #expect(stillModified == baseModified)
    }

    @Test func aDeltaSegmentAbsorbsTheNewestSegmentsNotMuchLargerThanIt() {
        // Tiered: the new segment takes in a predecessor smaller than twice what it gathered.
        #expect(MemoryIndexDirectory.mergeStart(sizes: [1_000_000], delta: 2_000) == 1)
        #expect(MemoryIndexDirectory.mergeStart(sizes: [1_000_000, 2_000], delta: 2_000) == 1)
        #expect(MemoryIndexDirectory.mergeStart(sizes: [1_000_000, 4_000, 2_000], delta: 2_000) == 1)
        #expect(MemoryIndexDirectory.mergeStart(sizes: [1_000_000, 8_000, 2_000], delta: 2_000) == 2)
        #expect(MemoryIndexDirectory.mergeStart(sizes: [1_000, 600], delta: 500) == 0, "a rebuild once the memory doubled")
        // Never more than maxSegments, whatever the sizes.
        let spread = (0..<10).map { Int64(1) << (40 - 3 * $0) }
        #expect(MemoryIndexDirectory.mergeStart(sizes: spread, delta: 1) == MemoryIndexDirectory.maxSegments - 1)
    }

    @Test func smallDeltasAreMergedWithoutRewritingTheBase() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("m.sqlite")
        let pairs = try IndexOracle.realUnits(count: 8000)
        try #require(pairs.count == 8000, "8,000 distinct units to add")
        var random = MemoryTestData.Random(state: 21)
        let queries = IndexOracle.queries(from: pairs.map(\.source), count: 60, random: &random)
        let writer = try SQLiteMemory(path: path)
        try writer.add(Self.units(pairs[0..<4000]))
        try Self.expectOracleAnswers(try SQLiteMemory(path: path), queries: queries)
        let base = Self.segmentFiles(path)
        #expect(base.count == 1)
        let baseModified = try FileManager.default.attributesOfItem(atPath: path + ".index/" + base[0])[.modificationDate] as? Date

        // Each batch of 1,000 reaches the threshold; a new process (a lookup) writes the segment.
        // 4000 | 4000+1000 | 4000+2000 (merged) | 4000+2000+1000 | 8000 (rebuilt: it doubled).
        var counts: [Int] = []
        for batch in 0..<4 {
            let start = 4000 + batch * 1000
            try writer.add(Self.units(pairs[start..<start + 1000]))
            try Self.expectOracleAnswers(try SQLiteMemory(path: path), queries: queries)
            let files = Self.segmentFiles(path)
            counts.append(files.count)
            if batch < 3 {
                #expect(files.contains(base[0]), "batch \(batch): the base segment is kept")
                let modified = try FileManager.default.attributesOfItem(atPath: path + ".index/" + base[0])[.modificationDate] as? Date
                #expect(modified == baseModified, "batch \(batch): the base segment is not rewritten")
            }
        }
        #expect(counts == [2, 2, 3, 1])
        #expect(Self.segmentFiles(path) == ["zh-CN.0-8000.r0.tmi"])
    }

    @Test func updatesAndDeletesNeverLeaveAStaleAnswer() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("m.sqlite")
        let pairs = try IndexOracle.realUnits(count: 1500)
        var random = MemoryTestData.Random(state: 21)
        let queries = IndexOracle.queries(from: pairs.map(\.source), count: 60, random: &random)
        let memory = try SQLiteMemory(path: path)
        var units = Self.units(pairs)
        // Some units start untranslated: the index leaves their keys out.
        for index in stride(from: 0, to: units.count, by: 10) { units[index].state = .new }
        try memory.add(units)
        try Self.expectOracleAnswers(try SQLiteMemory(path: path), queries: queries)

        // Becoming translated in place (a refresh of the same unit) brings the key in.
        var refreshed = Array(units[0..<300])
        for index in refreshed.indices { refreshed[index].state = .translated }
        try memory.add(refreshed)
        try Self.expectOracleAnswers(try SQLiteMemory(path: path), queries: queries)

        // `update` giving a stored unit another source.
        var stored: [MemoryUnit] = []
        try memory.forEachUnit(sourceLocale: Self.zh, targetLocale: Self.en) { if stored.count < 40 { stored.append($0) } }
        for (n, var unit) in stored.enumerated() {
            unit.source = pairs[(n * 37) % pairs.count].source + "，再说一遍"
            unit.sourceKey = Normalizer.matchingKey(unit.source)
            try memory.update(unit)
        }
        try Self.expectOracleAnswers(try SQLiteMemory(path: path), queries: queries + stored.map { $0.source })

        // Everything deleted: nothing is found, then new units are.
        try memory.removeAll()
        try Self.expectOracleAnswers(try SQLiteMemory(path: path), queries: queries)
        try memory.add(Self.units(pairs[0..<200]))
        try Self.expectOracleAnswers(try SQLiteMemory(path: path), queries: queries)
    }

    @Test func aDamagedOrTruncatedIndexFileIsRebuilt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("m.sqlite")
        let pairs = try IndexOracle.realUnits(count: 1500)
        var random = MemoryTestData.Random(state: 77)
        let queries = IndexOracle.queries(from: pairs.map(\.source), count: 40, random: &random)
        let memory = try SQLiteMemory(path: path)
        try memory.add(Self.units(pairs))
        _ = try memory.exactMatches(for: MemoryQuery(source: pairs[0].source, sourceLocale: Self.zh, targetLocale: Self.en))
        let file = path + ".index/" + Self.segmentFiles(path)[0]
        let sound = try Data(contentsOf: URL(fileURLWithPath: file))
        let damages: [(String, (inout Data) -> Void)] = [
            ("truncated to half", { $0 = $0.prefix($0.count / 2) }),
            ("truncated to 10 bytes", { $0 = $0.prefix(10) }),
            ("empty", { $0 = Data() }),
            ("header byte flipped", { $0[20] ^= 0xFF }),
            ("section table overwritten", { for i in 48..<120 { $0[i] = 0xAB } }),
            ("not an index", { $0 = Data("hello".utf8) }),
            ("body overwritten", { data in for i in stride(from: data.count / 3, to: data.count, by: 7) { data[i] = 0xFF } }),
        ]
        for (name, damage) in damages {
            var data = sound
            damage(&data)
            try data.write(to: URL(fileURLWithPath: file))
            let reopened = try SQLiteMemory(path: path)
            if name == "body overwritten" {
                // Contents are not checksummed (that would read the whole file at open): a
                // damaged body must not crash a lookup nor yield a unit that does not match.
                for text in queries {
                    let query = MemoryQuery(source: text, sourceLocale: Self.zh, targetLocale: Self.en)
                    for match in try reopened.exactMatches(for: query) { #expect(match.unit.sourceKey == query.sourceKey) }
                    for match in try reopened.fuzzyMatches(for: query, minimumScore: 75, limit: 5) { #expect(match.score >= 75) }
                }
            } else {
                try Self.expectOracleAnswers(reopened, queries: queries)
                #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == sound, "rebuilt: \(name)")
            }
        }
    }

    @Test func everyWriteBumpsTheGeneration() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        let start = try memory.generation()
        var unit = MemoryUnit(sourceLocale: Self.zh, targetLocale: Self.en, source: "你好。", target: "Hello.")
        try memory.add([unit])
        let afterAdd = try memory.generation()
        #expect(afterAdd == start + 1)
        try memory.add([])
        #expect(try memory.generation() == afterAdd, "no write, no bump")
        var stored: [MemoryUnit] = []
        try memory.forEachUnit(sourceLocale: nil, targetLocale: nil) { stored.append($0) }
        unit = stored[0]
        unit.target = "Hi."
        try memory.update(unit)
        #expect(try memory.generation() == afterAdd + 1)
        try memory.removeAll()
        #expect(try memory.generation() == afterAdd + 2)
        // Another connection sees the committed number.
        #expect(try SQLiteMemory(path: memory.path).generation() == afterAdd + 2)
    }
}
