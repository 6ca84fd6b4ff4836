/// Stable segment ids: a hash of the sentence's matching key and how many identical sentences
/// come before it in the post. Inserting, moving or deleting other paragraphs leaves an id
/// unchanged; editing the sentence gives it a new one (and the old translation becomes a fuzzy
/// candidate, see `SegmentMerger`).
public enum SegmentIdentity {
    /// 64-bit FNV-1a of `key`, then `#occurrence` (no separator), as 16 hex digits. Ids are
    /// stored in segment files: these bytes must never change.
    public static func id(forKey key: String, occurrence: Int) -> String {
        let hash = StableHash.fnv1a(StableHash.fnv1a(StableHash.offsetBasis, key), "#\(occurrence)")
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
