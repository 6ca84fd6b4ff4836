/// Stable segment ids. A sentence that occurs once in its post is identified by its matching
/// key alone. A sentence repeated in the post (an image caption `图片`, a "read more") is
/// identified by where it stands, so inserting one more repeat changes no other repeat's id:
/// by its key and the text of its unit (an image's alt text with the image's address, a
/// paragraph with its other sentences); when that too repeats, by its key and its neighbours'
/// keys; only repeats alike in all of these are told apart by how many of them come before.
/// Inserting, moving or deleting other paragraphs leaves an id unchanged; editing the sentence
/// gives it a new one (and the old translation becomes a fuzzy candidate, see `SegmentMerger`).
public enum SegmentIdentity {
    /// 64-bit FNV-1a of `key`, then `#occurrence` (no separator), as 16 hex digits: the id of a
    /// sentence that occurs once in its post (`occurrence` 0). Repeats used to be numbered this
    /// way too (`occurrence` 1, 2, …); `SegmentMerger` carries such files' translations over by
    /// source and order. Ids are stored in segment files: these bytes must never change.
    public static func id(forKey key: String, occurrence: Int) -> String {
        hex(StableHash.fnv1a(StableHash.fnv1a(StableHash.offsetBasis, key), "#\(occurrence)"))
    }

    /// The id of a repeated sentence whose unit's text (`unit`) is unlike every other repeat's:
    /// FNV-1a of `key`, U+001E, `unit`. Stored in segment files: these bytes must never change.
    public static func id(forKey key: String, unit: String) -> String {
        hex(StableHash.fnv1a(StableHash.fnv1a(StableHash.offsetBasis, key), "\u{1E}\(unit)"))
    }

    /// The id of a repeated sentence in a repeated unit: FNV-1a of `key`, U+001E, `unit`, then
    /// U+001F and the previous sentence's key, U+001F and the next one's (empty at the post's
    /// edges), then `#occurrence` among repeats alike in all of these. Stored in segment
    /// files: these bytes must never change.
    public static func id(forKey key: String, unit: String, previous: String, next: String, occurrence: Int) -> String {
        var hash = StableHash.fnv1a(StableHash.fnv1a(StableHash.offsetBasis, key), "\u{1E}\(unit)")
        hash = StableHash.fnv1a(hash, "\u{1F}\(previous)\u{1F}\(next)")
        return hex(StableHash.fnv1a(hash, "#\(occurrence)"))
    }

    /// The ids of a post's sentences, given their matching keys in document order and, for
    /// each, the text of the unit it is in.
    public static func ids(forKeys keys: [String], units: [String]) -> [String] {
        precondition(keys.count == units.count, "one unit per key")
        var keyCounts: [String: Int] = [:]
        var placeCounts: [[String]: Int] = [:]
        for (key, unit) in zip(keys, units) {
            keyCounts[key, default: 0] += 1
            placeCounts[[key, unit], default: 0] += 1
        }
        var occurrences: [[String]: Int] = [:]
        return keys.indices.map { index in
            let key = keys[index]
            guard keyCounts[key, default: 0] > 1 else { return id(forKey: key, occurrence: 0) }
            guard placeCounts[[key, units[index]], default: 0] > 1 else { return id(forKey: key, unit: units[index]) }
            let previous = index > 0 ? keys[index - 1] : ""
            let next = index + 1 < keys.count ? keys[index + 1] : ""
            let context = [key, units[index], previous, next]
            let occurrence = occurrences[context, default: 0]
            occurrences[context] = occurrence + 1
            return id(forKey: key, unit: units[index], previous: previous, next: next, occurrence: occurrence)
        }
    }

    private static func hex(_ hash: UInt64) -> String {
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
