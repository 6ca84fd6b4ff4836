/// Finds the interface strings of `SentenceRules.interfaceText` ("放大图片", "显示原图") at the
/// edges of a sentence in UTF-8, with Traditional characters folded to Simplified through
/// `HanVariantTable`, so 放大圖片 matches the entry 放大图片.
///
/// Only the start and the end of a sentence are looked at: one candidate per edge, settled in
/// most sentences by one lookup of the edge character.
struct InterfaceTextMatcher {
    /// Each string as folded scalar values, longest first (点击查看大图 before 查看大图).
    private let entries: [[UInt32]]
    /// The folded first and last scalars of the entries: most sentence edges are settled here,
    /// by one bit (every sentence of every paragraph passes through, so no hashing).
    private let firstScalars: ScalarBits
    private let lastScalars: ScalarBits
    /// The same before folding: every scalar that folds to an entry's first (last) scalar, so
    /// `mayMatchAtEdges` settles a sentence with two bit tests and no fold.
    private let unfoldedFirstScalars: ScalarBits
    private let unfoldedLastScalars: ScalarBits
    /// `HanVariantTable.simplified`, or empty when there are no entries (the table is then never
    /// built: it costs a second in a debug build).
    private let fold: [UInt16]

    init(_ strings: [String]) {
        let strings = strings.filter { !$0.isEmpty }
        fold = strings.isEmpty ? [] : HanVariantTable.shared.simplified
        let fold = fold
        let folded = Set(strings.map { string in string.unicodeScalars.map { Self.folded($0.value, with: fold) } })
        entries = folded.sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
        firstScalars = ScalarBits(entries.compactMap(\.first))
        lastScalars = ScalarBits(entries.compactMap(\.last))
        let variants = strings.isEmpty ? [:] : Self.variantsBySimplified
        let withVariants = { (values: [UInt32]) in values + values.flatMap { variants[$0] ?? [] } }
        unfoldedFirstScalars = ScalarBits(withVariants(entries.compactMap(\.first)))
        unfoldedLastScalars = ScalarBits(withVariants(entries.compactMap(\.last)))
    }

    /// The characters `HanVariantTable` folds to another, by the character they fold to (蘋
    /// under 苹): made once per process.
    private static let variantsBySimplified: [UInt32: [UInt32]] = {
        var variants: [UInt32: [UInt32]] = [:]
        for (unit, simplified) in HanVariantTable.shared.simplified.enumerated() where Int(simplified) != unit {
            variants[UInt32(simplified), default: []].append(UInt32(unit))
        }
        return variants
    }()

    var isEmpty: Bool { entries.isEmpty }

    /// False when no entry can start or end `sentence`: its first scalar starts none and its
    /// last ends none (the usual case: every sentence of every paragraph is asked, and most end
    /// with 。). True when an edge is white space or a word joiner, which `matchEnd` and
    /// `matchStart` are called past, or an entry's first (last) scalar.
    @inline(__always)
    func mayMatchAtEdges(of sentence: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !sentence.isEmpty else { return false }
        guard let first = SentenceBreakPatterns.scalar(at: sentence.lowerBound, in: bytes),
              let last = Self.scalar(before: sentence.upperBound, in: bytes) else { return true }
        if Self.isIgnorable(first.scalar.value) || Self.isIgnorable(last.scalar.value) { return true }
        return unfoldedFirstScalars.contains(first.scalar.value) || unfoldedLastScalars.contains(last.scalar.value)
    }

    /// White space (`SentenceBreakPatterns.trimmingWhiteSpace`'s: ASCII, NBSP, ideographic
    /// space) and the word joiner.
    private static func isIgnorable(_ value: UInt32) -> Bool {
        value == 0x20 || (0x09...0x0D).contains(value) || value == 0xA0 || value == 0x3000 || value == 0x2060
    }

    /// The end of the longest entry that starts at `start` and ends at or before `limit`.
    func matchEnd(startingAt start: Int, limit: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = SentenceBreakPatterns.scalar(at: start, in: bytes), start < limit,
              firstScalars.contains(folded(first.scalar.value)) else { return nil }
        entries: for entry in entries {
            var index = start
            for value in entry {
                guard index < limit, let next = SentenceBreakPatterns.scalar(at: index, in: bytes),
                      folded(next.scalar.value) == value else { continue entries }
                index += next.length
            }
            return index
        }
        return nil
    }

    /// The start of the longest entry that ends at `end` and starts at or after `limit`.
    func matchStart(endingAt end: Int, limit: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard end > limit, let last = Self.scalar(before: end, in: bytes),
              lastScalars.contains(folded(last.scalar.value)) else { return nil }
        entries: for entry in entries {
            var index = end
            for value in entry.reversed() {
                guard index > limit, let previous = Self.scalar(before: index, in: bytes),
                      folded(previous.scalar.value) == value else { continue entries }
                index -= previous.length
            }
            return index
        }
        return nil
    }

    private func folded(_ value: UInt32) -> UInt32 { Self.folded(value, with: fold) }

    private static func folded(_ value: UInt32, with fold: [UInt16]) -> UInt32 {
        value < 0x10000 && !fold.isEmpty ? UInt32(fold[Int(value)]) : value
    }

    /// The scalar that ends right before `index`, and its length in bytes.
    static func scalar(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (scalar: Unicode.Scalar, length: Int)? {
        var start = index - 1
        // Back over continuation bytes (10xxxxxx) to the lead byte, at most three.
        while start > 0, index - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard start >= 0, let decoded = SentenceBreakPatterns.scalar(at: start, in: bytes), start + decoded.length == index
        else { return nil }
        return decoded
    }
}

/// A set of Unicode scalar values as one bit per value of the Basic Multilingual Plane, and a
/// set for the rest.
private struct ScalarBits {
    private var words = [UInt64](repeating: 0, count: 0x10000 / 64)
    private var astral: Set<UInt32> = []

    init(_ values: [UInt32]) {
        for value in values {
            if value < 0x10000 { words[Int(value >> 6)] |= 1 << UInt64(value & 63) } else { astral.insert(value) }
        }
    }

    @inline(__always)
    func contains(_ value: UInt32) -> Bool {
        value < 0x10000 ? words[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 : astral.contains(value)
    }
}
