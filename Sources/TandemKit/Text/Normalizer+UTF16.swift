extension Normalizer {
    /// `source` (UTF-16, possibly holding U+0000 separators) in `form`, as UTF-16: for the
    /// glossary's fold table, built once per run, and its rare unmapped chunks.
    static func normalizeUTF16(_ source: [UInt16], form: NormalizationForm) -> [UInt16] {
        Array(normalize(String(decoding: source, as: UTF16.self), to: form).utf16)
    }

    /// Whether a UTF-16 code unit is White_Space (all such characters are in the BMP).
    static func isWhiteSpace(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }
}
