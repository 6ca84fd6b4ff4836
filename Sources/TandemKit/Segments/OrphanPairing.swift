/// The translations that lost their sentence during a `SegmentMerger.merge`, each given to the
/// edited sentence it most resembles, if any.
///
/// The orphans are prepared for comparison once, when the first sentence needs a partner (an
/// unchanged post never pays for it), and each is measured against a sentence only as far as it
/// could still be the best (`SegmentSimilarity.best`).
struct OrphanPairing {
    /// The orphans not given away yet, in the order they were given.
    private(set) var remaining: [SegmentEntry]
    /// The lowest score (0–100) a pairing needs.
    let minimumScore: Int
    private var similarity = SegmentSimilarity()
    /// `remaining`, prepared for comparison (same order); nil until a sentence needs them.
    private var prepared: [SegmentSimilarity.Sentence]?

    init(_ orphans: [SegmentEntry], minimumScore: Int) {
        remaining = orphans
        self.minimumScore = minimumScore
    }

    /// Removes and returns the orphan that scores highest for the sentence `text` (the first
    /// of equals), if one scores at least `minimumScore`.
    mutating func take(bestFor text: String) -> SegmentEntry? {
        guard !remaining.isEmpty else { return nil }
        var candidates = prepared ?? remaining.map { similarity.sentence($0.source) }
        defer { prepared = candidates }
        let query = similarity.sentence(text)
        guard let best = similarity.best(for: query, among: candidates, atLeast: minimumScore) else { return nil }
        candidates.remove(at: best.index)
        return remaining.remove(at: best.index)
    }
}
