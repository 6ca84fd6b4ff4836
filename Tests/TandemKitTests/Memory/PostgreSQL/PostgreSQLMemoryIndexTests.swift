import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// The PostgreSQL memory's client-side index (`PostgreSQLMemory+Index`) answers exactly what the
/// in-memory search it replaced answers (`IndexOracle`, over a few thousand real units), from
/// its files in a new process, and never a stale answer when another client (another
/// connection, another index directory) inserts, refreshes, updates or deletes units.
@Suite("PostgreSQL memory index", .enabled(if: SharedCorpus.isAvailable, Comment(rawValue: SharedCorpus.absentMessage)))
struct PostgreSQLMemoryIndexTests {
    static let server = Comment(rawValue: PostgreSQLTestServer.absentMessage)
    static let zh = LocaleTag("zh-CN")!
    static let en = LocaleTag("en")!

    static func units(_ pairs: some Sequence<(source: String, target: String)>) -> [MemoryUnit] {
        pairs.map { MemoryUnit(sourceLocale: zh, targetLocale: en, source: $0.source, target: $0.target) }
    }

    static func expectOracleAnswers(
        _ memory: PostgreSQLMemory, queries: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        try IndexOracle.expectAnswers(of: memory, source: zh, target: en, queries: queries, sourceLocation: sourceLocation)
    }

    static func segmentFiles(_ directory: TemporaryDirectory) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.url.path)) ?? []).filter { $0.hasSuffix(".tmi") }.sorted()
    }

    @Test(.enabled(if: PostgreSQLTestServer.isAvailable, server))
    func answersEqualTheInMemoryOracleAfterAnImportAndFromTheFilesInANewProcess() throws {
        let schema = try PostgreSQLTestServer.makeSchema()
        defer { schema.drop() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pairs = try IndexOracle.realUnits(count: 3000)
        var random = MemoryTestData.Random(state: 13)
        let queries = IndexOracle.queries(from: pairs.map(\.source), count: 160, random: &random)
        do {
            let memory = try PostgreSQLMemory(url: schema.url, indexDirectory: directory.url)
            _ = try memory.bulkLoad(expectedUnits: pairs.count) { try memory.add(Self.units(pairs)) }
            #expect(Self.segmentFiles(directory).count == 1, "the import wrote the index")
            try Self.expectOracleAnswers(memory, queries: queries)
        }
        let before = Self.segmentFiles(directory)
        try Self.expectOracleAnswers(try PostgreSQLMemory(url: schema.url, indexDirectory: directory.url), queries: queries)
        #expect(Self.segmentFiles(directory) == before, "a sound index is used as it is")
    }

    @Test(.enabled(if: PostgreSQLTestServer.isAvailable, server))
    func anotherClientsWritesAreSeenByAnOpenMemoryAndByItsFiles() throws {
        let schema = try PostgreSQLTestServer.makeSchema()
        defer { schema.drop() }
        let mine = try TemporaryDirectory()
        defer { mine.remove() }
        let theirs = try TemporaryDirectory()
        defer { theirs.remove() }
        let pairs = try IndexOracle.realUnits(count: 6000)
        var random = MemoryTestData.Random(state: 5)
        let queries = IndexOracle.queries(from: pairs.map(\.source), count: 80, random: &random)
        let reader = try PostgreSQLMemory(url: schema.url, indexDirectory: mine.url)
        let writer = try PostgreSQLMemory(url: schema.url, indexDirectory: theirs.url)
        var units = Self.units(pairs[0..<4000])
        // Some units start untranslated: lookups must not offer them, then must once refreshed.
        for index in stride(from: 0, to: units.count, by: 10) { units[index].state = .new }
        try writer.add(units)
        try Self.expectOracleAnswers(reader, queries: queries)
        let base = Self.segmentFiles(mine)
        #expect(base.count == 1)

        // 500 new units (below the threshold): the open reader's index is brought up to date,
        // and a new process indexes them in memory, rewriting no file.
        try writer.add(Self.units(pairs[4000..<4500]))
        try Self.expectOracleAnswers(reader, queries: queries)
        try Self.expectOracleAnswers(try PostgreSQLMemory(url: schema.url, indexDirectory: mine.url), queries: queries)
        #expect(Self.segmentFiles(mine) == base)

        // 1,500 more: past the threshold, a second segment (not merged with the first, twice its
        // size); the first stays.
        try writer.add(Self.units(pairs[4500..<6000]))
        try Self.expectOracleAnswers(try PostgreSQLMemory(url: schema.url, indexDirectory: mine.url), queries: queries)
        let grown = Self.segmentFiles(mine)
        #expect(grown.count == 2 && grown.contains(base[0]))

        // Refreshed from new to translated in place.
        var refreshed = Array(units[0..<300])
        for index in refreshed.indices { refreshed[index].state = .translated }
        try writer.add(refreshed)
        try Self.expectOracleAnswers(reader, queries: queries)

        // Another source for stored units (`update`).
        var stored: [MemoryUnit] = []
        try writer.forEachUnit(sourceLocale: Self.zh, targetLocale: Self.en) { if stored.count < 40 { stored.append($0) } }
        for (n, var unit) in stored.enumerated() {
            unit.source = pairs[(n * 37) % pairs.count].source + "，再说一遍"
            unit.sourceKey = Normalizer.matchingKey(unit.source)
            try writer.update(unit)
        }
        try Self.expectOracleAnswers(reader, queries: queries + stored.map(\.source))
        try Self.expectOracleAnswers(try PostgreSQLMemory(url: schema.url, indexDirectory: mine.url), queries: queries + stored.map(\.source))

        // Everything deleted, then a few units again.
        try writer.removeAll()
        try Self.expectOracleAnswers(reader, queries: queries)
        try writer.add(Self.units(pairs[0..<200]))
        try Self.expectOracleAnswers(reader, queries: queries)
        try Self.expectOracleAnswers(try PostgreSQLMemory(url: schema.url, indexDirectory: mine.url), queries: queries)
    }

    @Test(.enabled(if: PostgreSQLTestServer.isAvailable, server))
    func concurrentWritersLeaveNoUnitOutOfTheIndex() async throws {
        let schema = try PostgreSQLTestServer.makeSchema()
        defer { schema.drop() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pairs = try IndexOracle.realUnits(count: 3000)
        var random = MemoryTestData.Random(state: 31)
        let queries = IndexOracle.queries(from: pairs.map(\.source), count: 60, random: &random)
        let url = schema.url
        let directoryURL = directory.url
        _ = try PostgreSQLMemory(url: url, indexDirectory: directoryURL)
        // Four writers add interleaved batches while a reader keeps its index up to date: had a
        // writer committed lower ids after a reader saw higher ones, those units would be missed.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                let slice = Array(pairs.enumerated().filter { $0.offset % 4 == writer }.map(\.element))
                group.addTask {
                    let memory = try PostgreSQLMemory(url: url, indexDirectory: directoryURL)
                    for start in stride(from: 0, to: slice.count, by: 50) {
                        try memory.add(Self.units(slice[start..<min(start + 50, slice.count)]))
                    }
                }
            }
            group.addTask {
                let memory = try PostgreSQLMemory(url: url, indexDirectory: directoryURL)
                for text in queries.prefix(40) {
                    _ = try memory.fuzzyMatches(for: MemoryQuery(source: text, sourceLocale: Self.zh, targetLocale: Self.en),
                                                minimumScore: 75, limit: 5)
                }
            }
            try await group.waitForAll()
        }
        try Self.expectOracleAnswers(try PostgreSQLMemory(url: url, indexDirectory: directory.url), queries: queries)
        #expect(try PostgreSQLMemory(url: url, indexDirectory: directory.url).statistics().units == pairs.count)
    }

    @Test(.enabled(if: PostgreSQLTestServer.isAvailable, server))
    func localePairsAreReadWithoutCountingTheUnits() throws {
        let schema = try PostgreSQLTestServer.makeSchema()
        defer { schema.drop() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let memory = try PostgreSQLMemory(url: schema.url, indexDirectory: directory.url)
        let ja = LocaleTag("ja")!
        try memory.add([
            MemoryUnit(sourceLocale: Self.zh, targetLocale: Self.en, source: "你好。", target: "Hello."),
            MemoryUnit(sourceLocale: Self.zh, targetLocale: ja, source: "你好。", target: "こんにちは。"),
        ])
        var moved = try #require(try memory.exactMatches(for: MemoryQuery(source: "你好。", sourceLocale: Self.zh, targetLocale: ja)).first?.unit)
        moved.targetLocale = LocaleTag("fr")!
        try memory.update(moved)
        #expect(try memory.localePairs().map { "\($0.source)>\($0.target)" } == ["zh-CN>en", "zh-CN>fr", "zh-CN>ja"])
        #expect(try memory.statistics().pairs.map { "\($0.sourceLocale)>\($0.targetLocale)" } == ["zh-CN>en", "zh-CN>fr"])
    }
}
