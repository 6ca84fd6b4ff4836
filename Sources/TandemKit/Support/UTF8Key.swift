import Foundation

/// A string used as a dictionary key by its UTF-8 bytes: hashed and compared byte for byte,
/// as the memory's databases compare text.
///
/// `String`'s own `Hashable` works on canonical equivalence, so hashing a non-ASCII string
/// normalizes it first: counting a 5,000-post extract's Chinese matching keys in a
/// `[String: Int]` spent more time in that normalization than in the counting. For text that is
/// already normalized (NFC, or NFKC like `Normalizer.matchingKey`) the two equalities agree:
/// canonically equivalent normalized strings have the same bytes.
struct UTF8Key: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: UTF8Key, rhs: UTF8Key) -> Bool {
        let left = lhs.text.utf8
        let right = rhs.text.utf8
        guard left.count == right.count else { return false }
        guard left.count > 0 else { return true }
        // Native strings are contiguous: one `memcmp` rather than a generic walk of both views.
        let compared = left.withContiguousStorageIfAvailable { left in
            right.withContiguousStorageIfAvailable { right in memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0 }
        }
        return (compared ?? nil) ?? left.elementsEqual(right)
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        // Over the contiguous bytes, as `StableHash` does: iterating `utf8` branches per byte.
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
