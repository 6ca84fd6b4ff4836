/// The policy that turns a memory's counters and its committed keys into a `MemoryKeyIndex`,
/// written once for both backends (the SQLite memory reads the keys from its file, the
/// PostgreSQL memory from the server).
///
/// The segments valid for the state's `instance` and `rewrites` that cover ids 1…C are mapped;
/// keys of units added since (ids above C) are read by id range and indexed in memory (the
/// delta). When the delta grows past `deltaThreshold(covered:)` it is written as a new segment;
/// when there are `maxSegments`, they are merged into one (a rebuild from the units). So a
/// reader pays in proportion to what changed, and the whole index is rewritten only after the
/// memory grew by about half, as a tiered merge policy would.
extension MemoryIndexDirectory {
    /// At most this many persisted segments per locale before they are merged.
    static let maxSegments = 8

    /// Units added since the persisted segments (the delta) are indexed in memory up to
    /// this count, then written as a segment: 5% of what is covered, between 1,000 and 50,000.
    static func deltaThreshold(covered: Int64) -> Int64 { min(50_000, max(1_000, covered / 20)) }

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
            let delta = try keys(covered, state.maxId)
            if persistingDelta || state.maxId - covered >= Self.deltaThreshold(covered: covered) {
                chain.append(write(keys: delta, locale: locale, coverage: coverage(from: covered)))
            } else {
                let new = delta.filter { key in !chain.contains { $0.contains(key) } }
                if !new.isEmpty { chain.append(MemoryIndexSegment(keys: new, coverage: coverage(from: covered))) }
            }
        }
        removeStale(locale: locale, rewrites: state.rewrites, keep: chain.map(\.coverage))
        return MemoryKeyIndex(segments: chain)
    }
}
