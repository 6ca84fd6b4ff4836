/// A quote and its attribution in one segment: "“…。”他说。" is `"…," he said.` to a translator,
/// and the quote alone gives a segment that cannot be translated on its own.
extension SentenceBreakPatterns {
    /// Whether the break at `offset` follows a closing quote and comes before an attribution:
    /// a clause of at most `attributionMaxLength` characters ending in an attribution verb
    /// before ，：；。！？, a new quote or the end of the text ("他说。", "她补充说，“…").
    /// A quote that has its attribution before it ("他说：“…。”") takes none after it: what
    /// follows is a new sentence, even when it reports more speech ("她表示，…").
    func precedesAttribution(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let end = Self.endSkippingSpaces(offset, in: bytes)
        guard let quote = attributionQuotes.first(where: { Self.matches($0.close, at: end - $0.close.count, in: bytes) })
        else { return false }
        if let opener = openingMark(of: quote, closingAt: end - quote.close.count, in: bytes),
           isAttributedBefore(opener, in: bytes) { return false }
        var index = offset
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        var clauseStart = index
        var characters = 0
        while let (scalar, length) = Self.scalar(at: index, in: bytes) {
            if Self.clauseSeparators.contains(scalar) {
                if clauseEndsWithVerb(clauseStart..<index, in: bytes) { return true }
                clauseStart = index + length
            } else if Self.attributionStops.contains(scalar) {
                return clauseEndsWithVerb(clauseStart..<index, in: bytes)
            }
            index += length
            characters += 1
            if characters > attributionMaxLength { return false }
        }
        return clauseEndsWithVerb(clauseStart..<index, in: bytes)
    }

    /// Where the quote closing at `close` opens (nested pairs of the same kind skipped), if it
    /// does within a few paragraphs' length.
    private func openingMark(of quote: (open: [UInt8], close: [UInt8]), closingAt close: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var depth = 0
        var index = close - 1
        while index >= max(0, close - Self.openerSearchLimit) {
            if Self.matches(quote.close, at: index, in: bytes) {
                depth += 1
            } else if Self.matches(quote.open, at: index, in: bytes) {
                if depth == 0 { return index }
                depth -= 1
            }
            index -= 1
        }
        return nil
    }

    private static let openerSearchLimit = 4096

    /// Whether the quote opening at `opener` is introduced by its attribution: "他说：“" or
    /// "他说，“".
    private func isAttributedBefore(_ opener: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let end = Self.endSkippingSpaces(opener, in: bytes)
        if Self.matches(Self.fullWidthColon, at: end - 3, in: bytes) || (end > 0 && bytes[end - 1] == UInt8(ascii: ":")) {
            return true
        }
        let commaEnd = Self.matches(Self.fullWidthComma, at: end - 3, in: bytes) ? end - 3
            : end > 0 && bytes[end - 1] == UInt8(ascii: ",") ? end - 1 : nil
        guard let commaEnd else { return false }
        return clauseEndsWithVerb(max(0, commaEnd - 64)..<commaEnd, in: bytes)
    }

    private static let fullWidthColon = Array("：".utf8)
    private static let fullWidthComma = Array("，".utf8)

    private func clauseEndsWithVerb(_ clause: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let end = Self.endSkippingSpaces(clause.upperBound, in: bytes)
        return attributionVerbs.contains { verb in
            end - verb.count >= clause.lowerBound && Self.matches(verb, at: end - verb.count, in: bytes)
        }
    }

    /// Marks between the clauses of an attribution ("他顿了顿，又补充说，").
    private static let clauseSeparators: Set<Unicode.Scalar> = ["，", "：", "；", ",", ":"]
    /// Marks after which no attribution goes on: the sentence ends or a new quote opens.
    private static let attributionStops: Set<Unicode.Scalar> = ["。", "！", "？", "!", "?", "“", "「", "『", "‘", "\n"]
}
