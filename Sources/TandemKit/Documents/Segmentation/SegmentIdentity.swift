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
    /// FNV-1a of `key`, U+001E, and the unit's digest (`unitDigest(_:)`, as 16 hex digits).
    /// Stored in segment files: these bytes must never change.
    public static func id(forKey key: String, unit: String) -> String {
        id(forKey: key, unitDigest: unitDigest(unit))
    }

    /// The id of a repeated sentence in a repeated unit: as `id(forKey:unit:)`, then U+001F and
    /// the previous sentence's key, U+001F and the next one's (empty at the post's edges), then
    /// `#occurrence` among repeats alike in all of these. Stored in segment files: these bytes
    /// must never change.
    public static func id(forKey key: String, unit: String, previous: String, next: String, occurrence: Int) -> String {
        id(forKey: key, unitDigest: unitDigest(unit), previous: previous, next: next, occurrence: occurrence)
    }

    /// FNV-1a of a unit's text. A unit is hashed once, not once per sentence in it: a paragraph
    /// of 20,000 repeated sentences would otherwise hash its whole text 20,000 times.
    public static func unitDigest(_ unit: String) -> UInt64 {
        StableHash.fnv1a(StableHash.offsetBasis, unit)
    }

    private static func placeHash(key: String, unitDigest: UInt64) -> UInt64 {
        StableHash.fnv1a(StableHash.fnv1a(StableHash.offsetBasis, key), "\u{1E}" + hex(unitDigest))
    }

    private static func id(forKey key: String, unitDigest: UInt64) -> String {
        hex(placeHash(key: key, unitDigest: unitDigest))
    }

    private static func id(forKey key: String, unitDigest: UInt64, previous: String, next: String, occurrence: Int) -> String {
        let hash = StableHash.fnv1a(placeHash(key: key, unitDigest: unitDigest), "\u{1F}\(previous)\u{1F}\(next)")
        return hex(StableHash.fnv1a(hash, "#\(occurrence)"))
    }

    /// Where a sentence stands: its key and its unit's digest.
    private struct Place: Hashable {
        var key: UTF8Key
        var unit: UInt64
    }

    /// A repeat's place and its neighbours' keys: repeats alike in all of it are numbered.
    private struct Context: Hashable {
        var place: Place
        var previous: UTF8Key
        var next: UTF8Key
    }

    /// The ids of a post's sentences, given their matching keys in document order and, for
    /// each, the text of the unit it is in. Linear in the post: each unit is hashed once (the
    /// sentences of one unit share its text, so a neighbour's equal text is its digest), and
    /// only when a key repeats (the ids of the others do not depend on it).
    ///
    /// Keys are counted by their bytes (`UTF8Key`): they are NFKC, so that is the same as
    /// `String`'s equality, without normalizing every Chinese key to hash it.
    public static func ids(forKeys keys: [String], units: [String]) -> [String] {
        precondition(keys.count == units.count, "one unit per key")
        var keyCounts: [UTF8Key: Int] = [:]
        keyCounts.reserveCapacity(keys.count)
        for key in keys { keyCounts[UTF8Key(key), default: 0] += 1 }
        let repeats = keys.indices.filter { keyCounts[UTF8Key(keys[$0]), default: 0] > 1 }
        guard !repeats.isEmpty else { return keys.map { id(forKey: $0, occurrence: 0) } }
        let digests = unitDigests(units)
        var placeCounts: [Place: Int] = [:]
        for index in repeats {
            placeCounts[Place(key: UTF8Key(keys[index]), unit: digests[index]), default: 0] += 1
        }
        var occurrences: [Context: Int] = [:]
        return keys.indices.map { index in
            let key = keys[index]
            guard keyCounts[UTF8Key(key), default: 0] > 1 else { return id(forKey: key, occurrence: 0) }
            let place = Place(key: UTF8Key(key), unit: digests[index])
            guard placeCounts[place, default: 0] > 1 else { return id(forKey: key, unitDigest: place.unit) }
            let previous = index > 0 ? keys[index - 1] : ""
            let next = index + 1 < keys.count ? keys[index + 1] : ""
            let context = Context(place: place, previous: UTF8Key(previous), next: UTF8Key(next))
            let occurrence = occurrences[context, default: 0]
            occurrences[context] = occurrence + 1
            return id(forKey: key, unitDigest: place.unit, previous: previous, next: next, occurrence: occurrence)
        }
    }

    /// Each sentence's unit digest; a unit equal to the one before (the next sentence of the
    /// same unit) is not hashed again.
    private static func unitDigests(_ units: [String]) -> [UInt64] {
        var digests: [UInt64] = []
        digests.reserveCapacity(units.count)
        for (index, unit) in units.enumerated() {
            if index > 0, units[index - 1] == unit { digests.append(digests[index - 1]) } else { digests.append(unitDigest(unit)) }
        }
        return digests
    }

    /// `hash` as 16 lower-case hex digits.
    private static func hex(_ hash: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            for index in 0..<16 {
                let digit = UInt8(truncatingIfNeeded: hash >> (60 - 4 * UInt64(index))) & 0xF
                buffer[index] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
            }
            return 16
        }
    }
}
