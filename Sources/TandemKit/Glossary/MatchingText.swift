/// A text folded for glossary matching (NFKC_Casefold, white space collapsed, Traditional
/// Chinese folded to Simplified, as `Normalizer.memoryKey`), with each folded UTF-16 unit mapped back to the UTF-8 byte range
/// of the original text it came from.
///
/// Placeholders (`{1}`, `{/1}`, `{2/}`) are not text: a paired one (`{1}`, `{/1}`) is
/// formatting inside running text and is dropped, so `{1}通义{/1}千问` folds to `通义千问`; a
/// standalone one (`{2/}`: an image, inline code, a line break) becomes `breakUnit`, which no
/// term contains and which is not a word character.
///
/// Normalization runs chunk by chunk: a chunk is a starter plus the scalars that may combine
/// with it, so chunks are normalized independently and map back exactly. ASCII and BMP
/// scalars that are their own chunk use a precomputed table, with no allocation per character.
struct MatchingText {
    /// Stands for a standalone placeholder (a noncharacter: never in a term).
    static let breakUnit: UInt16 = 0xFFFF

    var units: [UInt16] = []
    /// UTF-8 offset in the original where the chunk that produced each unit starts / ends.
    var starts: [Int32] = []
    var ends: [Int32] = []

    init(_ text: String, placeholders: Bool = true) {
        var text = text
        self = text.withUTF8 { MatchingText(utf8: $0, placeholders: placeholders) }
    }

    init(utf8 bytes: UnsafeBufferPointer<UInt8>, placeholders: Bool) {
        let table = ScalarFoldTable.shared
        let simplified = HanVariantTable.shared.simplified
        units.reserveCapacity(bytes.count)
        starts.reserveCapacity(bytes.count)
        ends.reserveCapacity(bytes.count)
        let count = bytes.count
        var index = 0
        var chunk: [UInt16] = []

        @inline(__always) func emit(_ unit: UInt16, _ start: Int, _ end: Int) {
            if table.flags[Int(unit)] & ScalarFoldTable.whiteSpace != 0 {
                if units.last == 0x20 {
                    ends[ends.count - 1] = Int32(end)
                    return
                }
                units.append(0x20)
            } else {
                units.append(unit)
            }
            starts.append(Int32(start))
            ends.append(Int32(end))
        }

        while index < count {
            let byte = bytes[index]
            if byte == 0x7B, placeholders, let (placeholder, end) = Placeholder.parse(bytes, at: index) {
                if case .standalone = placeholder {
                    units.append(Self.breakUnit)
                    starts.append(Int32(index))
                    ends.append(Int32(end))
                }
                index = end
                continue
            }
            let (scalar, length) = Self.decode(bytes, at: index)
            var end = index + length
            // Extend the chunk over scalars that may combine with this one.
            var single = true
            while end < count {
                if bytes[end] < 0x80 { break }
                let (next, nextLength) = Self.decode(bytes, at: end)
                let startsChunk = next < 0x10000
                    ? table.flags[Int(next)] & ScalarFoldTable.boundaryBefore != 0
                    : ScalarFoldTable.startsChunk(Unicode.Scalar(next)!)
                if startsChunk { break }
                single = false
                end += nextLength
            }
            if single && scalar < 0x10000 {
                let flag = table.flags[Int(scalar)]
                if flag & ScalarFoldTable.identity != 0 {
                    emit(UInt16(scalar), index, end)
                } else {
                    let start = Int(table.mappingStart[Int(scalar)])
                    for k in start..<(start + Int(table.mappingLength[Int(scalar)])) {
                        emit(table.pool[k], index, end)
                    }
                }
            } else {
                chunk.removeAll(keepingCapacity: true)
                var k = index
                while k < end {
                    let (value, valueLength) = Self.decode(bytes, at: k)
                    chunk.append(contentsOf: Unicode.Scalar(value)!.utf16)
                    k += valueLength
                }
                for unit in Normalizer.normalizeUTF16(chunk, form: .nfkcCasefold) { emit(simplified[Int(unit)], index, end) }
            }
            index = end
        }
    }

    /// The scalar value at `index` of valid UTF-8 and its length in bytes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[index])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        return ((b0 & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
            | UInt32(bytes[index + 3] & 0x3F), 4)
    }

    /// Whether unit `index` is a word character (Latin-like scripts).
    @inline(__always)
    static func isWord(_ unit: UInt16) -> Bool {
        ScalarFoldTable.shared.flags[Int(unit)] & ScalarFoldTable.word != 0
    }

    /// The folded key of a term: its units with white space at either end dropped.
    static func key(_ term: String) -> [UInt16] {
        var units = MatchingText(term, placeholders: false).units[...]
        while units.first == 0x20 { units = units.dropFirst() }
        while units.last == 0x20 { units = units.dropLast() }
        return Array(units)
    }
}

extension MatchingText {
    /// Every place `key` (a folded term) occurs, as folded unit ranges, on word boundaries
    /// where the key starts or ends with a word character. For checking that a translation
    /// contains a required target: targets are short, so a direct scan is enough.
    func occurrences(of key: [UInt16], inflected: Bool = false) -> [Range<Int>] {
        guard !key.isEmpty, key.count <= units.count else { return [] }
        var found: [Range<Int>] = []
        let first = key[0]
        for start in 0...(units.count - key.count) where units[start] == first {
            var end = start + key.count
            guard units[start..<end].elementsEqual(key) else { continue }
            if start > 0, Self.isWord(units[start]), Self.isWord(units[start - 1]) { continue }
            if inflected { end += englishInflection(after: end, of: key) }
            if end < units.count, Self.isWord(units[end - 1]), Self.isWord(units[end]) { continue }
            found.append(start..<end)
        }
        return found
    }

    /// How many units at `end` (just after an occurrence of `key`) are an English plural
    /// ending, whole word: `s` or `es` ("shortcodes", "taxes"). A translation that writes a term
    /// in the plural uses the term; the check must not call it missing. 0 when none. (A key in
    /// `y` whose plural is `ies` is looked for by the caller as its own spelling.)
    private func englishInflection(after end: Int, of key: [UInt16]) -> Int {
        let s = UInt16(UInt8(ascii: "s")), e = UInt16(UInt8(ascii: "e"))
        guard let last = key.last, Self.isWord(last) else { return 0 }
        func endsWord(at index: Int) -> Bool { index == units.count || !Self.isWord(units[index]) }
        if end < units.count, units[end] == s, endsWord(at: end + 1) { return 1 }
        if end + 1 < units.count, units[end] == e, units[end + 1] == s, endsWord(at: end + 2) { return 2 }
        return 0
    }

    /// The UTF-8 byte range in the original text of folded units `range`.
    func originalRange(_ range: Range<Int>) -> Range<Int> {
        Int(starts[range.lowerBound])..<Int(ends[range.upperBound - 1])
    }
}
