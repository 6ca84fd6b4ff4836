import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// The fuzzy index is lossless: for every query it returns exactly the entries a brute-force
/// comparison with every stored sentence finds at or above the threshold.
@Suite("Fuzzy index recall", .enabled(if: SharedCorpus.isAvailable, Comment(rawValue: SharedCorpus.absentMessage)))
struct FuzzyRecallTests {
    struct Fixture {
        var keys: [String]
        var symbolizer: MatchSymbolizer
        var sequences: [[UInt32]]
        var index: FuzzyIndex
        var queries: [[UInt32]]
    }

    /// Corpus sentences, three near-duplicates of each (1–3 edits), and queries that are stored
    /// sentences, near-duplicates not stored, and sentences cut short or run together.
    static func fixture() throws -> Fixture {
        let sentences = try MemoryTestData.corpusSentences()
        var random = MemoryTestData.Random(state: 42)
        let alphabet = Array(Set(sentences.joined())).sorted()
        var texts = sentences
        for sentence in sentences {
            for edits in 1...3 {
                texts.append(MemoryTestData.nearDuplicate(of: sentence, edits: edits, alphabet: alphabet, random: &random))
            }
        }
        var symbolizer = MatchSymbolizer()
        let keys = Array(Set(texts.map(Normalizer.matchingKey))).sorted()
        let sequences = keys.map { symbolizer.learnSymbols(of: $0) }
        let index = FuzzyIndex(sequences: sequences, symbolSpace: symbolizer.symbolSpace)
        var queries: [[UInt32]] = []
        // A spread of queries (every seventh sentence): the brute force below is quadratic.
        for (n, sentence) in sentences.enumerated() where n % 7 == 0 {
            queries.append(symbolizer.symbols(of: Normalizer.matchingKey(sentence)))
            let edited = MemoryTestData.nearDuplicate(of: sentence, edits: 1 + n % 4, alphabet: alphabet, random: &random)
            queries.append(symbolizer.symbols(of: Normalizer.matchingKey(edited)))
            queries.append(symbolizer.symbols(of: Normalizer.matchingKey(String(sentence.prefix(sentence.count * 4 / 5)))))
        }
        return Fixture(keys: keys, symbolizer: symbolizer, sequences: sequences, index: index, queries: queries)
    }

    @Test(arguments: [75, 50, 90])
    func indexFindsExactlyWhatBruteForceFinds(minimum: Int) throws {
        let fixture = try Self.fixture()
        // Brute force: the bit-parallel distance without a limit (checked against the textbook
        // dynamic programme in BitParallelEditDistanceTests) against every stored sentence.
        var bruteForce = BitParallelEditDistance(symbolSpace: fixture.symbolizer.symbolSpace)
        #expect(fixture.sequences.count > 1000, "enough sentences to make the test mean something")
        var scratch = FuzzySearchScratch()
        var nonTrivial = 0
        for query in fixture.queries {
            let found = fixture.index.search(query, minimum: minimum, scratch: &scratch)
            let foundSet = Dictionary(uniqueKeysWithValues: found.map { ($0.entry, $0.similarity) })
            var expected: [Int: Int] = [:]
            bruteForce.prepare(pattern: query)
            for (entry, sequence) in fixture.sequences.enumerated() {
                let distance = sequence.withUnsafeBufferPointer { bruteForce.distance(to: $0, limit: Int.max / 2) }!
                let length = max(query.count, sequence.count)
                let similarity = 100 * (length - distance) / length
                if similarity >= minimum { expected[entry] = similarity }
            }
            #expect(foundSet == expected, "query \(query.count) symbols")
            if expected.count > 1 { nonTrivial += 1 }
        }
        #expect(nonTrivial > 20, "queries with several matches exercise the index")
    }

    @Test func latinTextIsMatchedOnWordsAndPlaceholdersCountAsOne() throws {
        var symbolizer = MatchSymbolizer()
        let stored = symbolizer.learnSymbols(of: Normalizer.matchingKey("Click {1}Save{/1} to keep your changes."))
        #expect(stored.count == 9)  // click {1} save {/1} to keep your changes .
        let query = symbolizer.symbols(of: Normalizer.matchingKey("Click {1}Save{/1} to keep all changes."))
        #expect(MemoryTestData.levenshtein(stored, query) == 1)
        let chinese = symbolizer.learnSymbols(of: Normalizer.matchingKey("我们在2024年发布了{2/}新版本。"))
        #expect(chinese.count == 13)  // 我 们 在 2024 年 发 布 了 {2/} 新 版 本 。
    }
}
