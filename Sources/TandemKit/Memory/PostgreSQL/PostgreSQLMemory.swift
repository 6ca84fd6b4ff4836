import Foundation

/// The shared translation memory: units in a PostgreSQL database (`memory: postgres://…` in
/// `tandem.yml`), one table that a whole team writes to and looks up from.
///
/// The same semantics as `SQLiteMemory` (both pass `MemoryConformanceTests`):
/// - Identity: a `UNIQUE` SHA-256 digest of locales, normalized source, context keys and target,
///   computed by the server in the statement that writes; a batch is one `INSERT … ON CONFLICT DO UPDATE` per 5,000 units in
///   one transaction, so two processes adding the same unit at once store it once (the second
///   waits for the first's commit, then refreshes it). Rows are inserted in digest order, so
///   concurrent batches lock in the same order and do not deadlock; a deadlock or serialization
///   failure is retried all the same.
/// - An exact lookup is one indexed query (`lookup`). A fuzzy lookup searches a persisted index
///   of the keys kept by this client (`PostgreSQLMemory+Index`: mapped segment files in the
///   user's cache, checked against the server's `tandem_state` counters on every lookup, so a
///   stale file never gives a wrong answer, whoever wrote), then reads only the hits' units.
///   `prepareLookups` loads a locale pair's units into an `ExactUnitTable` (for `extract`);
///   a write through this instance drops it, other clients' writes are seen by a memory opened
///   after them.
/// - Writers take turns: every write transaction first bumps `tandem_state.generation`, which
///   row-locks it until commit, so unit ids are committed in increasing order (what lets an
///   index read "the units added since" as an id range).
public final class PostgreSQLMemory: TranslationMemory {
    public var backend: MemoryBackend { .postgreSQL }

    /// The server, as configured (its description has no password).
    public let url: PostgreSQLURL
    let connection: PostgreSQLConnection
    /// Where this client keeps its index files of the memory (`PostgreSQLMemory+Index`).
    let indexDirectory: MemoryIndexDirectory
    /// The index of each source locale opened so far, with the counters it was opened at.
    var keyIndexes: [LocaleTag: (state: MemoryIndexState, index: MemoryKeyIndex)] = [:]
    private var exactTables: [LocalePair: ExactUnitTable] = [:]
    var scratch = FuzzySearchScratch()


    /// Units per `INSERT`: 14 array parameters of this many elements (a few MB).
    static let rowsPerStatement = 5_000
    /// `{translated,reviewed,final}`: the states lookups see, as one array parameter.
    static let leverageableStates: String = {
        var states = PostgreSQLArrayLiteral()
        for state in SegmentState.allCases where state.isTranslated { states.append(state.rawValue) }
        return states.text
    }()

    /// Connects to the server at `url` and creates or migrates the memory's tables. The index
    /// files go to `indexDirectory` (default: `defaultIndexDirectory(instance:)`).
    public init(url: PostgreSQLURL, indexDirectory: URL? = nil) throws {
        self.url = url
        do {
            connection = try PostgreSQLConnection(url: url)
        } catch let error as PostgreSQLError {
            throw TandemError.database(url: url.description, reason: "cannot connect: \(error.message)")
        }
        do {
            let encoding = try connection.execute("SHOW server_encoding").string(0, 0)
            guard encoding == "UTF8" else {
                throw PostgreSQLError(message: "the database's encoding is \(encoding); the memory needs a UTF8 database (CREATE DATABASE … ENCODING 'UTF8')")
            }
            try PostgreSQLSchema.migrate(connection)
            let instance = try connection.execute("SELECT instance FROM tandem_state").int64(0, 0)
            self.indexDirectory = MemoryIndexDirectory(url: indexDirectory ?? Self.defaultIndexDirectory(instance: instance))
        } catch let error as PostgreSQLError {
            throw TandemError.database(url: url.description, reason: "cannot open the memory: \(error.message)")
        }
    }

    /// Connects to the server `url` names (`postgres://` or `postgresql://`).
    public convenience init(url text: String, indexDirectory: URL? = nil) throws {
        guard let url = PostgreSQLURL(text) else {
            throw TandemError.invalidArgument("'\(text)' is not a PostgreSQL URL (postgres://user@host/database)")
        }
        try self.init(url: url, indexDirectory: indexDirectory)
    }

    // MARK: - Writing

    @discardableResult
    public func add(_ units: [MemoryUnit]) throws -> MemoryWriteSummary {
        if units.isEmpty { return MemoryWriteSummary() }
        // One INSERT … ON CONFLICT cannot touch a row twice: repeats inside the batch are merged
        // here first, and count as refreshed, as they would be when added one by one.
        let (distinct, repeats) = Self.mergingRepeats(units)
        let summary = try write {
            try recordLocalePairs(of: distinct)
            var summary = MemoryWriteSummary(inserted: 0, updated: repeats)
            // A batch larger than the change log logs nothing: it forgets the log instead.
            let logsKeys = distinct.count <= Self.changedKeyLogLimit
            if !logsKeys { try forgetChangedKeys() }
            for start in stride(from: 0, to: distinct.count, by: Self.rowsPerStatement) {
                summary = summary + (try insert(distinct[start..<min(start + Self.rowsPerStatement, distinct.count)], logsKeys: logsKeys))
            }
            if logsKeys && summary.updated > repeats { try trimChangedKeys() }
            return summary
        }
        forgetLoadedTables()
        return summary
    }

    /// `units` with each identity once (the last copy's fields, the latest changed time), and
    /// how many copies were merged away.
    private static func mergingRepeats(_ units: [MemoryUnit]) -> (units: [MemoryUnit], repeats: Int) {
        var distinct: [MemoryUnit] = []
        distinct.reserveCapacity(units.count)
        var positions: [Int64: [Int]] = [:]
        var repeats = 0
        for unit in units {
            let hash = unit.identityHash
            if let position = positions[hash]?.first(where: { distinct[$0].hasSameIdentity(as: unit) }) {
                // What a refresh of a stored unit changes (see the ON CONFLICT clause).
                let changed = max(distinct[position].changed, unit.changed)
                distinct[position].source = unit.source
                distinct[position].originFile = unit.originFile
                distinct[position].originSegment = unit.originSegment
                distinct[position].creator = unit.creator
                distinct[position].state = unit.state
                distinct[position].changed = changed
                repeats += 1
            } else {
                positions[hash, default: []].append(distinct.count)
                distinct.append(unit)
            }
        }
        return (distinct, repeats)
    }

    /// One `INSERT … SELECT FROM unnest(…)` of `units` (distinct identities), each column one
    /// array parameter.
    private func insert(_ units: ArraySlice<MemoryUnit>, logsKeys: Bool) throws -> MemoryWriteSummary {
        var columns = [PostgreSQLArrayLiteral](repeating: PostgreSQLArrayLiteral(capacity: units.count * 16), count: 14)
        for unit in units {
            columns[0].append(unit.sourceLocale.identifier)
            columns[1].append(unit.targetLocale.identifier)
            columns[2].append(unit.source)
            columns[3].append(unit.target)
            columns[4].append(unit.sourceKey)
            columns[5].append(unit.previousKey)
            columns[6].append(unit.nextKey)
            columns[7].append(unit.originFile)
            columns[8].append(unit.originSegment)
            columns[9].append(unit.creator)
            columns[10].appendNumber(unit.created.timeIntervalSince1970.description)
            columns[11].appendNumber(unit.changed.timeIntervalSince1970.description)
            columns[12].append(unit.state.rawValue)
            columns[13].appendNumber(unit.lookupHash.description)
        }
        let result = try connection.execute(logsKeys ? Self.insertLoggingSQL : Self.insertSQL, columns.map(\.text))
        return MemoryWriteSummary(inserted: Int(result.int64(0, 0)), updated: Int(result.int64(0, 1)))
    }

    /// The batch insert: 14 array parameters, one per column.
    private static let insertSQL = insertSQL(loggingKeys: false)
    /// The same, logging the keys of the units it refreshes (`PostgreSQLMemory+Changes`).
    private static let insertLoggingSQL = insertSQL(loggingKeys: true)

    private static func insertSQL(loggingKeys: Bool) -> String {
        """
        WITH written AS (
            INSERT INTO tandem_unit AS stored (id, source_locale, target_locale, source, target, source_key, previous_key,
                next_key, origin_file, origin_segment, creator, created, changed, state, lookup, identity)
            SELECT id, sl, tl, s, t, sk, pk, nk, f, sg, cr, to_timestamp(c), to_timestamp(ch), st, lk, identity
            FROM (
                -- Ids in the batch's order (what forEachUnit and TMX export follow), taken while
                -- the function scan returns the rows in array order.
                SELECT nextval('tandem_unit_id_seq') AS id, row.*,
                    \(PostgreSQLSchema.identity(sourceLocale: "sl", targetLocale: "tl", source: "s", previousKey: "pk", nextKey: "nk", target: "t")) AS identity
                FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                    $8::text[], $9::text[], $10::text[], $11::float8[], $12::float8[], $13::text[], $14::int8[])
                    AS row(sl, tl, s, t, sk, pk, nk, f, sg, cr, c, ch, st, lk)
            ) AS numbered
            -- Rows locked in digest order: concurrent batches cannot deadlock on each other.
            ORDER BY identity
            ON CONFLICT (identity) DO UPDATE SET source = excluded.source, origin_file = excluded.origin_file,
                origin_segment = excluded.origin_segment, creator = excluded.creator,
                changed = greatest(stored.changed, excluded.changed), state = excluded.state
            RETURNING (xmax = 0) AS inserted, source_locale, target_locale, source_key
        )\(loggingKeys ? ", logged AS (\n" + logChangedKeysSQL(from: "written WHERE NOT inserted") + "\n)" : "")
        SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM written
        """
    }

    public func update(_ unit: MemoryUnit) throws {
        guard let id = unit.id else { throw TandemError.invalidArgument("a unit needs its id to be updated") }
        let changed = try write {
            // A key changed in place is one the index files may lack: they are built again.
            // (A state change is not: they hold the keys of units in every state.)
            try connection.execute("""
                UPDATE tandem_state SET rewrites = rewrites + 1
                WHERE EXISTS (SELECT 1 FROM tandem_unit WHERE id = $1 AND (source_locale <> $2 OR source_key <> $3))
                """, [id.description, unit.sourceLocale.identifier, unit.sourceKey])
            try recordLocalePairs(of: [unit])
            // The unit's key before and after, for the change log.
            try connection.execute(Self.logChangedKeysSQL(from: "tandem_unit WHERE id = $1"), [id.description])
            try connection.execute(
                Self.logChangedKeysSQL(from: "(VALUES ($1::text, $2::text, $3::text)) AS new(source_locale, target_locale, source_key)"),
                [unit.sourceLocale.identifier, unit.targetLocale.identifier, unit.sourceKey])
            try trimChangedKeys()
            return try connection.execute("""
                UPDATE tandem_unit SET source_locale = $1, target_locale = $2, source = $3, target = $4, source_key = $5,
                    previous_key = $6, next_key = $7, origin_file = $8, origin_segment = $9, creator = $10,
                    created = to_timestamp($11::float8), changed = to_timestamp($12::float8), state = $13, lookup = $14,
                    identity = \(PostgreSQLSchema.identity(
                        sourceLocale: "$1::text", targetLocale: "$2::text", source: "$3::text", previousKey: "$6::text",
                        nextKey: "$7::text", target: "$4::text"))
                WHERE id = $15
                """, [
                    unit.sourceLocale.identifier, unit.targetLocale.identifier, unit.source, unit.target, unit.sourceKey,
                    unit.previousKey, unit.nextKey, unit.originFile, unit.originSegment, unit.creator,
                    unit.created.timeIntervalSince1970.description, unit.changed.timeIntervalSince1970.description,
                    unit.state.rawValue, unit.lookupHash.description, id.description,
                ]).affectedRows
        }
        forgetLoadedTables()
        if changed == 0 { throw TandemError.invalidArgument("no unit with id \(id) in \(url)") }
    }

    public func removeAll() throws {
        try write {
            try connection.execute("DELETE FROM tandem_unit")
            // The index files' keys are all gone: new ones are built rather than carried on.
            try connection.execute("UPDATE tandem_state SET rewrites = rewrites + 1")
        }
        forgetLoadedTables()
    }

    /// Runs `body`, whose writes go through this memory, as one transaction: other clients see
    /// all of it when it returns, or nothing when it throws (`tandem tm rebuild`: removeAll and
    /// the refill together).
    public func inOneTransaction<T>(_ body: () throws -> T) throws -> T {
        defer { forgetLoadedTables() }
        return try failing { try connection.transaction(body) }
    }

    /// After a write, what this instance holds in memory is out of date.
    private func forgetLoadedTables() {
        keyIndexes.removeAll()
        exactTables.removeAll()
    }

    /// `body` in a transaction (joining one that is open), run again after a deadlock or
    /// serialization failure when it is the outermost one. The transaction first bumps the
    /// memory's generation: that row stays locked until the commit, so writers take turns and
    /// the unit ids they draw are committed in increasing order (see `PostgreSQLMemory+Index`).
    private func write<T>(_ body: () throws -> T) throws -> T {
        try failing {
            var attempts = 0
            while true {
                do {
                    return try connection.transaction {
                        try connection.execute("UPDATE tandem_state SET generation = generation + 1")
                        return try body()
                    }
                } catch let error as PostgreSQLError where error.isTransient && !connection.inTransaction && attempts < 5 {
                    attempts += 1
                }
            }
        }
    }

    /// Records the locale pairs of `units` (in the write's transaction).
    private func recordLocalePairs(of units: [MemoryUnit]) throws {
        var pairs: Set<LocalePair> = []
        for unit in units { pairs.insert(LocalePair(source: unit.sourceLocale, target: unit.targetLocale)) }
        for pair in pairs {
            try connection.execute(
                "INSERT INTO tandem_locale_pair VALUES ($1, $2) ON CONFLICT DO NOTHING", [pair.source.identifier, pair.target.identifier])
        }
    }

    /// `body`, with libpq's and the server's errors as `TandemError.database` naming the URL.
    func failing<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PostgreSQLError {
            throw TandemError.database(url: url.description, reason: error.message)
        }
    }

    // MARK: - Lookups

    public func exactMatches(for query: MemoryQuery) throws -> [MemoryMatch] {
        if let table = exactTables[LocalePair(source: query.sourceLocale, target: query.targetLocale)] {
            let matches = table.matches(forKey: query.sourceKey)
            // Without neighbours nothing is in context: the stored order is the answer.
            guard !query.previousKey.isEmpty || !query.nextKey.isEmpty,
                  matches.contains(where: { $0.unit.previousKey == query.previousKey && $0.unit.nextKey == query.nextKey })
            else { return matches }
            return MatchRanking.inContextFirst(matches.map(\.unit), query: query)
        }
        return MatchRanking.inContextFirst(
            try units(sourceLocale: query.sourceLocale, targetLocale: query.targetLocale, key: query.sourceKey), query: query)
    }

    public func fuzzyMatches(for query: MemoryQuery, minimumScore: Int, limit: Int) throws -> [MemoryMatch] {
        guard limit > 0 else { return [] }
        let hits = try keyIndex(for: query.sourceLocale)
            .hits(for: query.sourceKey, minimum: MatchRanking.searchMinimum(minimumScore), scratch: &scratch)
        return try MatchRanking.fuzzyMatches(hits: hits, for: query, minimumScore: minimumScore, limit: limit) { key in
            try units(sourceLocale: query.sourceLocale, targetLocale: query.targetLocale, key: key)
        }
    }

    /// Leverageable units with normalized source `key`, most recently changed first.
    private func units(sourceLocale: LocaleTag, targetLocale: LocaleTag, key: String) throws -> [MemoryUnit] {
        try failing {
            let result = try connection.execute("""
                SELECT \(MemoryUnit.postgreSQLColumns) FROM tandem_unit
                WHERE lookup = $1 AND source_locale = $2 AND target_locale = $3 AND source_key = $4 AND state = ANY($5::text[])
                ORDER BY changed DESC, id DESC
                """, [
                    MemoryUnit.lookupHash(sourceLocale, targetLocale, key).description, sourceLocale.identifier,
                    targetLocale.identifier, key, Self.leverageableStates,
                ])
            return try (0..<result.rowCount).map { try MemoryUnit(result, row: $0) }
        }
    }

    /// Reads every leverageable unit of the locale pair once, so that the exact lookups that
    /// follow ask the server nothing. A write through this instance drops them.
    @discardableResult
    public func prepareLookups(sourceLocale: LocaleTag, targetLocale: LocaleTag) throws -> Int {
        let pair = LocalePair(source: sourceLocale, target: targetLocale)
        if let table = exactTables[pair] { return table.unitCount }
        var units: [MemoryUnit] = []
        try failing {
            try connection.forEachBatch("""
                SELECT \(MemoryUnit.postgreSQLColumns) FROM tandem_unit
                WHERE source_locale = $1 AND target_locale = $2 AND state = ANY($3::text[])
                """, [sourceLocale.identifier, targetLocale.identifier, Self.leverageableStates]
            ) { batch in
                for row in 0..<batch.rowCount { units.append(try MemoryUnit(batch, row: row)) }
            }
        }
        let table = ExactUnitTable(units: units)
        exactTables[pair] = table
        return table.unitCount
    }

    // MARK: - Reading everything

    public func forEachUnit(
        sourceLocale: LocaleTag?, targetLocale: LocaleTag?, _ body: (MemoryUnit) throws -> Void
    ) throws {
        // NULL matches every locale: one statement, parameterized either way.
        try failing {
            try connection.forEachBatch("""
                SELECT \(MemoryUnit.postgreSQLColumns) FROM tandem_unit
                WHERE ($1::text IS NULL OR source_locale = $1) AND ($2::text IS NULL OR target_locale = $2)
                ORDER BY id
                """, [sourceLocale?.identifier, targetLocale?.identifier]
            ) { batch in
                for row in 0..<batch.rowCount { try body(MemoryUnit(batch, row: row)) }
            }
        }
    }

    public func statistics() throws -> MemoryStatistics {
        try failing {
            try connection.transaction {
                let units = Int(try connection.execute("SELECT count(*) FROM tandem_unit").int64(0, 0))
                let distinct = Int(try connection.execute(
                    "SELECT count(*) FROM (SELECT DISTINCT source_locale, source_key FROM tandem_unit) AS sources").int64(0, 0))
                // Byte order (COLLATE "C"), as SQLite sorts: the same list from either backend.
                let result = try connection.execute("""
                    SELECT source_locale, target_locale, count(*) FROM tandem_unit
                    GROUP BY source_locale, target_locale
                    ORDER BY source_locale COLLATE "C", target_locale COLLATE "C"
                    """)
                let pairs = (0..<result.rowCount).map { row in
                    MemoryStatistics.Pair(
                        sourceLocale: result.string(row, 0), targetLocale: result.string(row, 1), units: Int(result.int64(row, 2)))
                }
                return MemoryStatistics(units: units, distinctSources: distinct, pairs: pairs)
            }
        }
    }
}

/// Not thread-safe: its connection and caches are unsynchronised; open one per thread.
@available(*, unavailable)
extension PostgreSQLMemory: Sendable {}
