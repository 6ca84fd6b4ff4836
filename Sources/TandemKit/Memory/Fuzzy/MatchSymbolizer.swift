/// Cuts a matching key into the units fuzzy matching counts: one per CJK character, one per
/// Latin-script word or number, one per placeholder (`{1}`, `{/1}`, `{2/}`), one per other
/// punctuation mark or symbol. White space separates and is not counted.
///
/// A unit is a `UInt32` symbol: a single character is its Unicode scalar value; a word, a
/// number or a placeholder is `tokenBase` plus its number in the vocabulary. Symbols therefore
/// index flat arrays directly (no per-character hashing in the edit distance).
public struct MatchSymbolizer: Sendable {
    /// First symbol value used for vocabulary tokens (one past the last Unicode scalar).
    public static let tokenBase: UInt32 = 0x11_0000
    /// The symbol of a word the vocabulary does not know: it matches nothing stored.
    public static let unknownToken: UInt32 = .max

    private var vocabulary: [String: UInt32] = [:]

    public init() {}

    /// Every symbol value is below this (except `unknownToken`).
    public var symbolSpace: Int { Int(Self.tokenBase) + vocabulary.count }

    /// The learnt words in symbol order: word `i` is symbol `tokenBase + i` (what an index file
    /// stores to symbolize queries the same way).
    var words: [String] {
        var words = [String](repeating: "", count: vocabulary.count)
        for (word, symbol) in vocabulary { words[Int(symbol - Self.tokenBase)] = word }
        return words
    }

    /// The symbols of `key`, learning new words.
    public mutating func learnSymbols(of key: String) -> [UInt32] {
        var output: [UInt32] = []
        Self.scan(key) { token, scalar in
            if let token {
                if let id = vocabulary[token] { output.append(id) } else {
                    let id = Self.tokenBase + UInt32(vocabulary.count)
                    vocabulary[token] = id
                    output.append(id)
                }
            } else {
                output.append(scalar)
            }
        }
        return output
    }

    /// The symbols of `key`; words never seen are `unknownToken`.
    public func symbols(of key: String) -> [UInt32] {
        var output: [UInt32] = []
        Self.scan(key) { token, scalar in
            if let token { output.append(vocabulary[token] ?? Self.unknownToken) } else { output.append(scalar) }
        }
        return output
    }

    /// Calls `emit` with each unit: a token string (word, number, placeholder) or a single
    /// scalar. Works on the UTF-8 bytes: a million sentences are cut in well under a second.
    @inline(__always)
    static func scan(_ key: String, _ emit: (String?, UInt32) -> Void) {
        var key = key
        key.withUTF8 { bytes in
            var index = 0
            var wordStart = -1
            @inline(__always) func flush(_ end: Int) {
                if wordStart >= 0 {
                    emit(String(decoding: bytes[wordStart..<end], as: UTF8.self), 0)
                    wordStart = -1
                }
            }
            while index < bytes.count {
                let lead = bytes[index]
                if lead == UInt8(ascii: "{"), let (_, end) = Placeholder.parse(bytes, at: index) {
                    flush(index)
                    emit(String(decoding: bytes[index..<end], as: UTF8.self), 0)
                    index = end
                    continue
                }
                // Decode one scalar (the String holds valid UTF-8).
                var value = UInt32(lead)
                var width = 1
                if lead >= 0xF0 {
                    value = UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                        | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                    width = 4
                } else if lead >= 0xE0 {
                    value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                    width = 3
                } else if lead >= 0xC0 {
                    value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    width = 2
                }
                if isCJK(value) {
                    flush(index)
                    emit(nil, value)
                } else if value < 0x1_0000 && Normalizer.isWhiteSpace(UInt16(value)) {
                    flush(index)
                } else if isWordCharacter(Unicode.Scalar(value)!) {
                    if wordStart < 0 { wordStart = index }
                } else {
                    flush(index)
                    emit(nil, value)
                }
                index += width
            }
            flush(bytes.count)
        }
    }

    /// Han, kana, Hangul, Bopomofo and CJK punctuation: scripts written without spaces, matched per character.
    static func isCJK(_ value: UInt32) -> Bool {
        // Latin text (most scalars outside CJK) settled by one comparison, not the range list.
        if value < 0x1100 { return false }
        switch value {
        case 0x1100...0x11FF, 0x2E80...0x2FDF, 0x3000...0x303F, 0x3040...0x30FF, 0x3100...0x31FF,
             0x3200...0x4DBF, 0x4E00...0x9FFF, 0xA960...0xA97F, 0xAC00...0xD7FF, 0xF900...0xFAFF,
             0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (0x30...0x39).contains(v) || (0x61...0x7A).contains(v) || (0x41...0x5A).contains(v)
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return properties.isAlphabetic
        }
    }
}
