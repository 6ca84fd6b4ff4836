import Foundation
import GRDB

/// The leverageable units of one locale pair, held in memory by their normalized source, so an
/// exact lookup is one hash probe instead of a database read (~30k reads/s against well over
/// a million probes/s).
///
/// Keyed by `StableHash` of the key's UTF-8 and compared byte for byte: hashing a non-ASCII
/// Swift `String` normalizes it again, and the keys are normalized already.
struct ExactUnitTable {
    /// Exact matches (score 100) per hashed key, most recently changed first (then highest id):
    /// a lookup without context returns the stored array as it is.
    private var matchesByHash: [Int64: [MemoryMatch]] = [:]
    private(set) var unitCount = 0

    /// Reads the pair's leverageable units in one pass over the table.
    init(_ db: Database, sourceLocale: LocaleTag, targetLocale: LocaleTag) throws {
        // Row order, not ORDER BY: sorting a million rows in SQLite costs more than sorting
        // the few units that share a key here.
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT id, source, target, sourceKey, previousKey, nextKey, originFile, originSegment, creator,
                created, changed, state
            FROM unit
            WHERE sourceLocale = ? AND targetLocale = ? AND state IN \(MemorySchema.leverageableStatesSQL)
            """, arguments: [sourceLocale.identifier, targetLocale.identifier])
        var states: [String: SegmentState] = [:]
        for state in SegmentState.allCases { states[state.rawValue] = state }
        var unitsByHash: [Int64: [MemoryUnit]] = [:]
        while let row = try cursor.next() {
            let stateText: String = row[11]
            guard let state = states[stateText] else { continue }
            let unit = MemoryUnit(
                id: row[0], sourceLocale: sourceLocale, targetLocale: targetLocale, source: row[1], target: row[2],
                sourceKey: row[3], previousKey: row[4], nextKey: row[5], originFile: row[6], originSegment: row[7],
                creator: row[8], created: Date(timeIntervalSince1970: row[9]), changed: Date(timeIntervalSince1970: row[10]),
                state: state)
            unitsByHash[StableHash.of(unit.sourceKey), default: []].append(unit)
            unitCount += 1
        }
        matchesByHash = Self.ordered(unitsByHash)
    }

    /// The table of `units`, a locale pair's leverageable units read by another backend.
    init(units: [MemoryUnit]) {
        var unitsByHash: [Int64: [MemoryUnit]] = [:]
        for unit in units { unitsByHash[StableHash.of(unit.sourceKey), default: []].append(unit) }
        unitCount = units.count
        matchesByHash = Self.ordered(unitsByHash)
    }

    /// Each key's units as exact matches, most recently changed first (then highest id).
    private static func ordered(_ unitsByHash: [Int64: [MemoryUnit]]) -> [Int64: [MemoryMatch]] {
        var matchesByHash: [Int64: [MemoryMatch]] = [:]
        matchesByHash.reserveCapacity(unitsByHash.count)
        for (hash, units) in unitsByHash {
            let ordered = units.count == 1
                ? units
                : units.sorted { $0.changed != $1.changed ? $0.changed > $1.changed : ($0.id ?? 0) > ($1.id ?? 0) }
            matchesByHash[hash] = ordered.map { MemoryMatch(unit: $0, score: 100, kind: .exact) }
        }
        return matchesByHash
    }

    /// Exact matches (score 100) of the units whose normalized source is `key`, most recently
    /// changed first.
    func matches(forKey key: String) -> [MemoryMatch] {
        guard let matches = matchesByHash[StableHash.of(key)] else { return [] }
        if matches.count == 1 { return matches[0].unit.sourceKey.utf8.elementsEqual(key.utf8) ? matches : [] }
        return matches.filter { $0.unit.sourceKey.utf8.elementsEqual(key.utf8) }
    }
}
