internal import CTandemICU

/// Unicode normalization through system ICU, and the matching keys built on it.
///
/// Text that goes back into documents is never normalized: CJK compatibility ideographs such as
/// U+F9D1 change even under NFC. Normalized text is only ever used as a key for lookups.
///
/// Works on a `String`'s UTF-8 bytes: the shim hands ICU a UTF-16 copy on the stack and returns
/// UTF-8, so text already in the form (most text, for NFC) costs no allocation and comes back as
/// the same `String`. Transcoding through `String.utf16` and `String(decoding:as: UTF16.self)`
/// cost more than ICU's own work (see BENCHMARKS.md).
public enum Normalizer {
    /// `text` in `form`.
    public static func normalize(_ text: String, to form: NormalizationForm) -> String {
        normalizedIfChanged(text, form: form) ?? text
    }

    /// Whether `text` is already in `form` (compared byte for byte: Swift's `==` would call
    /// canonically equivalent strings equal).
    public static func isNormalized(_ text: String, form: NormalizationForm) -> Bool {
        guard let normalized = normalizedIfChanged(text, form: form) else { return true }
        return normalized.utf8.elementsEqual(text.utf8)
    }

    /// The key under which the TM and the glossary match text: NFKC, case folded (which also
    /// folds full-width to half-width Latin and half-width to full-width kana), with every run of
    /// white space collapsed to one U+0020 and none at either end.
    public static func matchingKey(_ text: String) -> String {
        let key = collapsingWhiteSpace(normalize(text, to: .nfkcCasefold))
        // Folding can make a placeholder of text (full-width `｛１｝` becomes `{1}`), which the
        // memory's fuzzy symbols would then count as a code: such braces stay text.
        guard key.utf8.contains(UInt8(ascii: "{")) else { return key }
        return keepingFoldedBracesText(key, original: text)
    }

    /// `key` when its placeholders are the original's; otherwise the key made run by run, with
    /// every `{` that folding produced written U+FF5B so that it reads as text.
    private static func keepingFoldedBracesText(_ key: String, original: String) -> String {
        if CodedText(key).placeholders == CodedText(original).placeholders { return key }
        func foldedRun(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
            String(normalize(String(decoding: bytes, as: UTF8.self), to: .nfkcCasefold).map { $0 == "{" ? "\u{FF5B}" : $0 })
        }
        var text = original
        let rebuilt = text.withUTF8 { bytes in
            var rebuilt = ""
            var runStart = 0
            Placeholder.forEach(in: bytes) { placeholder, range in
                rebuilt += foldedRun(UnsafeBufferPointer(rebasing: bytes[runStart..<range.lowerBound])) + placeholder.token
                runStart = range.upperBound
            }
            return rebuilt + foldedRun(UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        return collapsingWhiteSpace(rebuilt)
    }

    /// `text` in `form`, or nil when it already is.
    static func normalizedIfChanged(_ text: String, form: NormalizationForm) -> String? {
        if text.isEmpty { return nil }
        var source = text
        return source.withUTF8 { utf8 -> String? in
            // NFC and NFKC rarely grow UTF-8 (full-width punctuation even shrinks under NFKC);
            // the rare text that grows more is redone with the exact size ICU asks for.
            var capacity = utf8.count + utf8.count / 4 + 16
            while true {
                var length: Int64 = 0
                var unchanged: Int32 = 0
                let (code, result) = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { output in
                    let code = tandem_normalize_utf8(
                        form.rawValue, utf8.baseAddress, Int64(utf8.count),
                        output.baseAddress, Int64(output.count), &length, &unchanged)
                    guard code <= 0, unchanged == 0 else { return (code, String?.none) }
                    return (code, String(decoding: UnsafeBufferPointer(rebasing: output[..<Int(length)]), as: UTF8.self))
                }
                if code == ICUError.bufferOverflow.code {
                    capacity = Int(length)
                    continue
                }
                // Normalizing valid UTF-8 from a Swift String cannot fail otherwise.
                precondition(code <= 0, "ICU normalization failed: \(ICUError(code: code))")
                return unchanged != 0 ? nil : result
            }
        }
    }

    /// `text` with every run of white space (Unicode White_Space) made one U+0020, and none at
    /// either end.
    static func collapsingWhiteSpace(_ text: String) -> String {
        var text = text
        // Most keys (every Chinese sentence, most English ones) have nothing to collapse: they
        // are returned as they are, without a copy (and its UTF-8 validation).
        if text.withUTF8({ !needsCollapsing($0) }) { return text }
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { output in
                var written = 0
                var pendingSpace = false
                var index = 0
                while index < bytes.count {
                    let space = whiteSpaceLength(at: index, in: bytes)
                    if space > 0 {
                        pendingSpace = written > 0
                        index += space
                        continue
                    }
                    if pendingSpace {
                        output[written] = 0x20
                        written += 1
                        pendingSpace = false
                    }
                    output[written] = bytes[index]
                    written += 1
                    index += 1
                }
                return written
            }
        }
    }

    /// Whether `bytes` has white space other than single U+0020 between other characters.
    private static func needsCollapsing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        var afterSpace = true  // white space at the start needs removing
        while index < bytes.count {
            let byte = bytes[index]
            // Bytes of letters, digits and punctuation: no White_Space starts with one.
            if byte > 0x20 && byte < 0x80 || byte >= 0xE4 || (byte >= 0xC3 && byte <= 0xDF) {
                afterSpace = false
                index += 1
                continue
            }
            let space = whiteSpaceLength(at: index, in: bytes)
            if space == 0 {
                afterSpace = false
                index += 1
                continue
            }
            if space > 1 || byte != 0x20 || afterSpace { return true }
            afterSpace = true
            index += 1
        }
        // White space at the end needs removing (an empty text has none).
        return afterSpace && !bytes.isEmpty
    }

    /// The byte length of the White_Space character starting at `index`, or 0 when there is none
    /// (all of them are in the BMP: U+0009–000D, U+0020, U+0085, U+00A0, U+1680, U+2000–200A,
    /// U+2028, U+2029, U+202F, U+205F, U+3000).
    static func whiteSpaceLength(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let lead = bytes[index]
        if lead < 0x80 { return lead == 0x20 || (0x09...0x0D).contains(lead) ? 1 : 0 }
        let remaining = bytes.count - index
        switch lead {
        case 0xC2 where remaining >= 2:
            return bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE1 where remaining >= 3:
            return bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80 ? 3 : 0
        case 0xE2 where remaining >= 3:
            let second = bytes[index + 1], third = bytes[index + 2]
            if second == 0x80 && ((0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF) { return 3 }
            return second == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3 where remaining >= 3:
            return bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }
}
