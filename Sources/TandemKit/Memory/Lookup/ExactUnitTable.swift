import Foundation

/// The leverageable units of one locale pair, held in memory by their normalized source, so an
/// exact lookup is one hash probe instead of a database read (BENCHMARKS.md has the numbers).
///
/// Keyed by `StableHash` of the key's UTF-8 and compared byte for byte: hashing a non-ASCII
/// Swift `String` normalizes it again, and the keys are normalized already.
struct ExactUnitTable {
    /// Open addressing with linear probing, at most half full: one slot per distinct key.
    private var slots: ContiguousArray<ExactKeySlot>
    private let mask: Int
    private(set) var unitCount = 0

    /// The table of units already grouped by `StableHash` of their key (what a backend
    /// streaming its rows builds), `unitCount` of them in all.
    init(unitsByHash: [Int64: [MemoryUnit]], unitCount: Int) {
        self.unitCount = unitCount
        var buckets: [(hash: Int64, bucket: ExactKeyBucket)] = []
        buckets.reserveCapacity(unitsByHash.count)
        for (hash, units) in unitsByHash {
            // Most recently changed first (then highest id), so a lookup without context returns
            // the stored array as it is.
            let ordered = units.count == 1
                ? units
                : units.sorted { $0.changed != $1.changed ? $0.changed > $1.changed : ($0.id ?? 0) > ($1.id ?? 0) }
            if ordered.count == 1 {
                let unit = ordered[0]
                buckets.append((hash, ExactKeyBucket.make(key: unit.sourceKey, matches: [MemoryMatch(unit: unit, score: 100, kind: .exact)])))
                continue
            }
            // Units of one hash almost always share one key; a collision gives each key its bucket.
            var keys: [String] = []
            var groups: [[MemoryMatch]] = []
            for unit in ordered {
                let match = MemoryMatch(unit: unit, score: 100, kind: .exact)
                if let index = keys.firstIndex(where: { $0.utf8.elementsEqual(unit.sourceKey.utf8) }) {
                    groups[index].append(match)
                } else {
                    keys.append(unit.sourceKey)
                    groups.append([match])
                }
            }
            for (key, matches) in zip(keys, groups) {
                buckets.append((hash, ExactKeyBucket.make(key: key, matches: matches)))
            }
        }
        var capacity = 16
        while capacity < buckets.count * 2 { capacity <<= 1 }
        mask = capacity - 1
        slots = ContiguousArray(repeating: ExactKeySlot(), count: capacity)
        for (hash, bucket) in buckets {
            var index = Self.slot(of: hash, mask: mask)
            while slots[index].bucket != nil { index = (index + 1) & mask }
            slots[index] = ExactKeySlot(hash: hash, bucket: bucket)
        }
    }

    /// The table of `units`, a locale pair's leverageable units.
    init(units: [MemoryUnit]) {
        var unitsByHash: [Int64: [MemoryUnit]] = [:]
        for unit in units { unitsByHash[StableHash.of(unit.sourceKey), default: []].append(unit) }
        self.init(unitsByHash: unitsByHash, unitCount: units.count)
    }

    /// FNV's low bits are weak; a multiplicative mix spreads the hash over the table.
    private static func slot(of hash: Int64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: hash) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Exact matches (score 100) of the units whose normalized source is `key`, most recently
    /// changed first.
    func matches(forKey key: String) -> [MemoryMatch] {
        var key = key
        return key.withUTF8 { bytes in
            let hash = StableHash.of(bytes)
            var index = Self.slot(of: hash, mask: mask)
            while let bucket = slots[index].bucket {
                if slots[index].hash == hash, bucket.hasKey(bytes) { return bucket.matches }
                index = (index + 1) & mask
            }
            return []
        }
    }
}
