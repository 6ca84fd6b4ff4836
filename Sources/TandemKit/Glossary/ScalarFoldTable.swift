/// What the matcher needs to know about every BMP code point, computed once per process:
/// its NFKC_Casefold mapping (from one ICU call over the whole plane) followed by the
/// Traditional-to-Simplified fold of Han characters (`HanVariantTable`), whether a normalization
/// chunk may start at it, and whether it is a "word" character (Latin-like scripts, where terms
/// need word boundaries; Han, kana, Hangul and other scripts without spaces are not).
struct ScalarFoldTable: Sendable {
    /// Bit flags per BMP unit.
    static let identity: UInt8 = 1
    static let boundaryBefore: UInt8 = 2
    static let word: UInt8 = 4
    static let whiteSpace: UInt8 = 8

    let flags: [UInt8]
    /// For units that change: start of the mapping in `pool` (length in `mappingLength`).
    let mappingStart: [Int32]
    let mappingLength: [UInt8]
    let pool: [UInt16]

    static let shared = ScalarFoldTable()

    private init() {
        var flags = [UInt8](repeating: 0, count: 0x10000)
        var mappingStart = [Int32](repeating: 0, count: 0x10000)
        var mappingLength = [UInt8](repeating: 0, count: 0x10000)
        var pool: [UInt16] = []
        // Every BMP scalar followed by U+0000: NUL is a stable starter that never composes, so
        // each scalar is normalized on its own and the outputs split at the NULs.
        var input: [UInt16] = []
        input.reserveCapacity(0x20000)
        for unit in 0..<0x10000 where !(0xD800...0xDFFF).contains(unit) && unit != 0 {
            input.append(UInt16(unit))
            input.append(0)
        }
        let output = Normalizer.normalizeUTF16(input, form: .nfkcCasefold)
        // Then Traditional Chinese folds to Simplified (one Han unit for one), so 蘋果 matches 苹果.
        let simplified = HanVariantTable.shared.simplified
        var position = 0
        for unit in 0..<0x10000 where !(0xD800...0xDFFF).contains(unit) && unit != 0 {
            let start = position
            while output[position] != 0 { position += 1 }
            let mapped = output[start..<position].map { simplified[Int($0)] }
            position += 1
            var flag: UInt8 = 0
            if mapped.count == 1 && mapped.first == UInt16(unit) {
                flag |= Self.identity
            } else {
                mappingStart[unit] = Int32(pool.count)
                mappingLength[unit] = UInt8(mapped.count)
                pool.append(contentsOf: mapped)
            }
            let scalar = Unicode.Scalar(UInt32(unit))!
            if Self.startsChunk(scalar) { flag |= Self.boundaryBefore }
            if Self.isWord(scalar) { flag |= Self.word }
            if Normalizer.isWhiteSpace(UInt16(unit)) { flag |= Self.whiteSpace }
            flags[unit] = flag
        }
        flags[0] = Self.identity | Self.boundaryBefore
        self.flags = flags
        self.mappingStart = mappingStart
        self.mappingLength = mappingLength
        self.pool = pool
    }

    /// Whether normalization can never join this scalar to the text before it: a starter
    /// (combining class 0) outside the scripts whose starters compose backwards (Hangul jamo,
    /// Indic vowel signs and length marks, Balinese, Myanmar).
    static func startsChunk(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 || (0x3400...0x9FFF).contains(value) { return true }
        if scalar.properties.canonicalCombiningClass.rawValue != 0 { return false }
        switch value {
        case 0x0900...0x0DFF, 0x1000...0x109F, 0x1100...0x11FF, 0x1B00...0x1B7F, 0x3099...0x309A: return false
        default: return true
        }
    }

    /// Letters, digits and marks of scripts written with spaces between words.
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || value == 0x5F
        }
        switch value {
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1100...0x11FF, 0x1780...0x17FF, 0x2E80...0x2FDF,
             0x3000...0x9FFF, 0xA960...0xA97F, 0xAC00...0xD7FF, 0xF900...0xFAFF, 0xFF00...0xFFEF:
            return false
        default:
            let properties = scalar.properties
            return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
        }
    }
}
