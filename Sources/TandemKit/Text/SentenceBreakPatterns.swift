internal import CTandemICU

/// `SentenceRules` compiled to byte patterns, applied to ICU's candidate breaks on UTF-8.
///
/// Working on bytes keeps segmentation close to ICU's own speed: every pattern is a short UTF-8
/// sequence and only bytes that can start one are looked at.
struct SentenceBreakPatterns {
    private let pairs: [(open: [UInt8], close: [UInt8])]
    private let closers: [[UInt8]]
    private let inlineClosers: [[UInt8]]
    private let openers: [[UInt8]]
    private let markup: [[UInt8]]  // longest first, so "**" is tried before "*"
    private let abbreviations: [[UInt8]]
    private let listNumbers: Bool
    let decimals: Bool
    // Read by the extensions in SentenceBreakPatterns+LatinTokens.swift and +Attribution.swift.
    let initials: Bool
    let dottedNames: Bool
    let nameDots: [[UInt8]]
    let ellipsis: Bool
    let quotedPunctuation: Bool
    let attributionQuotes: [(open: [UInt8], close: [UInt8])]
    let attributionVerbs: [[UInt8]]
    let attributionMaxLength: Int
    /// Both sides of every pair, in the order they are tried: each pair's closer, then its opener.
    private let markers: [BracketMarker]
    /// Per byte value, 1 when every marker starting with it is three bytes or more: the bracket
    /// scan then looks at the next two bytes (`markerTails`) before trying the markers, so other
    /// punctuation sharing a lead byte (，。、─) is passed over in C.
    private let tailChecked: [UInt8]
    /// For markers of three bytes or more: their second and third byte, one bit per pair.
    private let markerTails: [UInt64]
    /// The distinct first bytes of the markers: the bracket scan jumps from one to the next (in
    /// C, sixteen bytes at a time). Each is a lead or ASCII byte, so always a character's start.
    private let markerLeads: [UInt8]
    /// Per byte value, which patterns can start (`Self.startsCloser`) or end (`Self.endsOpener`,
    /// `Self.endsInlineCloser`) with it: most candidate breaks sit between a full stop and a
    /// Han character, which no pattern touches, so one lookup settles them.
    private let edgeBytes: [UInt8]
    private static let startsCloser: UInt8 = 1
    private static let endsOpener: UInt8 = 2
    private static let endsInlineCloser: UInt8 = 4
    /// Per byte value, whether a suppression rule can hold when it is the last byte before a
    /// candidate break: `suppressedAfterSpaces` for the rules that look back past spaces and tabs
    /// (abbreviations, initials, list numbers, ellipses, closing brackets and quotes),
    /// `suppressedRightAfter` for those that look at the byte right before the break (name dots,
    /// dotted names). Most candidates follow 。！？ and are settled by these two lookups and the
    /// decimal rule's digit test (`isSuppressed` runs on every candidate of every paragraph).
    private let suppressionBytes: [UInt8]
    private static let suppressedAfterSpaces: UInt8 = 1
    private static let suppressedRightAfter: UInt8 = 2

    init(_ rules: SentenceRules) {
        pairs = rules.noBreakInside.compactMap { pair in
            guard pair.count == 2, !pair[0].isEmpty, !pair[1].isEmpty, pair[0] != pair[1] else { return nil }
            return (Array(pair[0].utf8), Array(pair[1].utf8))
        }
        // ICU counts opening brackets as "Close" too, so "。《书名》" breaks after the 《;
        // these move back to the sentence they open.
        openers = Array(Set(pairs.map(\.open) + ["(", "[", "（", "【", "「", "『", "《", "〈", "“", "‘"].map { Array($0.utf8) }))
        inlineClosers = rules.noBreakAfter.filter { !$0.isEmpty }.map { Array($0.utf8) }
        closers = rules.attachClosers.filter { !$0.isEmpty }.map { Array($0.utf8) }
        markup = rules.attachMarkup.filter { !$0.isEmpty }.map { Array($0.utf8) }.sorted { $0.count > $1.count }
        abbreviations = rules.abbreviations.filter { !$0.isEmpty }.map { Array($0.utf8) }
        listNumbers = rules.noBreakAfterListNumbers
        decimals = rules.noBreakInDecimals
        initials = rules.noBreakAfterInitials
        dottedNames = rules.noBreakInDottedNames
        nameDots = rules.nameDots.filter { !$0.isEmpty }.map { Array($0.utf8) }
        ellipsis = rules.noBreakAfterEllipsis
        quotedPunctuation = rules.noBreakAfterQuotedPunctuation
        attributionQuotes = rules.attributionQuotes.compactMap { pair in
            guard pair.count == 2, !pair[0].isEmpty, !pair[1].isEmpty, pair[0] != pair[1] else { return nil }
            return (Array(pair[0].utf8), Array(pair[1].utf8))
        }
        attributionVerbs = rules.attributionVerbs.filter { !$0.isEmpty }.map { Array($0.utf8) }
        attributionMaxLength = rules.attributionMaxLength
        var edgeBytes = [UInt8](repeating: 0, count: 256)
        for pattern in closers + markup { edgeBytes[Int(pattern[0])] |= Self.startsCloser }
        for pattern in openers { edgeBytes[Int(pattern[pattern.count - 1])] |= Self.endsOpener }
        for pattern in inlineClosers { edgeBytes[Int(pattern[pattern.count - 1])] |= Self.endsInlineCloser }
        self.edgeBytes = edgeBytes
        var suppressionBytes = [UInt8](repeating: 0, count: 256)
        var lastBytesAfterSpaces = inlineClosers.map { $0[$0.count - 1] } + abbreviations.map { $0[$0.count - 1] }
        if listNumbers { lastBytesAfterSpaces += Self.listNumberLastBytes }
        if initials { lastBytesAfterSpaces.append(UInt8(ascii: ".")) }
        // Not 。。。's last byte, that of every 。: `mayBeSuppressed` looks for the three itself.
        if ellipsis { lastBytesAfterSpaces += [Self.asciiEllipsis.last!, Self.ellipsisCharacter.last!] }
        if !attributionVerbs.isEmpty { lastBytesAfterSpaces += attributionQuotes.map { $0.close[$0.close.count - 1] } }
        for byte in lastBytesAfterSpaces { suppressionBytes[Int(byte)] |= Self.suppressedAfterSpaces }
        var lastBytesRightAfter = nameDots.map { $0[$0.count - 1] }
        if dottedNames { lastBytesRightAfter.append(UInt8(ascii: ".")) }
        for byte in lastBytesRightAfter { suppressionBytes[Int(byte)] |= Self.suppressedRightAfter }
        self.suppressionBytes = suppressionBytes
        markers = pairs.enumerated().flatMap { index, pair in
            [BracketMarker(pair.close, pair: index, isClose: true), BracketMarker(pair.open, pair: index, isClose: false)]
        }
        var tailChecked = [UInt8](repeating: 0, count: 256)
        var markerTails = [UInt64](repeating: 0, count: 65536 / 64)
        for marker in markers where marker.length >= 3 {
            let tail = Int(marker.bytes[1]) << 8 | Int(marker.bytes[2])
            markerTails[tail >> 6] |= 1 << UInt64(tail & 63)
            tailChecked[Int(marker.bytes[0])] = 1
        }
        for marker in markers where marker.length < 3 { tailChecked[Int(marker.bytes[0])] = 0 }
        self.tailChecked = tailChecked
        self.markerTails = markerTails
        markerLeads = Array(Set(markers.map { $0.bytes[0] })).sorted()
    }

    // MARK: Protected spans

    /// Closed byte ranges, sorted and merged, inside which no break may fall: from just after an
    /// opening bracket to just before its closing partner. Unclosed openers protect nothing, so a
    /// stray "「" cannot swallow the rest of a paragraph.
    /// Written into `spans` (cleared first), with `open` as scratch for the brackets still
    /// open: both keep their capacity, so a paragraph allocates nothing.
    func protectedSpans(in bytes: UnsafeBufferPointer<UInt8>, into spans: inout [ClosedRange<Int>], open: inout [(pair: Int, end: Int)]) {
        spans.removeAll(keepingCapacity: true)
        open.removeAll(keepingCapacity: true)
        guard !pairs.isEmpty else { return }
        var index = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else { return }
        markers.withUnsafeBufferPointer { markers in
            tailChecked.withUnsafeBufferPointer { tailChecked in
                markerTails.withUnsafeBufferPointer { markerTails in
                    markerLeads.withUnsafeBufferPointer { leads in
                        // Only where a marker may start (markers are whole characters; C filters
                        // on their first three bytes).
                        scan: while true {
                            index = Int(tandem_find_marker(
                                base, Int64(index), Int64(count), leads.baseAddress, Int32(leads.count),
                                tailChecked.baseAddress, markerTails.baseAddress))
                            guard index < count else { break scan }
                            let window = BracketMarker.window(at: index, in: bytes)
                            for marker in markers where marker.matches(window: window, at: index, in: bytes) {
                                if marker.isClose {
                                    // A closer with no opener of its pair open is no closer here.
                                    guard let stackIndex = open.lastIndex(where: { $0.pair == marker.pair }) else { continue }
                                    spans.append(open[stackIndex].end...index)
                                    open.removeSubrange(stackIndex...)
                                } else {
                                    open.append((marker.pair, index + marker.length))
                                }
                                index += marker.length
                                continue scan
                            }
                            index += 1
                        }
                    }
                }
            }
        }
        guard spans.count > 1 else { return }
        spans.sort { $0.lowerBound < $1.lowerBound }
        // Merged in place: `merged` spans are kept in front.
        var merged = 0
        for index in 1..<spans.count {
            let span = spans[index]
            let last = spans[merged]
            if span.lowerBound <= last.upperBound {
                spans[merged] = last.lowerBound...max(last.upperBound, span.upperBound)
            } else {
                merged += 1
                spans[merged] = span
            }
        }
        spans.removeSubrange((merged + 1)...)
    }

    // MARK: Suppressed breaks

    /// Whether a candidate break at `offset` must not be made (decimal, list number,
    /// abbreviation, initial, dotted name, ellipsis, right after a title or parenthesis, before
    /// a quote's attribution).
    func isSuppressed(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Quoted punctuation first and on its own: it looks back over a few bytes, while its
        // last bytes (？！”」 …) in `mayBeSuppressed`'s table would send most candidates of
        // Chinese prose through every other rule (the segmentation suite measured it).
        if quotedPunctuation, followsQuotedPunctuation(offset, in: bytes) { return true }
        return mayBeSuppressed(offset, in: bytes) && isSuppressedByAnyRule(offset, in: bytes)
    }

    /// `isSuppressed` without its pre-check: every rule asked in turn.
    func isSuppressedByAnyRule(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if !inlineClosers.isEmpty, followsInlineCloser(offset, in: bytes) { return true }
        if decimals, isInsideDecimal(offset, in: bytes) { return true }
        if dottedNames, isInsideDottedName(offset, in: bytes) { return true }
        if listNumbers, followsListNumber(offset, in: bytes) { return true }
        if !abbreviations.isEmpty, followsAbbreviation(offset, in: bytes) { return true }
        if initials, followsInitial(offset, in: bytes) { return true }
        if !nameDots.isEmpty, followsNameDot(offset, in: bytes) { return true }
        if ellipsis, followsEllipsis(offset, in: bytes) { return true }
        if !attributionVerbs.isEmpty, precedesAttribution(offset, in: bytes) { return true }
        return false
    }

    /// False when no rule of `isSuppressed` can hold at `offset`, from the bytes around it: the
    /// last byte before it (past spaces and tabs), the byte right before it, and the first
    /// after it (a decimal's digit). Every rule needs one of them to be a byte it ends with.
    @inline(__always)
    func mayBeSuppressed(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset > 0 else { return false }
        if decimals, offset < bytes.count, Self.isDigit(bytes[offset]) || bytes[offset] == UInt8(ascii: "*") { return true }
        if suppressionBytes[Int(bytes[offset - 1])] & Self.suppressedRightAfter != 0 { return true }
        let end = Self.endSkippingSpaces(offset, in: bytes)
        if ellipsis, end >= 9, bytes[end - 1] == Self.ideographicEllipsis.last!, Self.matches(Self.ideographicEllipsis, at: end - 9, in: bytes) {
            return true
        }
        return end > 0 && suppressionBytes[Int(bytes[end - 1])] & Self.suppressedAfterSpaces != 0
    }

    /// The last byte of every list number's delimiter: ".", ")", 、, ．, ）.
    private static let listNumberLastBytes: [UInt8] = [UInt8(ascii: "."), UInt8(ascii: ")"), 0x81, 0x8E, 0x89]

    private func followsInlineCloser(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = offset
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard end > 0, edgeBytes[Int(bytes[end - 1])] & Self.endsInlineCloser != 0 else { return false }
        return inlineClosers.contains { Self.matches($0, at: end - $0.count, in: bytes) }
    }

    /// Whether `offset` is between the dot and the `*` of a version wildcard, `v1.*`, `0.12.*`,
    /// `v1.x.*` (a helper found "升级到 v1." ‖ "* 的版本" in real release notes): a `*` that is
    /// not a run of them (`**` closes bold), right after a dot that follows a Latin letter or
    /// a digit.
    static func isVersionWildcard(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset >= 2, offset < bytes.count, bytes[offset] == UInt8(ascii: "*"), bytes[offset - 1] == UInt8(ascii: "."),
              offset + 1 >= bytes.count || bytes[offset + 1] != UInt8(ascii: "*") else { return false }
        let before = bytes[offset - 2]
        return isDigit(before) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(before | 0x20)
    }

    private func isInsideDecimal(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if Self.isVersionWildcard(offset, in: bytes) { return true }
        guard offset < bytes.count, Self.isDigit(bytes[offset]) else { return false }
        if offset >= 1, bytes[offset - 1] == UInt8(ascii: ".") { return true }
        // U+FF0E FULLWIDTH FULL STOP
        return offset >= 3 && bytes[offset - 3] == 0xEF && bytes[offset - 2] == 0xBC && bytes[offset - 1] == 0x8E
    }

    /// "1. ", "12) ", "3、", "a. ", "一、" alone at the start of a line (after indentation,
    /// blockquote or bullet markers).
    private func followsListNumber(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = offset
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        // Every list number ends in ".", ")" or a full-width 、．）(last bytes 81, 8E, 89):
        // settle most candidates (after 。！？) before walking back to the line start.
        guard end > 0, Self.listNumberLastBytes.contains(bytes[end - 1]) else { return false }
        var start = end
        while start > 0, bytes[start - 1] != 0x0A, bytes[start - 1] != 0x0D, end - start < 40 { start -= 1 }
        guard start == 0 || bytes[start - 1] == 0x0A || bytes[start - 1] == 0x0D else { return false }
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == UInt8(ascii: ">") { start += 1 }
        guard start < end else { return false }
        // The delimiter after the number.
        var numberEnd = end
        if bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: ")") {
            numberEnd = end - 1
        } else if end - start >= 3, Self.matches([0xE3, 0x80, 0x81], at: end - 3, in: bytes)  // 、
                    || Self.matches([0xEF, 0xBC, 0x8E], at: end - 3, in: bytes)  // ．
                    || Self.matches([0xEF, 0xBC, 0x89], at: end - 3, in: bytes) {  // ）
            numberEnd = end - 3
        } else {
            return false
        }
        let number = UnsafeBufferPointer(rebasing: bytes[start..<numberEnd])
        if (1...3).contains(number.count), number.allSatisfy(Self.isDigit) { return true }
        if number.count == 1, Self.isASCIILetter(number[0]) { return true }
        // Up to three Chinese numerals: 一 … 十 (each three bytes).
        guard number.count % 3 == 0, (3...9).contains(number.count) else { return false }
        let numerals = "一二三四五六七八九十".utf8.split(by: 3)
        return stride(from: 0, to: number.count, by: 3).allSatisfy { at in
            numerals.contains { $0.elementsEqual(number[at..<(at + 3)]) }
        }
    }

    private func followsAbbreviation(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = offset
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        for abbreviation in abbreviations {
            let start = end - abbreviation.count
            guard start >= 0, Self.matches(abbreviation, at: start, in: bytes) else { continue }
            if start == 0 || !Self.isASCIILetter(bytes[start - 1]) { return true }
        }
        return false
    }

    // MARK: Closers

    /// Where the sentence ending at `offset` really ends: after any closing quotes, brackets and
    /// emphasis markers (also past spaces) that close something opened in it.
    func afterClosers(_ offset: Int, sentenceStart: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var end = offset
        var index = offset
        while index < bytes.count {
            var next = index
            while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
            if next < bytes.count - 2, bytes[next] == 0xE3, bytes[next + 1] == 0x80, bytes[next + 2] == 0x80 { next += 3 }
            guard next < bytes.count, edgeBytes[Int(bytes[next])] & Self.startsCloser != 0 else { break }
            if let closer = closers.first(where: { Self.matches($0, at: next, in: bytes) }) {
                index = next + closer.count
                end = index
                continue
            }
            if let marker = markup.first(where: { isClosingMarker($0, at: next, sentence: sentenceStart..<offset, in: bytes) }) {
                index = next + marker.count
                end = index
                continue
            }
            break
        }
        return end
    }

    /// Where the sentence ending at `offset` really ends when ICU left opening brackets or
    /// quotes (and spaces) at its end: before them.
    func beforeOpeners(_ offset: Int, sentenceStart: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var start = offset
        var index = offset
        while index > sentenceStart {
            var previous = index
            while previous > sentenceStart, bytes[previous - 1] == 0x20 || bytes[previous - 1] == 0x09 { previous -= 1 }
            guard previous > sentenceStart, edgeBytes[Int(bytes[previous - 1])] & Self.endsOpener != 0 else { break }
            guard let opener = openers.first(where: { previous - $0.count >= sentenceStart && Self.matches($0, at: previous - $0.count, in: bytes) })
            else { break }
            index = previous - opener.count
            start = index
        }
        return start
    }

    /// A delimiter run of exactly `marker` at `index`, closing an odd count of the same runs in
    /// the sentence (so "**" after "。" closes "**…。" but does not open the next sentence).
    private func isClosingMarker(_ marker: [UInt8], at index: Int, sentence: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Self.matches(marker, at: index, in: bytes) else { return false }
        let character = marker[0]
        guard marker.allSatisfy({ $0 == character }) else { return false }
        if index + marker.count < bytes.count, bytes[index + marker.count] == character { return false }
        var runs = 0
        var position = sentence.lowerBound
        while position < sentence.upperBound {
            guard bytes[position] == character else {
                position += 1
                continue
            }
            var runEnd = position
            while runEnd < sentence.upperBound, bytes[runEnd] == character { runEnd += 1 }
            if runEnd - position == marker.count { runs += 1 }
            position = runEnd
        }
        return runs % 2 == 1
    }

    // MARK: Bytes

    /// `range` without leading and trailing white space (ASCII, NBSP, ideographic space).
    static func trimmingWhiteSpace(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end {
            if isASCIISpace(bytes[start]) { start += 1 }
            else if start + 1 < end, bytes[start] == 0xC2, bytes[start + 1] == 0xA0 { start += 2 }
            else if start + 2 < end, bytes[start] == 0xE3, bytes[start + 1] == 0x80, bytes[start + 2] == 0x80 { start += 3 }
            else { break }
        }
        while end > start {
            if isASCIISpace(bytes[end - 1]) { end -= 1 }
            else if end - 2 >= start, bytes[end - 2] == 0xC2, bytes[end - 1] == 0xA0 { end -= 2 }
            else if end - 3 >= start, bytes[end - 3] == 0xE3, bytes[end - 2] == 0x80, bytes[end - 1] == 0x80 { end -= 3 }
            else { break }
        }
        return start..<end
    }

    static func matches(_ pattern: [UInt8], at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index >= 0, index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    static func isASCIILetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
}

extension Sequence where Element == UInt8 {
    /// The bytes cut into consecutive chunks of `size`.
    fileprivate func split(by size: Int) -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in self {
            current.append(byte)
            if current.count == size {
                chunks.append(current)
                current = []
            }
        }
        return chunks
    }
}
