/// The quoted-punctuation rule (`SentenceRules.noBreakAfterQuotedPunctuation`).
extension SentenceBreakPatterns {
    /// `"?."`, `“？”是什么`: a run of `?`, `!` or `.` (or their full-width forms) right after an
    /// opening quote, then closing quotes and spaces up to `offset`. An ASCII `"` opens when it
    /// is the odd one of the paragraph's so far (`他说"好"?然后` closes with it and breaks).
    func followsQuotedPunctuation(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Asked at every candidate break: plain byte comparisons, no array made per call.
        var end = Self.endSkippingSpaces(offset, in: bytes)
        while end > 0 {
            if bytes[end - 1] == 0x22 || bytes[end - 1] == 0x27 { end -= 1 } else if Self.quoteClosers.contains(where: { Self.matches($0, at: end - 3, in: bytes) }) { end -= 3 } else { break }
        }
        let runEnd = end
        while end > 0 {
            if bytes[end - 1] == 0x3F || bytes[end - 1] == 0x21 || bytes[end - 1] == 0x2E { end -= 1 } else if Self.fullWidthTerminators.contains(where: { Self.matches($0, at: end - 3, in: bytes) }) { end -= 3 } else { break }
        }
        guard end < runEnd, end > 0 else { return false }
        if Self.quoteOpeners.contains(where: { Self.matches($0, at: end - 3, in: bytes) }) { return true }
        guard bytes[end - 1] == 0x22 else { return false }
        var quotes = 0
        for index in 0..<end where bytes[index] == 0x22 { quotes += 1 }
        return quotes % 2 == 1
    }

    static let quoteOpeners = ["“", "‘", "「", "『"].map { Array($0.utf8) }
    static let quoteClosers = ["”", "’", "」", "』"].map { Array($0.utf8) }
    static let fullWidthTerminators = ["？", "！", "。", "．"].map { Array($0.utf8) }
}
