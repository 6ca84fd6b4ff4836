import Foundation
import GRDB

/// The embedded translation memory: one SQLite file (by default `.tandem/memory.sqlite`).
///
/// WAL journal so readers never block the writer; every batch is one `BEGIN IMMEDIATE`
/// transaction, and a busy timeout lets several processes write to one file in turn. Matching
/// runs in memory: the distinct sources of each source locale are loaded once into a hash set
/// (exact) and a `FuzzyIndex` (fuzzy), rebuilt after this instance writes. Another process's
/// writes are seen by a memory opened after them.
public final class SQLiteMemory: TranslationMemory {
    public var backend: MemoryBackend { .sqlite }

    /// Where a project keeps its memory, relative to the project root.
    public static let defaultRelativePath = ".tandem/memory.sqlite"

    /// The database file.
    public let path: String
    private let pool: DatabasePool
    private var keyTables: [LocaleTag: MemoryKeyTable] = [:]
    /// Leverageable units of a locale pair held in memory by `prepareLookups`, so that exact
    /// lookups read no database at all.
    private var exactTables: [LocalePair: ExactUnitTable] = [:]
    /// The pair looked up last and its table: a run of lookups hashes no locale.
    private var lastExact: (pair: LocalePair, table: ExactUnitTable)?

    private var scratch = FuzzySearchScratch()
    /// Every stored identity, for large batches and bulk loads.
    private var identities = StoredIdentities()
    /// Batches at least this large load the identity set (a read of the index).
    static let identitySetThreshold = 1000
    /// Whether `bulkLoad` runs (the index is dropped): every batch uses the identity set.
    private var isBulkLoading = false

    /// Opens (creating when missing, with its directory) the memory at `path` and brings its
    /// schema up to date.
    public init(path: String, busyTimeout: TimeInterval = 30) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            // WAL (set by DatabasePool) with NORMAL sync is durable at each checkpoint and never corrupt.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // 64 MB of page cache: index pages of a million-unit memory stay in memory while importing.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            // Checkpoint every 16k pages (64 MB of WAL) rather than SQLite's 1000: an import then
            // syncs and copies pages back a sixteenth as often. Still crash-safe (the WAL is the journal).
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 16384")
        }
        do {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            pool = try DatabasePool(path: path, configuration: configuration)
            try MemorySchema.migrator.migrate(pool)
            try Self.restoreIndexIfMissing(pool)
        } catch let error as DatabaseError {
            throw TandemError.unreadable(path: path, reason: "not a Tandem memory: \(error.message ?? "\(error)")")
        } catch let error as TandemError {
            throw error
        } catch {
            throw TandemError.unwritable(path: path, reason: "\(error.localizedDescription)")
        }
    }

    /// The memory of the project at `root`.
    public static func defaultPath(projectRoot root: URL) -> String {
        root.appendingPathComponent(defaultRelativePath).path
    }

    // MARK: - Writing

    @discardableResult
    public func add(_ units: [MemoryUnit]) throws -> MemoryWriteSummary {
        if units.isEmpty { return MemoryWriteSummary() }
        let summary = try write { db in
            var summary = MemoryWriteSummary()
            let find = try db.cachedStatement(sql: """
                SELECT id FROM unit
                WHERE lookup = ? AND identity = ? AND sourceLocale = ? AND targetLocale = ? AND sourceKey = ?
                    AND previousKey = ? AND nextKey = ? AND target = ?
                """)
            // The unit the identity set names, if it is the same unit (the hash may collide).
            let same = try db.cachedStatement(sql: """
                SELECT id FROM unit
                WHERE id = ? AND sourceLocale = ? AND targetLocale = ? AND sourceKey = ?
                    AND previousKey = ? AND nextKey = ? AND target = ?
                """)
            let insert = try UnitInsertStatement(db)
            let refresh = try db.cachedStatement(sql: """
                UPDATE unit SET source = ?, originFile = ?, originSegment = ?, creator = ?,
                    changed = max(changed, ?), state = ?
                WHERE id = ?
                """)
            // Large batches (imports) skip the find for identities the file has never held:
            // every stored identity hash is kept in memory, valid while no other connection
            // has committed (`data_version` unchanged).
            let known = try identities.isCurrent(
                db, loading: isBulkLoading || units.count >= Self.identitySetThreshold)
            // Find-then-write is safe: the transaction is IMMEDIATE, so no other writer runs between.
            for unit in units {
                let (lookup, identity) = unit.hashes
                func identityColumns() -> StatementArguments {
                    [unit.sourceLocale.identifier, unit.targetLocale.identifier, unit.sourceKey,
                     unit.previousKey, unit.nextKey, unit.target]
                }
                var existing: Int64?
                if known {
                    // Only a collision or a unit updated since needs the find (a scan without the index).
                    if let id = identities.id(of: identity) {
                        existing = try Int64.fetchOne(same, arguments: [id] + identityColumns())
                            ?? Int64.fetchOne(find, arguments: [lookup, identity] + identityColumns())
                    }
                } else {
                    existing = try Int64.fetchOne(find, arguments: [lookup, identity] + identityColumns())
                }
                if let existing {
                    try refresh.execute(arguments: [
                        unit.source, unit.originFile, unit.originSegment, unit.creator,
                        unit.changed.timeIntervalSince1970, unit.state.rawValue, existing,
                    ])
                    summary.updated += 1
                } else {
                    let id = try insert.insert(unit, lookup: lookup, identity: identity)
                    identities.record(identity, id: id)
                    summary.inserted += 1
                }
            }
            return summary
        }
        // Our own commit leaves `data_version` as it was: the set stays valid.
        forgetLoadedTables()
        return summary
    }

    public func update(_ unit: MemoryUnit) throws {
        guard let id = unit.id else { throw TandemError.usage("a unit needs its id to be updated") }
        try write { db in
            var arguments = unit.rowArguments
            arguments += [id]
            try db.execute(sql: """
                UPDATE unit SET sourceLocale = ?, targetLocale = ?, source = ?, target = ?, sourceKey = ?,
                    previousKey = ?, nextKey = ?, originFile = ?, originSegment = ?, creator = ?, created = ?,
                    changed = ?, state = ?, identity = ?, lookup = ?
                WHERE id = ?
                """, arguments: arguments)
            if db.changesCount == 0 { throw TandemError.usage("no unit with id \(id) in \(self.path)") }
        }
        // The old identity may stay in the set: it only costs a find.
        identities.record(unit.identityHash, id: id)
        forgetLoadedTables()
    }

    public func removeAll() throws {
        try write { db in try db.execute(sql: "DELETE FROM unit") }
        identities.removeAll()
        forgetLoadedTables()
    }

    // MARK: - Bulk loading

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
        let dropped = try write { db -> Bool in
            // Ids only grow (AUTOINCREMENT): the largest is at least the row count, read without a scan.
            let stored = try Int.fetchOne(db, sql: "SELECT max(id) FROM unit") ?? 0
            guard stored <= expectedUnits else { return false }
            // The identity set read over the index, before dropping it.
            _ = try identities.isCurrent(db, loading: true)
            try db.execute(sql: "DROP INDEX IF EXISTS \(MemorySchema.lookupIndex)")
            return true
        }
        guard dropped else { return try body() }
        isBulkLoading = true
        let result: T
        do {
            result = try body()
        } catch {
            isBulkLoading = false
            try? write { db in try db.execute(sql: MemorySchema.createLookupIndexSQL) }
            throw error
        }
        isBulkLoading = false
        try write { db in
            // The sort may use a second thread: the reading thread of an import is done by now.
            try db.execute(sql: "PRAGMA threads = 2")
            defer { try? db.execute(sql: "PRAGMA threads = 0") }
            try db.execute(sql: MemorySchema.createLookupIndexSQL)
        }
        return result
    }

    /// Creates the index when a bulk load died before creating it again (checked in a read, so
    /// opening a sound memory writes nothing).
    private static func restoreIndexIfMissing(_ pool: DatabasePool) throws {
        if try !pool.read(lookupIndexExists) {
            try pool.write { db in try db.execute(sql: MemorySchema.createLookupIndexSQL) }
        }
    }

    private static func lookupIndexExists(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'index' AND name = ?",
                          arguments: [MemorySchema.lookupIndex]) ?? false
    }

    /// Whether the index of lookups and duplicate checks exists (a bulk load drops it for a while).
    func hasLookupIndex() throws -> Bool { try read(Self.lookupIndexExists) }

    /// After this instance writes, what it holds in memory is out of date.
    private func forgetLoadedTables() {
        keyTables.removeAll()
        exactTables.removeAll()
        lastExact = nil
    }

    /// One `BEGIN IMMEDIATE` transaction: all or nothing, and the write lock taken up front so
    /// two writers wait for each other (busy timeout) instead of failing on lock upgrade.
    private func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let error as DatabaseError {
            throw TandemError.unwritable(path: path, reason: error.message ?? "\(error)")
        }
    }

    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as DatabaseError {
            throw TandemError.unreadable(path: path, reason: error.message ?? "\(error)")
        }
    }

    // MARK: - Lookups

    public func exactMatches(for query: MemoryQuery) throws -> [MemoryMatch] {
        let hasContext = !query.previousKey.isEmpty || !query.nextKey.isEmpty
        if let table = exactTable(query.sourceLocale, query.targetLocale) {
            let matches = table.matches(forKey: query.sourceKey)
            // Without neighbours nothing is in context: the stored order is the answer.
            guard hasContext, matches.contains(where: { $0.unit.previousKey == query.previousKey && $0.unit.nextKey == query.nextKey })
            else { return matches }
            return MatchRanking.inContextFirst(matches.map(\.unit), query: query)
        }
        guard try keyTable(for: query.sourceLocale).ordinals.ordinal(of: query.sourceKey) != nil else { return [] }
        return MatchRanking.inContextFirst(
            try units(sourceLocale: query.sourceLocale, targetLocale: query.targetLocale, key: query.sourceKey), query: query)
    }

    public func fuzzyMatches(for query: MemoryQuery, minimumScore: Int, limit: Int) throws -> [MemoryMatch] {
        guard limit > 0 else { return [] }
        let table = try keyTable(for: query.sourceLocale)
        // One read for the whole query: each pool read is a hand-over to a reader thread.
        return try read { db in
            try MatchRanking.fuzzyMatches(in: table, for: query, minimumScore: minimumScore, limit: limit, scratch: &scratch) { key in
                try Self.units(db, sourceLocale: query.sourceLocale, targetLocale: query.targetLocale, key: key)
            }
        }
    }

    /// Leverageable units with normalized source `key`, most recently changed first.
    private func units(sourceLocale: LocaleTag, targetLocale: LocaleTag, key: String) throws -> [MemoryUnit] {
        try read { db in try Self.units(db, sourceLocale: sourceLocale, targetLocale: targetLocale, key: key) }
    }

    private static func units(_ db: Database, sourceLocale: LocaleTag, targetLocale: LocaleTag, key: String) throws -> [MemoryUnit] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT \(MemorySchema.columns) FROM unit
            WHERE lookup = ? AND sourceLocale = ? AND targetLocale = ? AND sourceKey = ?
                AND state IN \(MemorySchema.leverageableStatesSQL)
            ORDER BY changed DESC, id DESC
            """), arguments: [
                MemoryUnit.lookupHash(sourceLocale, targetLocale, key), sourceLocale.identifier,
                targetLocale.identifier, key,
            ])
        return try rows.map(MemoryUnit.init(row:))
    }

    /// The in-memory keys and fuzzy index of `locale`, loaded on first use.
    private func keyTable(for locale: LocaleTag) throws -> MemoryKeyTable {
        if let table = keyTables[locale] { return table }
        // Deduplicated here, in the hash table built anyway, rather than by SQLite's DISTINCT
        // (a temporary B-tree over every key).
        var ordinals = KeyOrdinals()
        try read { db in
            let cursor = try String.fetchCursor(db, sql: """
                SELECT sourceKey FROM unit
                WHERE sourceLocale = ? AND state IN \(MemorySchema.leverageableStatesSQL)
                """, arguments: [locale.identifier])
            while let key = try cursor.next() { ordinals.insert(key) }
        }
        let table = MemoryKeyTable(ordinals)
        keyTables[locale] = table
        return table
    }

    /// Loads every leverageable unit of the locale pair into memory (one sequential read), so
    /// that the exact lookups that follow read no database. `Leverage` calls it before a file's
    /// lookups; a write through this instance drops what was loaded. Returns the unit count.
    @discardableResult
    public func prepareLookups(sourceLocale: LocaleTag, targetLocale: LocaleTag) throws -> Int {
        if let table = exactTable(sourceLocale, targetLocale) { return table.unitCount }
        let table = try read { db in try ExactUnitTable(db, sourceLocale: sourceLocale, targetLocale: targetLocale) }
        exactTables[LocalePair(source: sourceLocale, target: targetLocale)] = table
        return table.unitCount
    }

    /// The loaded table of the pair, if `prepareLookups` loaded it.
    private func exactTable(_ sourceLocale: LocaleTag, _ targetLocale: LocaleTag) -> ExactUnitTable? {
        if let lastExact, lastExact.pair.source == sourceLocale, lastExact.pair.target == targetLocale { return lastExact.table }
        let pair = LocalePair(source: sourceLocale, target: targetLocale)
        guard let table = exactTables[pair] else { return nil }
        lastExact = (pair, table)
        return table
    }

    /// Loads the in-memory index for `locale` now (instead of on the first lookup), so its cost
    /// can be measured or paid up front.
    public func prepareIndex(for locale: LocaleTag) throws -> (keys: Int, bytes: Int) {
        let table = try keyTable(for: locale)
        return (table.keys.count, table.index.memoryFootprint)
    }

    // MARK: - Reading everything

    public func forEachUnit(
        sourceLocale: LocaleTag?, targetLocale: LocaleTag?, _ body: (MemoryUnit) throws -> Void
    ) throws {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let sourceLocale {
            conditions.append("sourceLocale = ?")
            arguments += [sourceLocale.identifier]
        }
        if let targetLocale {
            conditions.append("targetLocale = ?")
            arguments += [targetLocale.identifier]
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        try read { db in
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT \(MemorySchema.columns) FROM unit \(filter) ORDER BY id", arguments: arguments)
            while let row = try cursor.next() { try body(MemoryUnit(row: row)) }
        }
    }

    public func statistics() throws -> MemoryStatistics {
        try read { db in
            let units = try Int.fetchOne(db, sql: "SELECT count(*) FROM unit") ?? 0
            let distinct = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM (SELECT DISTINCT sourceLocale, sourceKey FROM unit)") ?? 0
            let pairs = try Row.fetchAll(db, sql: """
                SELECT sourceLocale, targetLocale, count(*) AS n FROM unit
                GROUP BY sourceLocale, targetLocale ORDER BY sourceLocale, targetLocale
                """).map { row in
                MemoryStatistics.Pair(sourceLocale: row["sourceLocale"], targetLocale: row["targetLocale"], units: row["n"])
            }
            return MemoryStatistics(units: units, distinctSources: distinct, pairs: pairs)
        }
    }

    /// Closes the database (checkpointing the WAL into the main file); the memory cannot be used after.
    public func close() throws {
        do {
            // Everything into the main file, so it can be moved or copied on its own.
            _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            try pool.close()
        } catch let error as DatabaseError {
            throw TandemError.unwritable(path: path, reason: error.message ?? "\(error)")
        }
    }

    /// `PRAGMA integrity_check`: "ok" for a sound file.
    public func integrityCheck() throws -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }
}

/// Not thread-safe: its caches and scratch are unsynchronised; open one per thread.
@available(*, unavailable)
extension SQLiteMemory: Sendable {}
