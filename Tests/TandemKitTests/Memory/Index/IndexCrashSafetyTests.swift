import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// A `tandem` process killed (`SIGKILL`) at random points while it imports units (and builds
/// the index at the end of the import) or while a lookup writes and merges index segments:
/// afterwards every lookup equals the oracle over the units that were committed.
@Suite("Memory index crash safety", .enabled(if: SharedCorpus.isAvailable, Comment(rawValue: SharedCorpus.absentMessage)))
struct IndexCrashSafetyTests {
    static let zh = LocaleTag("zh-CN")!
    static let en = LocaleTag("en")!

    /// Starts `tandem arguments`, kills it after `delay` seconds (if it still runs) and waits.
    static func runKilled(_ arguments: [String], after delay: Double) throws -> Bool {
        let process = Process()
        process.executableURL = ExecutableRunner.tandem
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        let killed = process.isRunning
        if killed { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return killed
    }

    static func expectOracleAnswers(_ path: String, queries: [String]) throws {
        let memory = try SQLiteMemory(path: path)
        var oracle = try IndexOracle(memory, source: zh, target: en)
        for text in queries {
            let query = MemoryQuery(source: text, sourceLocale: zh, targetLocale: en)
            #expect(try memory.exactMatches(for: query) == oracle.exact(query), "exact: \(text)")
            #expect(try memory.fuzzyMatches(for: query, minimumScore: 70, limit: 5) == oracle.fuzzy(query, minimumScore: 70),
                    "fuzzy: \(text)")
        }
    }

    @Test func killedImportsAndIndexWritesLeaveRightAnswers() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("m.sqlite")
        let pairs = try IndexOracle.realUnits(count: 12_000)
        var random = MemoryTestData.Random(state: 99)
        let queries = IndexOracle.queries(from: pairs.map(\.source), count: 12, random: &random)
        var kills = 0

        // Imports of 1,500-unit TMX files, killed at random points (each file is tried until
        // it got through once, so later imports land on a memory with an index).
        var files: [URL] = []
        for (n, start) in stride(from: 0, to: 9000, by: 1500).enumerated() {
            let url = directory.url.appendingPathComponent("part\(n).tmx")
            let writer = try TMXWriter(destination: url, sourceLocale: Self.zh, toolVersion: "test")
            for pair in pairs[start..<start + 1500] {
                try writer.write(MemoryUnit(sourceLocale: Self.zh, targetLocale: Self.en, source: pair.source, target: pair.target))
            }
            try writer.finish()
            files.append(url)
        }
        for round in 0..<60 {
            let file = files[min(round / 10, files.count - 1)]
            let delay = Double(random.next() % 600) / 1000
            if try Self.runKilled(["tm", "import", "--memory", path, "--no-keep", file.path], after: delay) { kills += 1 }
            if round % 3 == 0 { try Self.expectOracleAnswers(path, queries: queries) }
        }

        // Lookups that fold new units into a segment (past 1,000 new ones) or merge segments
        // (past eight), killed while they write.
        let writer = try SQLiteMemory(path: path)
        var next = 9000
        for round in 0..<60 {
            if round % 2 == 0, next + 1100 <= pairs.count {
                try writer.add(pairs[next..<next + 1100].map {
                    MemoryUnit(sourceLocale: Self.zh, targetLocale: Self.en, source: $0.source, target: $0.target)
                })
                next += 1100
            } else if round % 2 == 0 {
                // Out of new units: a rewrite makes the next lookup rebuild the whole index.
                try writer.removeAll()
                next = 0
            }
            let delay = Double(random.next() % 400) / 1000
            if try Self.runKilled(["tm", "lookup", "--memory", path, pairs[round].source], after: delay) { kills += 1 }
            if round % 3 == 0 { try Self.expectOracleAnswers(path, queries: queries) }
        }
        try Self.expectOracleAnswers(path, queries: queries)
        #expect(kills >= 40, "enough runs were killed mid-way (\(kills))")
    }
}
