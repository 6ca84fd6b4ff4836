import Foundation
internal import GRDB

/// The persisted memory index (`MemoryIndexDirectory`): opened from mapped files in
/// milliseconds instead of loading every key, kept right by the memory's counters
/// (`memory_state`), with the segment policy of `MemoryIndexDirectory.keyIndex`.
///
/// At open, one read transaction, so counters, files and rows agree. A rewrite (a unit becoming
/// leverageable in place, `removeAll`) makes every segment stale: the index is built again.
///
/// Why a reader folds and merges rather than the writer: the index is a cache of the committed
/// units, so a write's transaction never waits for it or fails because of it (the generation
/// counter removed once for exactly that stays a single UPDATE in the write's transaction),
/// and an import runs at its own rate. `bulkLoad` (an import) builds the index at its end, so
/// the first lookup after an import is already cold-fast.
extension SQLiteMemory {
    /// The memory's counters, read in `db`'s transaction.
    typealias MemoryState = MemoryIndexState

    static func memoryState(_ db: Database) throws -> MemoryState {
        let row = try Row.fetchOne(db, sql: "SELECT generation, rewrites, instance FROM memory_state")
        let maxId = try Int64.fetchOne(db, sql: "SELECT max(id) FROM unit") ?? 0
        return MemoryState(generation: row?[0] ?? 0, rewrites: row?[1] ?? 0, instance: row?[2] ?? 0, maxId: maxId)
    }

    /// The memory's generation: a number every committed write that changed units bumps.
    public func generation() throws -> Int64 {
        try read { db in try Self.memoryState(db).generation }
    }

    /// Every (source, target) locale pair ever stored, without scanning the units (a pair whose
    /// units were all deleted may stay listed: its lookups find nothing).
    public func localePairs() throws -> [(source: String, target: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT sourceLocale, targetLocale FROM locale_pair ORDER BY sourceLocale, targetLocale")
                .map { (source: $0[0], target: $0[1]) }
        }
    }

    /// Records the locale pairs of `units` (in the write's transaction).
    static func recordLocalePairs(_ db: Database, of units: [MemoryUnit]) throws {
        var pairs: Set<LocalePair> = []
        for unit in units { pairs.insert(LocalePair(source: unit.sourceLocale, target: unit.targetLocale)) }
        for pair in pairs {
            try db.execute(sql: "INSERT OR IGNORE INTO locale_pair VALUES (?, ?)",
                           arguments: [pair.source.identifier, pair.target.identifier])
        }
    }

    /// The index of `locale`, opened (and brought up to date) on first use.
    func keyIndex(for locale: LocaleTag) throws -> MemoryKeyIndex {
        if let index = keyIndexes[locale] { return index }
        return try openKeyIndex(for: locale, persistingDelta: false)
    }

    private func openKeyIndex(for locale: LocaleTag, persistingDelta: Bool) throws -> MemoryKeyIndex {
        let index = try read { db in
            try Self.openKeyIndex(db, locale: locale, directory: indexDirectory, persistingDelta: persistingDelta)
        }
        keyIndexes[locale] = index
        return index
    }

    /// Maps the valid segments, folds or merges as the shared policy says, indexes the delta.
    /// Static, touching no instance state, so `PersistedIndexBuild` runs it on a thread of its own.
    static func openKeyIndex(
        _ db: Database, locale: LocaleTag, directory: MemoryIndexDirectory, persistingDelta: Bool
    ) throws -> MemoryKeyIndex {
        try directory.keyIndex(locale: locale, state: try memoryState(db), persistingDelta: persistingDelta) {
            try keys(db, locale: locale, after: $0, upTo: $1)
        }
    }

    /// The distinct normalized sources of `locale`'s leverageable units with ids in `after + 1…upTo`.
    private static func keys(_ db: Database, locale: LocaleTag, after: Int64, upTo: Int64) throws -> [String] {
        // Deduplicated here, in the hash table built anyway, rather than by SQLite's DISTINCT
        // (a temporary B-tree over every key).
        var ordinals = KeyOrdinals()
        let cursor = try String.fetchCursor(db, sql: """
            SELECT sourceKey FROM unit
            WHERE id > ? AND id <= ? AND sourceLocale = ? AND state IN \(SQLiteSchema.leverageableStatesSQL)
            """, arguments: [after, upTo, locale.identifier])
        while let key = try cursor.next() { ordinals.insert(key) }
        return ordinals.keys
    }

    /// Writes `build`, the keys a bulk load stored for `locale`, as the segment over the ids
    /// added since the load began, when that is what the policy would write now from the
    /// database (`MemoryIndexDirectory.keyIndex` with `persistingDelta`): the memory's counters
    /// are the load's, every id since its start is one it inserted, the valid segments end
    /// where the load began, and the new segment absorbs none of them. Otherwise nothing is
    /// written, and the policy reads the keys from the database. Returns whether it was written.
    private static func writeImportedSegment(
        _ db: Database, _ build: inout MemoryIndexSegmentBuild, locale: LocaleTag, feed: ImportKeyFeed,
        directory: MemoryIndexDirectory
    ) throws -> Bool {
        let state = try memoryState(db)
        let start = feed.start
        guard state.instance == start.instance, state.rewrites == start.rewrites, feed.inserted > 0,
              state.maxId == feed.lastId, feed.lastId - feed.firstId + 1 == feed.inserted,
              try Int.fetchOne(db, sql: "SELECT count(*) FROM unit WHERE id > ? AND id < ?",
                               arguments: [start.maxId, feed.firstId]) == 0
        else { return false }
        let chain = directory.chain(locale: locale, instance: state.instance, rewrites: state.rewrites, maxId: state.maxId)
        let sizes = chain.map { $0.coverage.toId - $0.coverage.fromId }
        guard (chain.last?.coverage.toId ?? 0) == start.maxId, chain.count < MemoryIndexDirectory.maxSegments,
              chain.isEmpty || MemoryIndexDirectory.mergeStart(sizes: sizes, delta: state.maxId - start.maxId) == chain.count
        else { return false }
        let coverage = MemoryIndexCoverage(
            instance: state.instance, rewrites: state.rewrites, fromId: start.maxId, toId: state.maxId, generation: state.generation)
        return directory.write(&build, locale: locale, coverage: coverage) != nil
    }

    /// Builds (or brings up to date) the persisted index of every source locale now, as an
    /// import does at its end, so that the next process's first lookup maps it.
    func refreshPersistedIndex() throws {
        keyIndexes = try Self.persistedIndexes(pool: pool, directory: indexDirectory, path: path)
    }

    /// The persisted index of every source locale, brought up to date (files written), each in
    /// one read transaction. Thread-safe: it uses only the pool and the directory (and the
    /// feed, which it finishes).
    ///
    /// After a bulk load, `importing` holds the segment the policy would write now, made from
    /// the keys the load stored (`ImportKeyFeed`): it is written as that segment when the
    /// committed state shows it stands for exactly the units added since the load began
    /// (`importedSegment`), and the policy then finds the index whole.
    static func persistedIndexes(
        pool: DatabasePool, directory: MemoryIndexDirectory, path: String
    ) throws -> [LocaleTag: MemoryKeyIndex] {
        try persistedIndexes(pool: pool, directory: directory, path: path, importing: nil).indexes
    }

    /// `persistedIndexes`, after a bulk load fed by `feed`; `fromFeed` counts the locales whose
    /// segment was written from the feed's keys.
    static func persistedIndexes(
        pool: DatabasePool, directory: MemoryIndexDirectory, path: String, importing feed: ImportKeyFeed?
    ) throws -> (indexes: [LocaleTag: MemoryKeyIndex], fromFeed: Int) {
        do {
            var fromFeed = 0
            var builds = feed?.finish() ?? [:]
            let sources = try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT DISTINCT sourceLocale FROM locale_pair").compactMap { LocaleTag($0[0] as String) }
            }
            var indexes: [LocaleTag: MemoryKeyIndex] = [:]
            for locale in sources {
                indexes[locale] = try pool.read { db in
                    if let feed {
                        // A locale the load stored no leverageable key of has an empty segment.
                        var build = builds.removeValue(forKey: locale.identifier) ?? MemoryIndexSegmentBuild()
                        if try writeImportedSegment(db, &build, locale: locale, feed: feed, directory: directory) { fromFeed += 1 }
                    }
                    return try openKeyIndex(db, locale: locale, directory: directory, persistingDelta: true)
                }
            }
            return (indexes, fromFeed)
        } catch let error as DatabaseError {
            throw TandemError.unreadable(path: path, reason: error.message ?? "\(error)")
        }
    }
}
