/// Stable segment ids: a hash of the sentence's matching key and how many identical sentences
/// come before it in the post. Inserting, moving or deleting other paragraphs leaves an id
/// unchanged; editing the sentence gives it a new one (and the old translation becomes a fuzzy
/// candidate, see `SegmentMerger`).
public enum SegmentIdentity {
    /// 64-bit FNV-1a of `key`, then `#occurrence`, as 16 hex digits.
    public static func id(forKey key: String, occurrence: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        for byte in "#\(occurrence)".utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
