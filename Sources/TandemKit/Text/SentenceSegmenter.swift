import Foundation
internal import CTandemICU

/// Cuts text into sentences the way a translator would: ICU's sentence rules for the locale,
/// then the locale's `SentenceRules` for what ICU does not know (brackets that must stay whole,
/// decimals, list numbers, Latin abbreviations, initials and tickers inside Chinese, closing
/// quotes and emphasis markers after a full stop, a quote's attribution), and interface strings
/// glued to a sentence cut off as sentences of their own.
///
/// Not thread-safe (it owns an ICU iterator); make one per thread and reuse it.
public final class SentenceSegmenter {
    /// The rules in force.
    public let rules: LocaleRules
    private let iterator: BreakIterator
    private let patterns: SentenceBreakPatterns
    /// The breaks of the text being segmented, reused from call to call: a scratch buffer, so a
    /// paragraph costs no array uniqueness check, retain or exclusivity bookkeeping.
    let breakBuffer = ScratchBuffer<Int>()
    /// `SentenceRules.interfaceText`, compiled (see SentenceSegmenter+InterfaceText.swift).
    let interfaceText: InterfaceTextMatcher
    /// Word breaks for the interface strings' edges, opened on the first string found.
    var wordIterator: BreakIterator?
    /// Breaks added before interface strings and after them, reused from paragraph to paragraph.
    var interfaceCuts: [Int] = []
    /// Scratch for the bracket scan (spans and open brackets), reused from paragraph to paragraph.
    private var spanScratch: [ClosedRange<Int>] = []
    private var openScratch: [(pair: Int, end: Int)] = []

    /// A segmenter with `rules` (see `LocaleRules.load`).
    public init(rules: LocaleRules) throws {
        self.rules = rules
        let suffix = rules.sentences.icuSuppressions ? "@ss=standard" : ""
        // Another language's ICU locale only for its abbreviation list (ICU's sentence rules are
        // the root ones for Chinese, Japanese and English alike).
        let language = rules.sentences.icuSuppressionsLanguage
        let icuLocale = language.isEmpty || !rules.sentences.icuSuppressions
            ? rules.locale.icuIdentifier : (LocaleTag(language)?.icuIdentifier ?? language)
        iterator = try BreakIterator(.sentence, icuLocale: icuLocale + suffix)
        patterns = SentenceBreakPatterns(rules.sentences)
        interfaceText = InterfaceTextMatcher(rules.sentences.interfaceText)
    }

    /// A segmenter for `locale` with its rules from `localesDirectory` or the built-in ones.
    public convenience init(locale: LocaleTag, localesDirectory: URL? = nil) throws {
        try self.init(rules: LocaleRules.load(for: locale, localesDirectory: localesDirectory))
    }

    /// The sentences of `text`, in order, without surrounding white space.
    ///
    /// With `joiningLines`, a single line break counts as a space (a Markdown paragraph wrapped
    /// over several lines); otherwise every line break ends a sentence, as ICU has it.
    public func sentences(in text: String, joiningLines: Bool = false) -> [Sentence] {
        var text = text
        let ranges = text.withUTF8 { sentenceRanges(in: $0, joiningLines: joiningLines) }
        let utf8 = text.utf8
        return ranges.map { range in
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let end = utf8.index(start, offsetBy: range.count)
            return Sentence(range: range, text: String(text[start..<end]))
        }
    }

    /// The byte ranges of the sentences in UTF-8 `bytes` (the fast path, no strings made).
    public func sentenceRanges(in bytes: UnsafeBufferPointer<UInt8>, joiningLines: Bool = false) -> [Range<Int>] {
        withBreaks(in: bytes, joiningLines: joiningLines) { breaks in
            var ranges: [Range<Int>] = []
            ranges.reserveCapacity(breaks.count)
            for index in 0..<max(0, breaks.count - 1) {
                let trimmed = SentenceBreakPatterns.trimmingWhiteSpace(breaks[index]..<breaks[index + 1], in: bytes)
                if !trimmed.isEmpty { ranges.append(trimmed) }
            }
            return ranges
        }
    }

    /// Every break, `0` and `bytes.count` included, before white space is trimmed. With
    /// `SentenceRules.plainICU` these are exactly ICU's boundaries.
    @_spi(Benchmarks) public func breakOffsets(in bytes: UnsafeBufferPointer<UInt8>, joiningLines: Bool = false) -> [Int] {
        withBreaks(in: bytes, joiningLines: joiningLines) { Array($0) }
    }

    /// Calls `body` with every break in `bytes` (as `breakOffsets(in:)`), read from the
    /// segmenter's own buffer, valid only inside `body`.
    @inline(__always)
    func withBreaks<Result>(
        in bytes: UnsafeBufferPointer<UInt8>, joiningLines: Bool, _ body: (UnsafeBufferPointer<Int>) -> Result
    ) -> Result {
        // Filled first: filling may move the buffer.
        let count = fillBreaks(in: bytes, joiningLines: joiningLines)
        return body(breakBuffer.elements(0..<count))
    }

    /// Writes every break in `bytes` into `breakBuffer`; returns how many there are.
    private func fillBreaks(in bytes: UnsafeBufferPointer<UInt8>, joiningLines: Bool) -> Int {
        guard bytes.count > 0 else {
            breakBuffer.reserve(1, minimumGrowth: 64)
            breakBuffer[0] = 0
            return 1
        }
        if joiningLines, bytes.contains(0x0A) || bytes.contains(0x0D) {
            // Same length, so every offset still points into the original text.
            let flattened = bytes.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
            return flattened.withUnsafeBufferPointer { flat in
                iterator.withBoundaries(in: flat) { applyingRules(to: $0, in: bytes) }
            }
        }
        return iterator.withBoundaries(in: bytes) { applyingRules(to: $0, in: bytes) }
    }

    /// ICU's candidate breaks in `bytes`, kept, moved or dropped by the locale's rules, written
    /// to `breakBuffer`; returns how many.
    private func applyingRules(to icuBreaks: UnsafeBufferPointer<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let count = bytes.count
        // Rules only ever drop or move ICU's breaks: never more than ICU's, plus both ends (the
        // buffer asserts it in debug builds).
        breakBuffer.reserve(icuBreaks.count + 2, minimumGrowth: 64)
        let breaks = breakBuffer
        breaks[0] = 0
        // With no inner candidate there is nothing to check (most paragraphs are one sentence,
        // and the bracket scan is the costliest rule).
        guard icuBreaks.count > 2 else {
            breaks[1] = count
            return interfaceText.isEmpty ? 2 : cuttingInterfaceText(breakCount: 2, in: bytes)
        }
        var breakCount = 1
        patterns.protectedSpans(in: bytes, into: &spanScratch, open: &openScratch)
        let protected = spanScratch
        var spanIndex = 0
        for candidate in icuBreaks where candidate > 0 && candidate < count {
            let sentenceStart = breaks[breakCount - 1]
            // Before the closers' move, which would take the wildcard's `*` for an emphasis
            // marker closing the sentence and cut after it (`v2.*` ‖ `版本。`).
            if patterns.decimals, SentenceBreakPatterns.isVersionWildcard(candidate, in: bytes) { continue }
            // Closing marks first: "。 ”" ends the quote's sentence after the ”, which is then
            // no longer inside the protected “…” span.
            var moved = patterns.afterClosers(candidate, sentenceStart: sentenceStart, in: bytes)
            if moved == candidate {
                moved = patterns.beforeOpeners(candidate, sentenceStart: sentenceStart, in: bytes)
            }
            if moved <= sentenceStart || moved >= count { continue }
            while spanIndex < protected.count && protected[spanIndex].upperBound < moved { spanIndex += 1 }
            if spanIndex < protected.count && protected[spanIndex].contains(moved) { continue }
            if patterns.isSuppressed(moved, in: bytes) { continue }
            breaks[breakCount] = moved
            breakCount += 1
        }
        breaks[breakCount] = count
        return interfaceText.isEmpty ? breakCount + 1 : cuttingInterfaceText(breakCount: breakCount + 1, in: bytes)
    }

    /// The sentences of `text` with their normalized forms (keys for lookups), written into
    /// `result` (cleared first; reuse one across paragraphs and nothing is allocated once its
    /// buffers have grown). Same sentences as `sentences(in:joiningLines:)`; each key is
    /// `Normalizer.normalize(sentence, to: form)` as UTF-16, computed from the UTF-16 copy the
    /// break iterator already made.
    @_spi(Benchmarks) public func sentences(
        in text: String, normalizedAs forms: [NormalizationForm], joiningLines: Bool = false,
        into result: inout NormalizedSentences
    ) {
        result.reset(text: text, forms: forms)
        var text = text
        text.withUTF8 { bytes in
            withBreaks(in: bytes, joiningLines: joiningLines) { breaks in
                for index in 0..<max(0, breaks.count - 1) {
                    let trimmed = SentenceBreakPatterns.trimmingWhiteSpace(breaks[index]..<breaks[index + 1], in: bytes)
                    if !trimmed.isEmpty { result.appendRange(trimmed) }
                }
            }
            // The iterator's UTF-16 copy is of this text unless lines were joined (then it is of
            // the flattened copy, whose keys would differ).
            let reuse = !(joiningLines && (bytes.contains(0x0A) || bytes.contains(0x0D)))
            result.computeKeys(iterator: iterator, bytes: bytes, textIsBroken: reuse)
        }
    }

    /// `sentences(in:normalizedAs:joiningLines:into:)` into a new value.
    @_spi(Benchmarks) public func sentences(in text: String, normalizedAs forms: [NormalizationForm], joiningLines: Bool = false) -> NormalizedSentences {
        var result = NormalizedSentences()
        sentences(in: text, normalizedAs: forms, joiningLines: joiningLines, into: &result)
        return result
    }

    /// `breakOffsets(in:)` for a string.
    @_spi(Benchmarks) public func breakOffsets(in text: String, joiningLines: Bool = false) -> [Int] {
        var text = text
        return text.withUTF8 { breakOffsets(in: $0, joiningLines: joiningLines) }
    }
}

/// Not thread-safe: it owns an ICU iterator and scratch buffers; make one per thread.
@available(*, unavailable)
extension SentenceSegmenter: Sendable {}
