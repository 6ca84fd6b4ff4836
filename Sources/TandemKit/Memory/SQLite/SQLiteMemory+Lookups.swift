internal import GRDB

extension SQLiteMemory {
    public func exactMatches(for query: MemoryQuery) throws -> [MemoryMatch] {
        let hasContext = !query.previousKey.isEmpty || !query.nextKey.isEmpty
        if let table = exactTable(query.sourceLocale, query.targetLocale) {
            let matches = table.matches(forKey: query.sourceKey)
            // Without neighbours nothing is in context: the stored order is the answer.
            guard hasContext, matches.contains(where: { $0.unit.previousKey == query.previousKey && $0.unit.nextKey == query.nextKey })
            else { return matches }
            return MatchRanking.inContextFirst(matches.map(\.unit), query: query)
        }
        // The persisted index answers "no such source" without a database read.
        guard try keyIndex(for: query.sourceLocale).contains(query.sourceKey) else { return [] }
        return MatchRanking.inContextFirst(
            try units(sourceLocale: query.sourceLocale, targetLocale: query.targetLocale, key: query.sourceKey), query: query)
    }

    public func fuzzyMatches(for query: MemoryQuery, minimumScore: Int, limit: Int) throws -> [MemoryMatch] {
        guard limit > 0 else { return [] }
        let hits = try keyIndex(for: query.sourceLocale)
            .hits(for: query.sourceKey, minimum: MatchRanking.searchMinimum(minimumScore), scratch: &scratch)
        // One read for the whole query: each pool read is a hand-over to a reader thread.
        return try read { db in
            try MatchRanking.fuzzyMatches(hits: hits, for: query, minimumScore: minimumScore, limit: limit) { key in
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
            SELECT \(SQLiteSchema.columns) FROM unit
            WHERE lookup = ? AND sourceLocale = ? AND targetLocale = ? AND sourceKey = ?
                AND state IN \(SQLiteSchema.leverageableStatesSQL)
            ORDER BY changed DESC, id DESC
            """), arguments: [
                MemoryUnit.lookupHash(sourceLocale, targetLocale, key), sourceLocale.identifier,
                targetLocale.identifier, key,
            ])
        return try rows.map(MemoryUnit.init(row:))
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

    /// Maps the source locale's persisted index (`MemoryIndexDirectory`) and loads nothing
    /// else: a lookup that misses is then answered by the mapped key table, and a hit reads its
    /// few units by the `lookup` index. `prepareLookups` would read every unit of the pair into
    /// memory first, which in a 1M-unit memory costs seconds and a gigabyte in every `extract`
    /// process, however few sentences it looks up.
    public func prepareLeverage(sourceLocale: LocaleTag, targetLocale: LocaleTag) throws {
        _ = try keyIndex(for: sourceLocale)
    }

    /// The loaded table of the pair, if `prepareLookups` loaded it.
    private func exactTable(_ sourceLocale: LocaleTag, _ targetLocale: LocaleTag) -> ExactUnitTable? {
        if let lastExact, lastExact.pair.source == sourceLocale, lastExact.pair.target == targetLocale { return lastExact.table }
        let pair = LocalePair(source: sourceLocale, target: targetLocale)
        guard let table = exactTables[pair] else { return nil }
        lastExact = (pair, table)
        return table
    }

    /// Opens the index for `locale` now (instead of on the first lookup), so its cost can be
    /// measured or paid up front: its keys (counted once per segment) and the bytes of its
    /// fuzzy indexes (mapped or in memory).
    @_spi(Benchmarks) public func prepareIndex(for locale: LocaleTag) throws -> (keys: Int, bytes: Int) {
        let index = try keyIndex(for: locale)
        return (index.keyCount, index.footprint)
    }
}
