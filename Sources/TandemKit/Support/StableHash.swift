/// FNV-1a, 64 bits: a hash that is the same in every process and release (Swift's `Hasher` is
/// seeded per process), so it can be stored and indexed. Collisions are possible and harmless:
/// every query that uses it also compares the hashed columns. Tandem's one FNV-1a: segment ids
/// (`SegmentIdentity`) and the memory's lookup and identity columns are made with it.
enum StableHash {
    /// FNV-1a's 64-bit offset basis: the hash of no bytes.
    static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// FNV-1a of `hash`'s bytes followed by `bytes` (nothing between them).
    @inline(__always)
    static func fnv1a(_ hash: UInt64, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = hash
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= prime
        }
        return hash
    }

    /// FNV-1a step per UTF-16 unit (one multiply per unit, not per byte): for in-process keys
    /// over UTF-16 text, such as `RunWordBreaks`' runs, never stored.
    @inline(__always)
    static func fnv1a(_ hash: UInt64, units: UnsafeBufferPointer<UInt16>) -> UInt64 {
        var hash = hash
        for unit in units {
            hash ^= UInt64(unit)
            hash &*= prime
        }
        return hash
    }

    /// FNV-1a of `hash`'s bytes followed by `text`'s UTF-8.
    static func fnv1a(_ hash: UInt64, _ text: String) -> UInt64 {
        var text = text
        // Over the contiguous UTF-8 bytes: iterating `text.utf8` costs a branch per byte.
        return text.withUTF8 { fnv1a(hash, $0) }
    }

    /// The hash of `parts`, each followed by a 0 byte so that ("ab", "c") ≠ ("a", "bc").
    static func of(_ parts: String...) -> Int64 {
        parts.reduce(Int64(bitPattern: offsetBasis), extending)
    }

    /// `of(part)` without the variadic array: exact lookups hash one key per probe.
    static func of(_ part: String) -> Int64 { extending(Int64(bitPattern: offsetBasis), part) }

    /// The hash of the parts `hash` was made of followed by `part`: FNV runs byte by byte, so
    /// `extending(of(a, b), c)` is `of(a, b, c)` without hashing `a` and `b` again.
    static func extending(_ hash: Int64, _ part: String) -> Int64 {
        var part = part
        // Over the contiguous UTF-8 bytes: iterating `part.utf8` costs a branch per byte.
        return part.withUTF8 { extending(hash, $0) }
    }

    /// `of(part)` for the part's UTF-8 bytes already in hand (exact lookups hash the query's
    /// bytes and compare them with the stored key's without a second pass).
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64 { extending(Int64(bitPattern: offsetBasis), bytes) }

    private static func extending(_ hash: Int64, _ bytes: UnsafeBufferPointer<UInt8>) -> Int64 {
        var hash = fnv1a(UInt64(bitPattern: hash), bytes)
        hash &*= prime  // the separator (xor with 0 is a no-op)
        return Int64(bitPattern: hash)
    }
}
