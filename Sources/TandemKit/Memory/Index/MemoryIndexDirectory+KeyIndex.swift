/// The policy that turns a memory's counters and its committed keys into a `MemoryKeyIndex`,
/// written once for both backends (the SQLite memory reads the keys from its file, the
/// PostgreSQL memory from the server).
///
/// The segments valid for the state's `instance` and `rewrites` that cover ids 1…C are mapped;
/// keys of units added since (ids above C) are read by id range and indexed in memory (the
/// delta). When the delta grows past `deltaThreshold(covered:)` it is written as a segment,
/// merged with the newest segments that are not much larger than it (`mergeStart`), as a
/// tiered merge policy (Lucene's, tantivy's) does. So a reader never indexes more than a
/// couple of thousand keys in memory, segment sizes grow geometrically (few segments, each
/// key rewritten a logarithmic number of times), and the whole index is rewritten only after
/// the memory about doubled.
extension MemoryIndexDirectory {
    /// At most this many persisted segments per locale before they are merged.
    static let maxSegments = 8

    /// Units added since the persisted segments (the delta) are indexed in memory up to
    /// this count, then written as a segment: 5% of what is covered, between 1,000 and 2,000.
    /// Why so low: every process that opens the memory reads the delta's keys from the database
    /// and hashes them (about 1.5 µs a key), while writing a 2,000-key segment costs a few
    /// milliseconds once. At 50,000 (the earlier bound), a cold lookup on a 1M-unit memory
    /// that extract runs had grown by 18,000 units spent 28 ms of its 77 on the delta.
    static func deltaThreshold(covered: Int64) -> Int64 { min(2_000, max(1_000, covered / 20)) }

    /// A segment absorbs the segment before it while that one covers fewer than this many
    /// times the ids it has gathered so far.
    static let mergeRatio: Int64 = 2

    /// Where the segment written for `delta` new ids begins in a chain whose segments cover
    /// `sizes` ids (oldest first): the index of the oldest segment it absorbs, or `sizes.count`
    /// when it absorbs none; 0 is a rebuild of the whole index. At most `maxSegments` remain.
    static func mergeStart(sizes: [Int64], delta: Int64) -> Int {
        var start = sizes.count
        var merged = delta
        while start > 0 && sizes[start - 1] < mergeRatio * merged {
            start -= 1
            merged += sizes[start]
        }
        return min(start, maxSegments - 1)
    }

    /// The index of `locale` for the memory at `state`: `keys(after, upTo)` returns the distinct
    /// keys of the units with ids in `after + 1 … upTo`, read in the same snapshot as `state`.
    /// `persistingDelta` writes the delta as a segment whatever its size (after an import).
    func keyIndex(
        locale: LocaleTag, state: MemoryIndexState, persistingDelta: Bool,
        keys: (_ after: Int64, _ upTo: Int64) throws -> [String]
    ) rethrows -> MemoryKeyIndex {
        if state.maxId == 0 { return MemoryKeyIndex(segments: []) }
        var chain = chain(locale: locale, instance: state.instance, rewrites: state.rewrites, maxId: state.maxId)
        func coverage(from: Int64) -> MemoryIndexCoverage {
            MemoryIndexCoverage(instance: state.instance, rewrites: state.rewrites, fromId: from, toId: state.maxId,
                                generation: state.generation)
        }
        let covered = chain.last?.coverage.toId ?? 0
        if chain.isEmpty || chain.count >= Self.maxSegments {
            // Nothing valid, or too many pieces: one segment over every unit.
            let segment = write(keys: try keys(0, state.maxId), locale: locale, coverage: coverage(from: 0))
            removeStale(locale: locale, rewrites: state.rewrites, keep: [segment.coverage])
            return MemoryKeyIndex(segments: [segment])
        }
        if state.maxId > covered {
            if persistingDelta || state.maxId - covered >= Self.deltaThreshold(covered: covered) {
                let sizes = chain.map { $0.coverage.toId - $0.coverage.fromId }
                let start = Self.mergeStart(sizes: sizes, delta: state.maxId - covered)
                let from = start < chain.count ? chain[start].coverage.fromId : covered
                chain.removeSubrange(start...)
                chain.append(write(keys: try keys(from, state.maxId), locale: locale, coverage: coverage(from: from)))
            } else {
                let new = try keys(covered, state.maxId).filter { key in !chain.contains { $0.contains(key) } }
                if !new.isEmpty { chain.append(MemoryIndexSegment(keys: new, coverage: coverage(from: covered))) }
            }
        }
        removeStale(locale: locale, rewrites: state.rewrites, keep: chain.map(\.coverage))
        return MemoryKeyIndex(segments: chain)
    }
}
