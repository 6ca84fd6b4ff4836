/// Reuses the memory for a segment file: what `extract` calls for every file it writes.
///
/// An in-context or exact match fills an untranslated segment's target (state `translated` by
/// default, origin `tm`); otherwise fuzzy matches at or above `minimumScore` are attached as
/// candidates with their score and the stored source and target. Segments that already have
/// a target are never changed; those in state `fuzzy` (an edited sentence) get candidates.
public struct Leverage {
    public let memory: any TranslationMemory
    public var minimumScore: Int
    public var candidateLimit: Int
    /// The state a filled target gets.
    public var fillState: SegmentState
    /// Whether an exact match without the same neighbours fills the target too (in-context ones always do).
    public var fillsExactMatches: Bool

    public init(
        memory: any TranslationMemory, minimumScore: Int = 75, candidateLimit: Int = 5,
        fillState: SegmentState = .translated, fillsExactMatches: Bool = true
    ) {
        self.memory = memory
        self.minimumScore = minimumScore
        self.candidateLimit = candidateLimit
        self.fillState = fillState
        self.fillsExactMatches = fillsExactMatches
    }

    /// The memory's offer for each segment of `file`, in order; neighbours give the context.
    public func offers(for file: SegmentFile) throws -> [SegmentLeverage] {
        try offers(for: file, at: Array(file.segments.indices))
    }

    /// The offers for the segments at `indices` only (what `apply(to:)` asks for: a translated
    /// segment's offer would be thrown away, and looking it up costs a fuzzy search).
    private func offers(for file: SegmentFile, at indices: [Int]) throws -> [SegmentLeverage] {
        guard !indices.isEmpty else { return [] }
        let segments = file.segments
        // What the file's few lookups need (the SQLite memory maps its index; PostgreSQL loads
        // the pair once, a round trip per lookup costing more).
        try memory.prepareLeverage(sourceLocale: file.sourceLocale, targetLocale: file.targetLocale)
        return try indices.map { index in
            let query = MemoryQuery(
                source: segments[index].source, sourceLocale: file.sourceLocale, targetLocale: file.targetLocale,
                previousSource: index > 0 ? segments[index - 1].source : nil,
                nextSource: index + 1 < segments.count ? segments[index + 1].source : nil)
            let exact = try memory.exactMatches(for: query)
            if let best = exact.first, best.kind == .inContext || fillsExactMatches {
                return SegmentLeverage(segmentID: segments[index].id, fill: best, candidates: [])
            }
            var candidates = Array(exact.prefix(candidateLimit))
            if candidates.count < candidateLimit {
                candidates += try memory.fuzzyMatches(
                    for: query, minimumScore: minimumScore, limit: candidateLimit - candidates.count)
            }
            return SegmentLeverage(segmentID: segments[index].id, fill: nil, candidates: candidates)
        }
    }

    /// Whether `apply(to:)` looks `segment` up: an edited (fuzzy) one or one without target.
    /// Its file's leverage depends on the memory through these segments only.
    static func asksMemory(_ segment: SegmentEntry) -> Bool {
        segment.state == .fuzzy || segment.target?.isEmpty != false
    }

    /// The keys (`MemoryQuery.sourceKey`) of the segments of `file` that `apply(to:)` looks up.
    static func askingKeys(of file: SegmentFile) -> [String] {
        file.segments.filter(asksMemory).map { Normalizer.memoryKey($0.source) }
    }

    /// Fills untranslated segments of `file` from the memory and attaches candidates.
    @discardableResult
    public func apply(to file: inout SegmentFile) throws -> LeverageSummary {
        try apply(to: &file, pendingOrigins: nil).summary
    }

    /// `apply(to:)`, with each candidate naming the origin its unit will have once the units
    /// `pendingOrigins` holds are given to the memory; returns which unit every candidate shows,
    /// so that units given after this lookup can name theirs too (`Extractor`).
    func apply(
        to file: inout SegmentFile, pendingOrigins: PendingUnitOrigins?
    ) throws -> (summary: LeverageSummary, candidates: [LeveragedCandidate]) {
        var summary = LeverageSummary()
        var shown: [LeveragedCandidate] = []
        /// `matches` as the candidates of segment `index` (of `source`), each naming its unit's
        /// pending origin.
        func candidates(_ matches: some Sequence<MemoryMatch>, for index: Int, source: String) -> [MatchCandidate] {
            matches.enumerated().map { position, match in
                var candidate = match.candidate(for: source)
                if let origin = pendingOrigins?.origin(of: match.unit) { candidate.origin = origin }
                shown.append(LeveragedCandidate(segment: index, candidate: position, unit: MemoryUnitIdentity(match.unit)))
                return candidate
            }
        }
        // Only segments that an offer can change: an edited (fuzzy) one or one without target.
        // A fully translated file then never touches the memory (nor loads its index).
        let asking = file.segments.indices.filter { Self.asksMemory(file.segments[$0]) }
        for (index, offer) in zip(asking, try offers(for: file, at: asking)) {
            if file.segments[index].state == .fuzzy {
                // A target that needs checking (an edited sentence): offer what the memory has.
                let matches = (offer.candidates + (offer.fill.map { [$0] } ?? [])).prefix(candidateLimit)
                if !matches.isEmpty {
                    file.segments[index].candidates = candidates(matches, for: index, source: file.segments[index].source)
                    summary.fuzzy += 1
                }
                continue
            }
            guard file.segments[index].target == nil || file.segments[index].target?.isEmpty == true else { continue }
            if let fill = offer.fill {
                file.segments[index].target = fill.unit.target
                file.segments[index].state = fillState
                file.segments[index].origin = .tm
                file.segments[index].candidates = nil
                if fill.kind == .inContext { summary.inContext += 1 } else { summary.exact += 1 }
            } else if !offer.candidates.isEmpty {
                file.segments[index].candidates = candidates(offer.candidates, for: index, source: file.segments[index].source)
                summary.fuzzy += 1
            } else {
                summary.none += 1
            }
        }
        return (summary, shown)
    }
}
