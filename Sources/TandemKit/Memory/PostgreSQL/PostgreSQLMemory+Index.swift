import Foundation

/// The fuzzy index of a PostgreSQL memory: the same persisted segments as the SQLite memory's
/// (`MemoryIndexDirectory`, mapped files, with its segment policy), built from the server by
/// each client and kept in its cache, checked against the server's counters (`tandem_state`)
/// on every fuzzy lookup.
///
/// Why a client-side index file rather than a server-side candidate search (a bigram postings
/// table counted in SQL):
/// - Writes stay as they were plus one row update: a postings table would add about a hundred
///   rows per unit (one per distinct bigram) to every import, in the write's transaction, and
///   a 1M-unit memory would carry some 50–100M posting rows and their B-tree.
/// - Recall is the `FuzzyIndex`'s by construction: the same lossless search, the same code,
///   not a second implementation of the count filter in SQL that must agree with it.
/// - A lookup costs the server two small queries (the counters, then the hits' units by their
///   `lookup` index) instead of a grouped count over posting lists of common bigrams, which on
///   a million units reads hundreds of thousands of rows per query.
/// The price: each client builds its index once (reads the keys, not the units: about what one
/// lookup cost before), and keeps a file about the size of the SQLite memory's index.
///
/// Correctness with other clients writing (never a wrong answer from a stale file):
/// - Each write transaction first bumps `generation` (`PostgreSQLMemory.write`), holding that
///   row's lock until it commits: writers take turns, so unit ids are committed in increasing
///   order, and the units a client lacks are exactly those with ids above what its segments
///   cover (read by id range, the delta).
/// - The counters, the highest id and the delta are read in one REPEATABLE READ snapshot.
/// - The segments hold the keys of units in every state, so a unit refreshed from draft to
///   translated in place needs nothing new; a key changed in place (`update`) or `removeAll`
///   bumps `rewrites`, which makes every segment stale (built again). A segment's `instance` is
///   the memory's, made by the migration: files of another memory, or of this one recreated,
///   never match. Every hit is then read back from the server (`units`), so a key whose units
///   were deleted or are not leverageable is skipped.
/// - An index opened by this instance is reused while the generation is unchanged (one small
///   query per fuzzy lookup), else brought up to date (the delta only).
extension PostgreSQLMemory {
    /// The default index directory of the memory whose `tandem_state.instance` is `instance`:
    /// `postgresql/<instance>` in Tandem's cache directory (`TandemCacheDirectory`). Named by
    /// the instance, not the URL: two spellings of one server share it, two memories never do.
    public static func defaultIndexDirectory(instance: Int64) -> URL {
        // With no `HOME`, the account's home directory (a PostgreSQL memory needs somewhere).
        let cache = TandemCacheDirectory.url
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/tandem", isDirectory: true)
        return cache.appendingPathComponent("postgresql/\(String(UInt64(bitPattern: instance), radix: 16))", isDirectory: true)
    }

    /// Every (source, target) locale pair ever stored (`tandem_locale_pair`), without scanning
    /// the units (a pair whose units were all deleted may stay listed: its lookups find nothing).
    public func localePairs() throws -> [(source: String, target: String)] {
        try failing {
            let result = try connection.execute("""
                SELECT source_locale, target_locale FROM tandem_locale_pair
                ORDER BY source_locale COLLATE "C", target_locale COLLATE "C"
                """)
            return (0..<result.rowCount).map { (source: result.string($0, 0), target: result.string($0, 1)) }
        }
    }

    /// Runs the import `body`, then writes the index of every source locale, so that the next
    /// process's first lookup on this machine maps it (not inside a transaction: what it holds
    /// is not committed yet).
    public func bulkLoad<T>(expectedUnits: Int, _ body: () throws -> T) throws -> T {
        let value = try body()
        if !connection.inTransaction { try refreshPersistedIndex() }
        return value
    }

    /// Builds (or brings up to date) the persisted index of every source locale now.
    func refreshPersistedIndex() throws {
        keyIndexes.removeAll()
        let sources = Set(try localePairs().map(\.source)).compactMap(LocaleTag.init)
        for locale in sources { _ = try openKeyIndex(for: locale, persistingDelta: true) }
    }

    /// The memory's generation: a number every committed write bumps.
    public func generation() throws -> Int64 {
        try failing { try connection.execute("SELECT generation FROM tandem_state").int64(0, 0) }
    }

    /// The index of `locale`, as of now: reused while the generation is the one it was opened
    /// at, else opened again (mapping the valid segments, reading the delta).
    func keyIndex(for locale: LocaleTag) throws -> MemoryKeyIndex {
        if let (state, index) = keyIndexes[locale], try generation() == state.generation { return index }
        return try openKeyIndex(for: locale, persistingDelta: false)
    }

    private func openKeyIndex(for locale: LocaleTag, persistingDelta: Bool) throws -> MemoryKeyIndex {
        let inWriteTransaction = connection.inTransaction
        let (state, index) = try inSnapshot {
            let state = try memoryState()
            guard !inWriteTransaction else {
                // In a write transaction (`inOneTransaction`): its units may yet roll back, so
                // no file may say they are committed; an index of this transaction's view, in memory.
                let keys = try keys(locale: locale, after: 0, upTo: state.maxId)
                let coverage = MemoryIndexCoverage(
                    instance: state.instance, rewrites: state.rewrites, fromId: 0, toId: state.maxId, generation: state.generation)
                return (state, MemoryKeyIndex(segments: keys.isEmpty ? [] : [MemoryIndexSegment(keys: keys, coverage: coverage)]))
            }
            let index = try indexDirectory.keyIndex(locale: locale, state: state, persistingDelta: persistingDelta) {
                try keys(locale: locale, after: $0, upTo: $1)
            }
            return (state, index)
        }
        keyIndexes[locale] = (state, index)
        return index
    }

    /// `body` in one REPEATABLE READ transaction (or in the transaction already open, whose
    /// writes it then sees), so every statement reads the same committed state.
    func inSnapshot<T>(_ body: () throws -> T) throws -> T {
        try failing {
            let isOutermost = !connection.inTransaction
            return try connection.transaction {
                if isOutermost { try connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY") }
                return try body()
            }
        }
    }

    /// The counters and the highest unit id, in one statement.
    func memoryState() throws -> MemoryIndexState {
        let row = try connection.execute("""
            SELECT generation, rewrites, instance, (SELECT coalesce(max(id), 0) FROM tandem_unit) FROM tandem_state
            """)
        return MemoryIndexState(generation: row.int64(0, 0), rewrites: row.int64(0, 1), instance: row.int64(0, 2), maxId: row.int64(0, 3))
    }

    /// The distinct keys of `locale`'s units (every state, see above) with ids in `after + 1…upTo`.
    private func keys(locale: LocaleTag, after: Int64, upTo: Int64) throws -> [String] {
        // Deduplicated here, in the hash table built anyway, rather than by the server's DISTINCT
        // (a sort or hash of every key there, then the same keys sent anyway).
        var ordinals = KeyOrdinals()
        try connection.forEachBatch(
            "SELECT source_key FROM tandem_unit WHERE id > $1 AND id <= $2 AND source_locale = $3",
            [after.description, upTo.description, locale.identifier]
        ) { batch in
            for row in 0..<batch.rowCount { ordinals.insert(batch.string(row, 0)) }
        }
        return ordinals.keys
    }
}
