import Foundation
internal import GRDB

extension ExactUnitTable {
    /// Reads the pair's leverageable units in one pass over the table.
    init(_ db: Database, sourceLocale: LocaleTag, targetLocale: LocaleTag) throws {
        // Row order, not ORDER BY: sorting a million rows in SQLite costs more than sorting
        // the few units that share a key here.
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT id, source, target, sourceKey, previousKey, nextKey, originFile, originSegment, creator,
                created, changed, state
            FROM unit
            WHERE sourceLocale = ? AND targetLocale = ? AND state IN \(SQLiteSchema.leverageableStatesSQL)
            """, arguments: [sourceLocale.identifier, targetLocale.identifier])
        var states: [String: SegmentState] = [:]
        for state in SegmentState.allCases { states[state.rawValue] = state }
        var unitsByHash: [Int64: [MemoryUnit]] = [:]
        var count = 0
        while let row = try cursor.next() {
            let stateText: String = row[11]
            guard let state = states[stateText] else { continue }
            let unit = MemoryUnit(
                id: row[0], sourceLocale: sourceLocale, targetLocale: targetLocale, source: row[1], target: row[2],
                sourceKey: row[3], previousKey: row[4], nextKey: row[5], originFile: row[6], originSegment: row[7],
                creator: row[8], created: Date(timeIntervalSince1970: row[9]), changed: Date(timeIntervalSince1970: row[10]),
                state: state)
            unitsByHash[StableHash.of(unit.sourceKey), default: []].append(unit)
            count += 1
        }
        self.init(unitsByHash: unitsByHash, unitCount: count)
    }
}
