import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// End to end through the SQLite memory: fuzzy matches for a query are exactly the stored
/// sources a brute-force comparison scores at or above the threshold (after penalties).
@Suite("SQLite memory fuzzy recall", .enabled(if: SharedCorpus.isAvailable, Comment(rawValue: SharedCorpus.absentMessage)))
struct SQLiteMemoryRecallTests {
    @Test func fuzzyMatchesAreWhatBruteForceScores() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let zh = LocaleTag("zh-CN")!
        let en = LocaleTag("en")!
        let sentences = Array(try MemoryTestData.corpusSentences().prefix(300))
        var random = MemoryTestData.Random(state: 9)
        let alphabet = Array(Set(sentences.joined())).sorted()
        var sources = sentences
        for sentence in sentences { sources.append(MemoryTestData.nearDuplicate(of: sentence, edits: 2, alphabet: alphabet, random: &random)) }
        let memory = try SQLiteMemory(path: directory.path("m.sqlite"))
        try memory.add(sources.enumerated().map { n, source in
            MemoryUnit(sourceLocale: zh, targetLocale: en, source: source, target: "t\(n)")
        })
        let bruteForce = BruteForceFuzzy(sources: sources)
        var checked = 0
        for (n, sentence) in sentences.enumerated() where n % 10 == 0 {
            let query = MemoryTestData.nearDuplicate(of: sentence, edits: 1, alphabet: alphabet, random: &random)
            let expected = bruteForce.scores(for: Normalizer.matchingKey(query), minimum: 75)
            let found = try memory.fuzzyMatches(
                for: MemoryQuery(source: query, sourceLocale: zh, targetLocale: en), minimumScore: 75, limit: 1000)
            #expect(Dictionary(found.map { ($0.unit.sourceKey, $0.score) }, uniquingKeysWith: { a, _ in a }) == expected)
            #expect(found.map(\.score) == found.map(\.score).sorted(by: >), "best first")
            // Top 3 stops reading hits early; it must give the first three of the full list.
            let top = try memory.fuzzyMatches(
                for: MemoryQuery(source: query, sourceLocale: zh, targetLocale: en), minimumScore: 75, limit: 3)
            #expect(top == Array(found.prefix(3)))
            checked += expected.isEmpty ? 0 : 1
        }
        #expect(checked > 10)
    }
}
