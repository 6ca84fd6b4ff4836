/// The normalized sources of one source locale's leverageable units, as a list of index
/// segments: the persisted ones (mapped files, `MemoryIndexDirectory`) that cover the ids up to
/// some point, and an in-memory one for the units added since (the delta). What the memory's
/// exact check and fuzzy search ask; every answer is then read from the database.
struct MemoryKeyIndex {
    let segments: [MemoryIndexSegment]

    /// Whether some segment holds `key`.
    func contains(_ key: String) -> Bool { segments.contains { $0.contains(key) } }

    /// Every key within `minimum` similarity of `key`, from every segment (a key held by two
    /// segments comes twice; `MatchRanking` skips the repeat).
    func hits(for key: String, minimum: Int, scratch: inout FuzzySearchScratch) -> [FuzzyKeyHit] {
        var hits: [FuzzyKeyHit] = []
        for segment in segments { hits += segment.hits(for: key, minimum: minimum, scratch: &scratch) }
        return hits
    }

    /// Distinct keys over all segments, counted once per segment.
    var keyCount: Int { segments.reduce(0) { $0 + $1.keys.count } }

    /// Bytes of the fuzzy indexes (mapped or in memory).
    var footprint: Int { segments.reduce(0) { $0 + $1.index.memoryFootprint } }
}
