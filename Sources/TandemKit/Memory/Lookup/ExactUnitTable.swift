import Foundation

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

    /// The table of units already grouped by `StableHash` of their key (what a backend
    /// streaming its rows builds), `unitCount` of them in all.
    init(unitsByHash: [Int64: [MemoryUnit]], unitCount: Int) {
        self.unitCount = unitCount
        matchesByHash = Self.ordered(unitsByHash)
    }

    /// The table of `units`, a locale pair's leverageable units.
    init(units: [MemoryUnit]) {
        var unitsByHash: [Int64: [MemoryUnit]] = [:]
        for unit in units { unitsByHash[StableHash.of(unit.sourceKey), default: []].append(unit) }
        self.init(unitsByHash: unitsByHash, unitCount: units.count)
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
