import Foundation

/// One normalized source key of an `ExactUnitTable` with its exact matches: the key's UTF-8 lives
/// in the same allocation as the match array's reference, so checking a probe's key and taking
/// its matches touch one object (a lookup in a table of a million keys is bound by cache misses).
final class ExactKeyBucket: ManagedBuffer<ExactKeyBucket.Header, UInt8> {
    struct Header {
        /// Exact matches (score 100), most recently changed first.
        var matches: [MemoryMatch]
        var keyLength: Int
    }

    /// A bucket for `key` (its UTF-8 copied in) holding `matches`.
    static func make(key: String, matches: [MemoryMatch]) -> ExactKeyBucket {
        var key = key
        return key.withUTF8 { bytes in
            let buffer = create(minimumCapacity: bytes.count) { _ in Header(matches: matches, keyLength: bytes.count) }
            let bucket = unsafeDowncast(buffer, to: ExactKeyBucket.self)
            if let base = bytes.baseAddress {
                bucket.withUnsafeMutablePointerToElements { $0.initialize(from: base, count: bytes.count) }
            }
            return bucket
        }
    }

    var matches: [MemoryMatch] { header.matches }

    /// Whether the bucket's key is exactly `bytes`.
    func hasKey(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        withUnsafeMutablePointers { header, elements in
            guard header.pointee.keyLength == bytes.count else { return false }
            guard let base = bytes.baseAddress, bytes.count > 0 else { return true }
            return memcmp(elements, base, bytes.count) == 0
        }
    }
}
