/// FNV-1a, 64 bits: a hash that is the same in every process and release (Swift's `Hasher` is
/// seeded per process), so it can be stored and indexed. Collisions are possible and harmless:
/// every query that uses it also compares the hashed columns.
enum StableHash {
    /// The hash of `parts`, each followed by a 0 byte so that ("ab", "c") ≠ ("a", "bc").
    static func of(_ parts: String...) -> Int64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for part in parts {
            for byte in part.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
            hash &*= 0x0000_0100_0000_01B3  // the separator (xor with 0 is a no-op)
        }
        return Int64(bitPattern: hash)
    }

    /// `of(part)` without the variadic array: exact lookups hash one key per probe.
    static func of(_ part: String) -> Int64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in part.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        hash &*= 0x0000_0100_0000_01B3
        return Int64(bitPattern: hash)
    }
}
