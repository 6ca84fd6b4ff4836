@testable import TandemKit

/// The reference for fuzzy recall: every stored key compared with the query by plain
/// dynamic-programming Levenshtein, scored with the same penalties, no index.
struct BruteForceFuzzy {
    private var symbolizer = MatchSymbolizer()
    private let keys: [String]
    private let sequences: [[UInt32]]

    /// The distinct matching keys of `sources`.
    init(sources: [String]) {
        var symbolizer = MatchSymbolizer()
        keys = Array(Set(sources.map(Normalizer.matchingKey)))
        sequences = keys.map { symbolizer.learnSymbols(of: $0) }
        self.symbolizer = symbolizer
    }

    /// Key → score of every key other than the query's scoring at least `minimum`.
    func scores(for queryKey: String, minimum: Int) -> [String: Int] {
        let querySymbols = symbolizer.symbols(of: queryKey)
        var expected: [String: Int] = [:]
        for (key, sequence) in zip(keys, sequences) where key != queryKey {
            let score = FuzzyScore.score(similarity: MemoryTestData.similarity(querySymbols, sequence), queryKey: queryKey, candidateKey: key)
            if score >= minimum { expected[key] = score }
        }
        return expected
    }
}
