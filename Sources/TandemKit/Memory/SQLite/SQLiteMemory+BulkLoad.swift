internal import GRDB

extension SQLiteMemory {
    /// Runs `body`, which adds about `expectedUnits` units in batches (an import), without the
    /// index when the load is at least as large as what is stored: inserting into an index of
    /// random hashes dirties its pages all over the file at every batch, and each commit writes
    /// them to the WAL again, while building it once at the end is one sort.
    ///
    /// Duplicates are still found without it: every batch checks the identity set (read again
    /// whenever another connection commits), and compares a stored unit by id. Crash-safe:
    /// every batch is still one committed transaction, and a memory opened without its index
    /// (the load died before the end) creates it again. Another connection that opens the
    /// memory meanwhile creates it too; the load then goes on with it, only slower.
    public func bulkLoad<T>(expectedUnits: Int, _ body: () throws -> T) throws -> T {
        guard !isBulkLoading, expectedUnits >= Self.identitySetThreshold else { return try body() }
        let start = try write { db -> MemoryIndexState? in
            // Ids only grow (AUTOINCREMENT): the largest is at least the row count, read without a scan.
            let stored = try Int.fetchOne(db, sql: "SELECT max(id) FROM unit") ?? 0
            guard stored <= expectedUnits else { return nil }
            // The identity set read over the index, before dropping it.
            _ = try identities.isCurrent(db, loading: true)
            try db.execute(sql: "DROP INDEX IF EXISTS \(SQLiteSchema.lookupIndex)")
            return try Self.memoryState(db)
        }
        guard let start else { return try body() }
        isBulkLoading = true
        // The persisted index is made from the keys the load stores, while it stores them.
        let feed = ImportKeyFeed(start: start, expectedUnits: expectedUnits)
        importFeed = feed
        let result: T
        do {
            result = try body()
        } catch {
            isBulkLoading = false
            importFeed = nil
            feed.cancel()
            try? write { db in try db.execute(sql: SQLiteSchema.createLookupIndexSQL) }
            throw error
        }
        isBulkLoading = false
        importFeed = nil
        // The persisted lookup index too, so the first lookup after an import maps it instead
        // of building it. On a thread of its own: its layout and the flush of its files to disk
        // overlap SQLite's index sort, rather than adding to it (the two were half of a
        // 1M-unit import when run one after the other).
        let (pool, directory, path) = (pool!, indexDirectory, path)
        let persisted = ThreadedResult {
            try Self.persistedIndexes(pool: pool, directory: directory, path: path, importing: feed)
        }
        let created = Result { try write { db in try db.execute(sql: SQLiteSchema.createLookupIndexSQL) } }
        (keyIndexes, localesIndexedFromLoad) = try persisted.value()
        try created.get()
        return result
    }

    /// Creates the index when a bulk load died before creating it again (checked in a read, so
    /// opening a sound memory writes nothing).
    static func restoreIndexIfMissing(_ pool: DatabasePool) throws {
        if try !pool.read(lookupIndexExists) {
            try pool.write { db in try db.execute(sql: SQLiteSchema.createLookupIndexSQL) }
        }
    }

    static func lookupIndexExists(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'index' AND name = ?",
                          arguments: [SQLiteSchema.lookupIndex]) ?? false
    }

    /// Whether the index of lookups and duplicate checks exists (a bulk load drops it for a while).
    func hasLookupIndex() throws -> Bool { try read(Self.lookupIndexExists) }
}
