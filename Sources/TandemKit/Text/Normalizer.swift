internal import CTandemICU

/// Unicode normalization through system ICU, and the matching keys built on it.
///
/// Text that goes back into documents is never normalized: CJK compatibility ideographs such as
/// U+F9D1 change even under NFC. Normalized text is only ever used as a key for lookups.
public enum Normalizer {
    /// `text` in `form`.
    public static func normalize(_ text: String, to form: NormalizationForm) -> String {
        let source = Array(text.utf16)
        if normalizedPrefixLength(source, form: form) == source.count { return text }
        return String(decoding: normalizeUTF16(source, form: form), as: UTF16.self)
    }

    /// Whether `text` is already in `form`.
    public static func isNormalized(_ text: String, form: NormalizationForm) -> Bool {
        let source = Array(text.utf16)
        if normalizedPrefixLength(source, form: form) == source.count { return true }
        return normalizeUTF16(source, form: form) == source
    }

    /// The key under which the TM and the glossary match text: NFKC, case folded (which also
    /// folds full-width to half-width Latin and half-width to full-width kana), with every run of
    /// white space collapsed to one U+0020 and none at either end.
    public static func matchingKey(_ text: String) -> String {
        let folded = normalizeUTF16(Array(text.utf16), form: .nfkcCasefold)
        var key: [UInt16] = []
        key.reserveCapacity(folded.count)
        var pendingSpace = false
        for unit in folded {
            if isWhiteSpace(unit) {
                pendingSpace = !key.isEmpty
                continue
            }
            if pendingSpace {
                key.append(0x20)
                pendingSpace = false
            }
            key.append(unit)
        }
        return String(decoding: key, as: UTF16.self)
    }

    /// White space as Unicode's White_Space property has it, for the BMP (all of it lives there).
    static func isWhiteSpace(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    static func normalizedPrefixLength(_ source: [UInt16], form: NormalizationForm) -> Int {
        var length: Int32 = 0
        let code = source.withUnsafeBufferPointer {
            tandem_normalized_prefix(form.rawValue, $0.baseAddress, Int32($0.count), &length)
        }
        return code > 0 ? 0 : Int(length)
    }

    static func normalizeUTF16(_ source: [UInt16], form: NormalizationForm) -> [UInt16] {
        // NFKC can grow text (U+FDFA becomes 18 units); start with room for a modest growth and
        // retry once with the exact size ICU asks for.
        var capacity = source.count * 2 + 16
        while true {
            var output = [UInt16](repeating: 0, count: capacity)
            var length: Int32 = 0
            let code = source.withUnsafeBufferPointer { input in
                output.withUnsafeMutableBufferPointer { out in
                    tandem_normalize(
                        form.rawValue, input.baseAddress, Int32(input.count),
                        out.baseAddress, Int32(out.count), &length)
                }
            }
            if code == ICUError.bufferOverflow.code {
                capacity = Int(length)
                continue
            }
            // Normalizing valid UTF-16 from a Swift String cannot fail otherwise.
            precondition(code <= 0, "ICU normalization failed: \(ICUError(code: code))")
            output.removeSubrange(Int(length)...)
            return output
        }
    }
}
