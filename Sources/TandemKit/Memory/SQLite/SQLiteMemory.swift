import Foundation
internal import GRDB
internal import GRDBSQLite

/// The embedded translation memory: one SQLite file (by default `.tandem/memory.sqlite`).
///
/// WAL journal so readers never block the writer; every batch is one `BEGIN IMMEDIATE`
/// transaction, and a busy timeout lets several processes write to one file in turn. Matching
/// asks the persisted index (`SQLiteMemory+Index.swift`: the distinct sources of each source
/// locale and their `FuzzyIndex`, mapped from files beside the database, plus the units added
/// since), then reads the matching units; `prepareLookups` loads a locale pair's units for a
/// caller about to look up most of them. Another process's writes are seen by a memory opened
/// after them.
///
/// Writing and opening are here; bulk loading (index dropped and rebuilt) is in
/// `SQLiteMemory+BulkLoad.swift`, lookups and their in-memory tables in `SQLiteMemory+Lookups.swift`.
/// The state those files share is internal rather than private for that reason only. Not
/// thread-safe: the caches are unsynchronised.
public final class SQLiteMemory: TranslationMemory {
    public var backend: MemoryBackend { .sqlite }

    /// The database file.
    public let path: String
    /// Set by `init`, opened again read-write by the first write when `init` could open it
    /// read-only; emptied by `deinit`, to close the database before the lock goes.
    private(set) var pool: DatabasePool!
    /// Whether `pool` is read-only (see `init`).
    private var isReadOnly = false
    /// What a read-write open needs: the connections' set-up, and how long to wait for a lock.
    private let configuration: Configuration
    private let busyTimeout: TimeInterval
    /// The persisted index of each source locale (mapped) with its delta, opened on first lookup.
    var keyIndexes: [LocaleTag: MemoryKeyIndex] = [:]
    /// Where the persisted index lives: `<path>.index/`.
    let indexDirectory: MemoryIndexDirectory
    /// Leverageable units of a locale pair held in memory by `prepareLookups`, so that exact
    /// lookups read no database at all.
    var exactTables: [LocalePair: ExactUnitTable] = [:]
    /// The pair looked up last and its table: a run of lookups hashes no locale.
    var lastExact: (pair: LocalePair, table: ExactUnitTable)?

    var scratch = FuzzySearchScratch()
    /// Every stored identity, for large batches and bulk loads.
    var identities = StoredIdentities()
    /// Batches at least this large load the identity set (a read of the index).
    static let identitySetThreshold = 1000
    /// Whether `bulkLoad` runs (the index is dropped): every batch uses the identity set.
    var isBulkLoading = false
    /// During a bulk load, where each committed batch's inserted keys go (the persisted index
    /// is made from them while the load goes on).
    var importFeed: ImportKeyFeed?
    /// How many source locales the last bulk load's index segment was written for from the
    /// keys it stored (the others were read back from the database).
    var localesIndexedFromLoad = 0
    /// The memory's shared lock (`MemoryFileLock.Use.using`) when `MemoryAddress.open()` opened
    /// it: held while this object lives, released after the database is closed.
    var fileLock: MemoryFileLock?

    deinit {
        // The database first (GRDB closes its connections when the pool goes; `close()` would
        // close the writer before the readers, and a reader is not allowed to delete the WAL):
        // the last connection checkpoints and deletes `-wal` and `-shm` by name, which must be
        // done before a rebuild waiting for the lock may replace the file.
        pool = nil
        fileLock?.release()
    }

    /// Opens (creating when missing, with its directory) the memory at `path` and brings its
    /// schema up to date.
    ///
    /// An existing memory whose schema is current is opened read-only, and again read-write by
    /// its first write. A read-write open writes: GRDB re-creates the WAL that the last
    /// process's close deleted (a transaction and three syncs), and that close checkpoints it
    /// back (one more); a command that only reads (`tm lookup`, `tm stats`, an `extract` that
    /// writes nothing back) now writes and syncs nothing, which on a busy disk was tens of
    /// milliseconds of a cold lookup.
    public init(path: String, busyTimeout: TimeInterval = 30) throws {
        self.path = path
        indexDirectory = MemoryIndexDirectory(memoryPath: path)
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
        self.configuration = configuration
        self.busyTimeout = busyTimeout
        do {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            pool = try Self.openReadOnlyPool(path: path, configuration: configuration)
            isReadOnly = pool != nil
            if pool == nil { pool = try Self.openPool(path: path, configuration: configuration, patience: busyTimeout) }
        } catch let error as DatabaseError {
            let reason = SQLiteSchema.reason(for: error, path: path)
            if [.SQLITE_FULL, .SQLITE_IOERR].contains(error.resultCode) { throw TandemError.unwritable(path: path, reason: reason) }
            throw TandemError.unreadable(path: path, reason: error.resultCode == .SQLITE_ERROR ? "not a Tandem memory: \(reason)" : reason)
        } catch let error as TandemError {
            throw error
        } catch {
            throw TandemError.unwritable(path: path, reason: TandemError.systemReason(of: error))
        }
    }

    /// The pool on `path` with its schema current. Several processes opening one fresh file
    /// at once can meet SQLite's "database is locked" where no busy handler runs (switching a
    /// new file to WAL, or a read turning into a write after another process wrote): such an
    /// open is tried again from the start, with a growing pause, until `patience` runs out.
    private static func openPool(path: String, configuration: Configuration, patience: TimeInterval) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(patience)
        var pause: TimeInterval = 0.02
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                try SQLiteSchema.migrate(pool)
                try restoreIndexIfMissing(pool)
                return pool
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                Thread.sleep(forTimeInterval: pause)
                pause = min(pause * 2, 0.5)
            }
        }
    }

    /// The pool on `path` opened read-only, when the file exists with every migration applied
    /// and its lookup index; otherwise nil (the caller opens it read-write to create or update
    /// it). SQLite (≥ 3.22) reads a WAL database from a read-only connection, creating an empty
    /// `-wal` and `-shm` when they are missing; a read-only connection never checkpoints or
    /// deletes them, and the next writer's close does.
    private static func openReadOnlyPool(path: String, configuration: Configuration) throws -> DatabasePool? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var readOnly = configuration
        readOnly.readonly = true
        do {
            let pool = try DatabasePool(path: path, configuration: readOnly)
            let current = try pool.read { db in
                try SQLiteSchema.migrator.hasCompletedMigrations(db) && lookupIndexExists(db)
            }
            return current ? pool : nil
        } catch is DatabaseError {
            // Whatever a read-only open meets (a folder it cannot create `-shm` in, a file that
            // is not a memory), the read-write open meets too and says it as usual.
            return nil
        }
    }

    /// The pool, opened read-write first when it is read-only. SQLite reads a WAL database from a
    /// read-only connection: nothing read so far is made stale by reopening (each read is its
    /// own transaction, as another process's writes may come between any two of them anyway).
    private func writablePool() throws -> DatabasePool {
        if isReadOnly {
            pool = nil
            pool = try Self.openPool(path: path, configuration: configuration, patience: busyTimeout)
            isReadOnly = false
        }
        return pool
    }

    // MARK: - Writing

    @discardableResult
    public func add(_ units: [MemoryUnit]) throws -> MemoryWriteSummary {
        if units.isEmpty { return MemoryWriteSummary() }
        // What a bulk load's index feed gets once the batch has committed.
        var fed: [String: [String]] = [:]
        var (firstId, lastId): (Int64, Int64) = (0, 0)
        let summary = try write { db in
            var summary = MemoryWriteSummary()
            let find = try db.cachedStatement(sql: """
                SELECT id FROM unit
                WHERE lookup = ? AND identity = ? AND sourceLocale = ? AND targetLocale = ? AND source = ?
                    AND previousKey = ? AND nextKey = ? AND target = ?
                """)
            // The unit the identity set names, if it is the same unit (the hash may collide).
            let same = try db.cachedStatement(sql: """
                SELECT id FROM unit
                WHERE id = ? AND sourceLocale = ? AND targetLocale = ? AND source = ?
                    AND previousKey = ? AND nextKey = ? AND target = ?
                """)
            let insert = try UnitInsertStatement(db)
            try Self.recordLocalePairs(db, of: units)
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
            // Keys of the units refreshed in place, for the change log (`SQLiteMemory+Changes`).
            var refreshed: Set<ChangedKey> = []
            // Find-then-write is safe: the transaction is IMMEDIATE, so no other writer runs between.
            for unit in units {
                let (lookup, identity) = unit.hashes
                func identityColumns() -> StatementArguments {
                    [unit.sourceLocale.identifier, unit.targetLocale.identifier, unit.source,
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
                    refreshed.insert(ChangedKey(
                        sourceLocale: unit.sourceLocale.identifier, targetLocale: unit.targetLocale.identifier, key: unit.sourceKey))
                } else {
                    let id = try insert.insert(unit, lookup: lookup, identity: identity)
                    identities.record(identity, id: id)
                    summary.inserted += 1
                    if importFeed != nil {
                        if firstId == 0 { firstId = id }
                        lastId = id
                        if unit.state.isTranslated { fed[unit.sourceLocale.identifier, default: []].append(unit.sourceKey) }
                    }
                }
            }
            try Self.logChangedKeys(db, refreshed)
            return summary
        }
        importFeed?.record(keys: fed, count: Int64(summary.inserted), firstId: firstId, lastId: lastId)
        // Our own commit leaves `data_version` as it was: the set stays valid.
        forgetLoadedTables()
        return summary
    }

    public func update(_ unit: MemoryUnit) throws {
        guard let id = unit.id else { throw TandemError.invalidArgument("a unit needs its id to be updated") }
        try write { db in
            var arguments = unit.rowArguments
            arguments += [id]
            // The unit's key before and after, for the change log (`SQLiteMemory+Changes`).
            var keys: Set<ChangedKey> = [ChangedKey(
                sourceLocale: unit.sourceLocale.identifier, targetLocale: unit.targetLocale.identifier, key: unit.sourceKey)]
            if let row = try Row.fetchOne(db, sql: "SELECT sourceLocale, targetLocale, sourceKey FROM unit WHERE id = ?", arguments: [id]) {
                keys.insert(ChangedKey(sourceLocale: row[0], targetLocale: row[1], key: row[2]))
            }
            try Self.logChangedKeys(db, keys)
            try db.execute(sql: """
                UPDATE unit SET sourceLocale = ?, targetLocale = ?, source = ?, target = ?, sourceKey = ?,
                    previousKey = ?, nextKey = ?, originFile = ?, originSegment = ?, creator = ?, created = ?,
                    changed = ?, state = ?, identity = ?, lookup = ?
                WHERE id = ?
                """, arguments: arguments)
            if db.changesCount == 0 { throw TandemError.invalidArgument("no unit with id \(id) in \(self.path)") }
            try Self.recordLocalePairs(db, of: [unit])
        }
        // The old identity may stay in the set: it only costs a find.
        identities.record(unit.identityHash, id: id)
        forgetLoadedTables()
    }

    public func removeAll() throws {
        try write { db in
            try db.execute(sql: "DELETE FROM unit")
            // The persisted index's keys are all gone: a new one is built rather than carried on.
            try db.execute(sql: "UPDATE memory_state SET rewrites = rewrites + 1")
        }
        identities.removeAll()
        forgetLoadedTables()
    }

    /// After this instance writes, what it holds in memory is out of date.
    func forgetLoadedTables() {
        keyIndexes.removeAll()
        exactTables.removeAll()
        lastExact = nil
    }

    /// One `BEGIN IMMEDIATE` transaction: all or nothing, and the write lock taken up front so
    /// two writers wait for each other (busy timeout) instead of failing on lock upgrade. A
    /// transaction that changed rows bumps the memory's generation inside itself (never in a
    /// transaction of its own, nor at open: concurrent first imports then met "database is
    /// locked"), so the number commits or rolls back with the units.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        // The system's error behind a failed write: SQLite says a full disk met while writing
        // the WAL or its index as SQLITE_IOERR ("disk I/O error"), the errno says ENOSPC.
        var systemError: Int32 = 0
        do {
            return try writablePool().writeWithoutTransaction { db in
                do {
                    var result: T?
                    try db.inTransaction(.immediate) {
                        let changesBefore = db.totalChangesCount
                        result = try body(db)
                        if db.totalChangesCount != changesBefore {
                            try db.execute(sql: "UPDATE memory_state SET generation = generation + 1")
                        }
                        return .commit
                    }
                    return result!
                } catch let error as DatabaseError {
                    systemError = sqlite3_system_errno(db.sqliteConnection)
                    throw error
                }
            }
        } catch let error as DatabaseError {
            throw TandemError.unwritable(path: path, reason: SQLiteSchema.reason(for: error, path: path, systemError: systemError))
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as DatabaseError {
            throw TandemError.unreadable(path: path, reason: error.message ?? "\(error)")
        } catch TandemError.invalidStoredUnit(_, let id, let message) {
            throw TandemError.invalidStoredUnit(memory: path, id: id, message: message)
        }
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
                db, sql: "SELECT \(SQLiteSchema.columns) FROM unit \(filter) ORDER BY id", arguments: arguments)
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
            _ = try writablePool().writeWithoutTransaction { db in try db.checkpoint(.truncate) }
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
