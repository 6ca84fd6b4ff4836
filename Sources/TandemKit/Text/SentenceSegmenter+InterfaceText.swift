/// Interface strings glued to prose: scraped news copy carries a page's buttons and labels
/// stuck to the sentence next to them (`…出席記者會放大圖片`, `顯示原圖某某在會上發言。`). Cut
/// off as sentences of their own, every copy of a string is the same segment, translated once
/// and counted as a repetition, and the sentence it was glued to matches the memory again.
extension SentenceSegmenter {
    /// Adds a break after each interface string that starts a sentence and before each one that
    /// ends it, among the `breakCount` breaks in `breakBuffer`; returns the new count.
    ///
    /// A string is cut off only at a sentence's edge (inside a sentence, 請放大圖片說明文字,
    /// it is prose), when no punctuation stands between it and the rest (放大圖片：… or …，
    /// 放大圖片 is a clause of the sentence) and when ICU's word breaks have a boundary there (the
    /// string does not end inside a longer word).
    func cuttingInterfaceText(breakCount: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        interfaceCuts.removeAll(keepingCapacity: true)
        for index in 0..<(breakCount - 1) {
            let sentence = breakBuffer[index]..<breakBuffer[index + 1]
            if interfaceText.mayMatchAtEdges(of: sentence, in: bytes) { appendInterfaceTextCuts(in: sentence, bytes: bytes) }
        }
        guard !interfaceCuts.isEmpty else { return breakCount }
        // Cuts are inside sentences, in order: merge them with the breaks.
        let breaks = Array(breakBuffer.elements(0..<breakCount))
        let total = breakCount + interfaceCuts.count
        breakBuffer.reserve(total, minimumGrowth: 64)
        var (breakIndex, cutIndex) = (0, 0)
        for index in 0..<total {
            if cutIndex < interfaceCuts.count && (breakIndex == breaks.count || interfaceCuts[cutIndex] < breaks[breakIndex]) {
                breakBuffer[index] = interfaceCuts[cutIndex]
                cutIndex += 1
            } else {
                breakBuffer[index] = breaks[breakIndex]
                breakIndex += 1
            }
        }
        return total
    }

    /// Appends, in order, the cuts that free the interface strings at the edges of `sentence`.
    private func appendInterfaceTextCuts(in sentence: Range<Int>, bytes: UnsafeBufferPointer<UInt8>) {
        var lower = sentence.lowerBound
        var upper = sentence.upperBound
        // Strings at the start, one after the other (顯示原圖放大圖片某某…).
        while let end = interfaceText.matchEnd(startingAt: Self.skippingIgnorable(from: lower, to: upper, in: bytes), limit: upper, in: bytes) {
            // The string's own closing codes stay with it.
            let cut = Self.skippingWordJoiners(from: end, to: upper, in: bytes)
            let next = Self.skippingIgnorable(from: cut, to: upper, in: bytes)
            guard let following = SentenceBreakPatterns.scalar(at: next, in: bytes), next < upper,
                  !Self.joinsClause(following.scalar), isWordBoundary(cut, in: sentence, bytes: bytes) else { break }
            interfaceCuts.append(cut)
            lower = cut
        }
        // Strings at the end, found from the last one back.
        let trailingStart = interfaceCuts.count
        while let cut = interfaceText.matchStart(endingAt: Self.endSkippingIgnorable(from: upper, to: lower, in: bytes), limit: lower, in: bytes) {
            let previousEnd = Self.endSkippingIgnorable(from: cut, to: lower, in: bytes)
            guard previousEnd > lower, let preceding = InterfaceTextMatcher.scalar(before: previousEnd, in: bytes),
                  !Self.joinsClause(preceding.scalar), isWordBoundary(cut, in: sentence, bytes: bytes) else { break }
            interfaceCuts.insert(cut, at: trailingStart)
            upper = cut
        }
    }

    /// Whether ICU's word breaks (dictionary-based for Chinese) have a boundary at `offset` of
    /// `sentence`.
    private func isWordBoundary(_ offset: Int, in sentence: Range<Int>, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if wordIterator == nil { wordIterator = try? BreakIterator(.word, icuLocale: rules.locale.icuIdentifier) }
        guard let wordIterator else { return false }
        let text = UnsafeBufferPointer(rebasing: bytes[sentence])
        return wordIterator.withBoundaries(in: text) { $0.contains(offset - sentence.lowerBound) }
    }

    /// Punctuation that makes what it separates one sentence (，、：；, dashes, 。 after which ICU
    /// has already cut unless a rule said the sentence goes on); brackets and quotes do not.
    private static func joinsClause(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .otherPunctuation, .dashPunctuation, .connectorPunctuation: true
        default: false
        }
    }

    private static let wordJoiner: [UInt8] = [0xE2, 0x81, 0xA0]

    /// `offset` moved forward over word joiners (the codes of `UnitSegmenter`'s shadow text).
    private static func skippingWordJoiners(from offset: Int, to limit: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = offset
        while index + 3 <= limit, SentenceBreakPatterns.matches(wordJoiner, at: index, in: bytes) { index += 3 }
        return index
    }

    /// `offset` moved forward over white space and word joiners.
    private static func skippingIgnorable(from offset: Int, to limit: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = offset
        while index < limit {
            let next = max(skippingWordJoiners(from: index, to: limit, in: bytes),
                           SentenceBreakPatterns.trimmingWhiteSpace(index..<limit, in: bytes).lowerBound)
            if next == index { break }
            index = next
        }
        return index
    }

    /// `offset` moved back over white space and word joiners.
    private static func endSkippingIgnorable(from offset: Int, to limit: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = offset
        while index > limit {
            var next = SentenceBreakPatterns.trimmingWhiteSpace(limit..<index, in: bytes).upperBound
            if next == index, index - 3 >= limit, SentenceBreakPatterns.matches(wordJoiner, at: index - 3, in: bytes) { next = index - 3 }
            if next == index { break }
            index = next
        }
        return index
    }
}
