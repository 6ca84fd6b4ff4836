/// How alike two sentences are, for pairing an edited sentence with the translation of the
/// sentence it replaced: the score the memory would give the pair as a fuzzy match (see
/// `TranslationMemory.fuzzyMatches`). Symbols are the ones fuzzy matching counts
/// (`MatchSymbolizer`: one per CJK character, Latin word, number or placeholder), the distance is
/// `BitParallelEditDistance`, and `FuzzyScore` takes off the same penalties. So "similar enough
/// to keep the old translation" and "similar enough for the memory to offer it" mean the same.
///
/// Holds the working memory of a run of comparisons (one `SegmentMerger.merge`). Symbols are
/// numbered densely as sentences are prepared, so the distance's symbol table holds only the
/// symbols of the sentences compared, not one slot per Unicode scalar as the memory's does.
struct SegmentSimilarity {
    /// A sentence ready to compare: its matching key and its symbols (dense numbers).
    struct Sentence {
        let key: String
        let symbols: [UInt32]
    }

    private var symbolizer = MatchSymbolizer()
    /// `MatchSymbolizer` symbol → dense number.
    private var denseSymbols: [UInt32: UInt32] = [:]
    private var editDistance = BitParallelEditDistance(symbolSpace: 0)

    init() {}

    /// `text` ready to compare with the other sentences this value prepared.
    mutating func sentence(_ text: String) -> Sentence {
        let key = Normalizer.matchingKey(text)
        let symbols = symbolizer.learnSymbols(of: key).map { symbol in
            if let dense = denseSymbols[symbol] { return dense }
            let dense = UInt32(denseSymbols.count)
            denseSymbols[symbol] = dense
            return dense
        }
        return Sentence(key: key, symbols: symbols)
    }

    /// The first of `candidates` that scores highest for `query` (0–100, as the memory scores a
    /// fuzzy match), if one scores at least `minimum`.
    ///
    /// A candidate is measured only as far as it could still score at least `minimum`, or beat
    /// the best so far: a penalty only lowers a score, so the similarity bounds it, and the edit
    /// distance stops once it passes the largest distance that similarity allows.
    mutating func best(
        for query: Sentence, among candidates: [Sentence], atLeast minimum: Int
    ) -> (index: Int, score: Int)? {
        if editDistance.symbolSpaceCount < denseSymbols.count {
            editDistance = BitParallelEditDistance(symbolSpace: max(256, 2 * denseSymbols.count))
        }
        editDistance.prepare(pattern: query.symbols)
        let scorer = FuzzyScore(queryKey: query.key)
        var best: (index: Int, score: Int)?
        var floor = max(minimum, 0)
        for (index, candidate) in candidates.enumerated() {
            let length = max(query.symbols.count, candidate.symbols.count)
            let limit = FuzzyIndex.allowedDistance(length, minimum: floor)
            let distance = candidate.symbols.withUnsafeBufferPointer { editDistance.distance(to: $0, limit: limit) }
            guard let distance else { continue }
            let similarity = FuzzyIndex.Hit(entry: index, distance: distance, length: length).similarity
            let score = scorer.score(similarity: similarity, candidateKey: candidate.key)
            guard score >= floor else { continue }
            best = (index, score)
            if score >= 100 { break }
            floor = score + 1  // a later candidate must do better: the first of equals wins
        }
        return best
    }

    /// How alike `a` and `b` are, 0–1 (the memory's fuzzy score of one for the other, over
    /// 100), or nil below `minimum`.
    static func ratio(_ a: String, _ b: String, atLeast minimum: Double) -> Double? {
        var similarity = SegmentSimilarity()
        let query = similarity.sentence(a)
        let candidate = similarity.sentence(b)
        return similarity.best(for: query, among: [candidate], atLeast: score(minimum))
            .map { Double($0.score) / 100 }
    }

    /// A minimum similarity (0–1) as the lowest score (0–100) that reaches it (0.7 is 70, not
    /// 71 for 0.7 · 100 = 70.000000000000014).
    static func score(_ similarity: Double) -> Int {
        Int((similarity * 100 - 1e-9).rounded(.up))
    }
}
