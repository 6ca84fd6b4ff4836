/// Cuts a translatable unit into sentences without letting markup confuse ICU.
///
/// ICU runs on a shadow of the unit in which every code is U+2060 WORD JOINER (a Format
/// character, which sentence rules skip) and every line break a space. Sentence ranges are then
/// mapped back to the unit's own bytes, moved so an opening code starts the sentence it opens,
/// and stripped of a pair of codes that encloses a whole sentence (that markup stays in the
/// document, so a bold sentence and a plain one match the same memory entry).
struct UnitSegmenter {
    let segmenter: SentenceSegmenter

    /// A sentence of a unit before it gets an id.
    struct Piece {
        var range: Range<Int>
        var text: String
        var codes: [String: String]
        /// Placeholder key to the bytes of the unit it stands for.
        var codeRanges: [String: Range<Int>]
    }

    private static let wordJoiner: [UInt8] = [0xE2, 0x81, 0xA0]
    private static let paragraphSeparator: [UInt8] = [0xE2, 0x80, 0xA9]
    /// Commas a line may end with in the middle of a sentence: `,` `，` `、`.
    private static let commas: [[UInt8]] = [[0x2C], [0xEF, 0xBC, 0x8C], [0xE3, 0x80, 0x81]]

    func sentences(of unit: TranslatableUnit) -> [Piece] {
        var shadow: [UInt8] = []
        var shadowStarts: [Int] = []
        let imageLineBreaks = Self.breaksAroundImageLines(of: unit)
        for (index, piece) in unit.pieces.enumerated() {
            shadowStarts.append(shadow.count)
            switch piece {
            case .text(let range): shadow.append(contentsOf: unit.text[range])
            // A paragraph separator is a break ICU always makes: a hard break, and a break around
            // a line of images, ends a sentence unless the line ends in a comma, which says the
            // sentence goes on.
            case .hardBreak, .lineBreak where imageLineBreaks.contains(index):
                shadow.append(contentsOf: endsInComma(shadow) ? [0x20] : Self.paragraphSeparator)
            // A line that starts with a list number (`2、…`, `（3）…`, `二、…`) is the next point
            // of a list written as lines of one paragraph (Hugo renders them so): a sentence of
            // its own, where one segment held several points (a real blog had 65 such).
            case .lineBreak where index + 1 < unit.pieces.count && Self.startsWithListNumber(unit.pieces[index + 1], in: unit.text):
                shadow.append(contentsOf: Self.paragraphSeparator)
            case .lineBreak: shadow.append(0x20)
            default: shadow.append(contentsOf: Self.wordJoiner)
            }
        }
        Self.markFullStopsAfterHan(in: &shadow)
        let shadowRanges = shadow.withUnsafeBufferPointer { segmenter.sentenceRanges(in: $0) }
        var ranges = shadowRanges.map { range -> Range<Int> in
            mapToUnit(range.lowerBound, isEnd: false, unit: unit, shadowStarts: shadowStarts, shadowCount: shadow.count)
                ..< mapToUnit(range.upperBound, isEnd: true, unit: unit, shadowStarts: shadowStarts, shadowCount: shadow.count)
        }
        moveTrailingOpeners(&ranges, unit: unit)
        moveInlineCodeAfterTerminals(&ranges, unit: unit)
        // A list number written in the paragraph (`**1.** 阿里…`, `1、`), which ICU ends a
        // sentence after, is never a sentence of its own: it joins the sentence it numbers.
        Self.join(&ranges) { first, _ in isListNumber(first, unit: unit) }
        Self.join(&ranges) { first, second in endsWithLinkTitleGoingOn(first, second, unit: unit) }
        Self.join(&ranges) { first, second in Self.isCutAtGluedOperator(first, second, in: unit.text) }
        return ranges.compactMap { range in
            let inner = strippingEnclosingPairs(range, unit: unit)
            guard !inner.isEmpty, containsText(inner, unit: unit) else { return nil }
            return render(inner, unit: unit)
        }
    }

    /// A shadow offset as an offset in the unit's text.
    private func mapToUnit(_ offset: Int, isEnd: Bool, unit: TranslatableUnit, shadowStarts: [Int], shadowCount: Int) -> Int {
        // The piece holding the byte at `offset` (or, for an end, the byte before it).
        let probe = isEnd ? offset - 1 : offset
        var low = 0
        var high = shadowStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if shadowStarts[mid] <= probe { low = mid } else { high = mid - 1 }
        }
        let piece = unit.pieces[low]
        if case .text(let range) = piece {
            return range.lowerBound + (offset - shadowStarts[low])
        }
        return isEnd ? piece.range.upperBound : piece.range.lowerBound
    }

    /// ICU attaches a Format character to what precedes it, so "。**next" would end a sentence
    /// with the opening "**" of the next one: move such openers forward.
    private func moveTrailingOpeners(_ ranges: inout [Range<Int>], unit: TranslatableUnit) {
        guard ranges.count > 1 else { return }
        for index in 0..<(ranges.count - 1) {
            var range = ranges[index]
            while let last = unit.pieces.last(where: { $0.range.upperBound <= range.upperBound && $0.range.upperBound > range.lowerBound }),
                  last.range.upperBound == range.upperBound,
                  case .open(let pair, let openRange) = last,
                  !unit.pieces.contains(where: { piece in
                      if case .close(pair, let closeRange) = piece { return range.contains(closeRange.lowerBound) }
                      return false
                  }) {
                let end = trimmedEnd(openRange.lowerBound, from: range.lowerBound, unit: unit)
                // The end must move back: trimming can widen it again to take in a code the
                // opener sits inside (runs of `*` cmark reads as nested emphasis), and the loop
                // then never ended (found by the front matter fuzzer).
                guard end < range.upperBound else { break }
                range = range.lowerBound..<end
                ranges[index + 1] = openRange.lowerBound..<ranges[index + 1].upperBound
            }
            ranges[index] = range
        }
    }

    /// ICU attaches a Format character to what precedes it, so in "六级。`<h1>` 是最高的" the
    /// inline code that opens the second sentence ended the first: move inline code or math that
    /// follows a sentence's final punctuation to the sentence after it, whose first word it is.
    private func moveInlineCodeAfterTerminals(_ ranges: inout [Range<Int>], unit: TranslatableUnit) {
        guard ranges.count > 1 else { return }
        for index in 0..<(ranges.count - 1) {
            let range = ranges[index]
            // The inline code pieces (and spaces) ending the sentence, from the last.
            var start = range.upperBound
            var moved = false
            while let last = unit.pieces.last(where: { $0.range.upperBound <= start && $0.range.upperBound > range.lowerBound }),
                  last.range.upperBound == trimmedEnd(start, from: range.lowerBound, unit: unit),
                  case .code(let codeRange) = last, Self.isWordCode(codeRange, in: unit.text) {
                start = codeRange.lowerBound
                moved = true
            }
            guard moved, start > range.lowerBound else { continue }
            let before = trimmedEnd(start, from: range.lowerBound, unit: unit)
            guard before > range.lowerBound, Self.endsWithTerminal(unit.text[range.lowerBound..<before]) else { continue }
            ranges[index] = range.lowerBound..<before
            ranges[index + 1] = start..<ranges[index + 1].upperBound
        }
    }

    /// Whether `text` ends with a sentence's final punctuation, closing quotes and brackets aside.
    private static func endsWithTerminal(_ text: ArraySlice<UInt8>) -> Bool {
        guard let string = String(validating: text, as: UTF8.self) else { return false }
        let closers = Set("”’」』）)】》\"'".unicodeScalars)
        let terminals = Set("。！？.!?…．".unicodeScalars)
        for scalar in string.unicodeScalars.reversed() {
            if closers.contains(scalar) { continue }
            return terminals.contains(scalar)
        }
        return false
    }

    /// Whether the shadow so far ends in a comma (white space and codes before the break aside).
    /// Whether `piece` is text that begins with a list number written as text: digits or
    /// Chinese numerals and `、`, digits and `.` `．` `)` `）` before a non-digit, or a number
    /// in parentheses (`(3)`, `（三）`).
    static func startsWithListNumber(_ piece: InlinePiece, in text: [UInt8]) -> Bool {
        guard case .text(let range) = piece else { return false }
        // Its first few characters are all it needs (a character cut at the end decodes as
        // U+FFFD, past them).
        let string = String(decoding: text[range.lowerBound..<min(range.upperBound, range.lowerBound + 24)], as: UTF8.self)
        var scalars = Substring(string).unicodeScalars[...]
        let chineseNumerals = Set("一二三四五六七八九十".unicodeScalars)
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar) }
        var parenthesized = false
        if let first = scalars.first, first == "(" || first == "（" {
            parenthesized = true
            scalars = scalars.dropFirst()
        }
        let number = scalars.prefix { isDigit($0) || chineseNumerals.contains($0) }
        guard (1...3).contains(number.count) else { return false }
        let isChinese = number.allSatisfy { chineseNumerals.contains($0) }
        guard isChinese || number.allSatisfy(isDigit) else { return false }
        let rest = scalars.dropFirst(number.count)
        guard let mark = rest.first else { return false }
        if parenthesized { return mark == ")" || mark == "）" }
        if mark == "、" { return true }
        guard !isChinese, mark == "." || mark == "．" || mark == ")" || mark == "）" else { return false }
        // `3.5%` is a number, not a point.
        return rest.dropFirst().first.map { !isDigit($0) } ?? false
    }

    private func endsInComma(_ shadow: [UInt8]) -> Bool {
        var end = shadow.count
        while true {
            if end > 0, [0x20, 0x09].contains(shadow[end - 1]) { end -= 1; continue }
            if end >= 3, Array(shadow[(end - 3)..<end]) == Self.wordJoiner { end -= 3; continue }
            break
        }
        return Self.commas.contains { end >= $0.count && Array(shadow[(end - $0.count)..<end]) == $0 }
    }

    /// Joins each sentence to the next where `joins` says the cut between them is none: a list
    /// number alone (`**1.**`), a link title's `?` (`[What Is It?](…) 描述`), an operator (`!=`).
    private static func join(_ ranges: inout [Range<Int>], where joins: (Range<Int>, Range<Int>) -> Bool) {
        var index = 0
        while index + 1 < ranges.count {
            if joins(ranges[index], ranges[index + 1]) {
                ranges[index] = ranges[index].lowerBound..<ranges[index + 1].upperBound
                ranges.remove(at: index + 1)
            } else {
                index += 1
            }
        }
    }

    /// Whether `first` ends with a link whose Latin text ends in `?`, `!` or `.` and `second`
    /// goes on as the same sentence (a Han character, a lowercase letter, a full-width comma):
    /// `根据 [What Is a Vertical Spread?](…) 描述，…` is one sentence, a title quoted in it, and
    /// was cut after the link (a real blog's finding).
    private func endsWithLinkTitleGoingOn(_ first: Range<Int>, _ second: Range<Int>, unit: TranslatableUnit) -> Bool {
        let end = trimmedEnd(first.upperBound, from: first.lowerBound, unit: unit)
        let next = trimmed(second, unit: unit).lowerBound
        return end > first.lowerBound && next < unit.text.count && endsWithLinkTitle(at: end, unit: unit) && continuesSentence(at: next, in: unit.text)
    }

    /// Whether the cut between `first` and `second` falls right after an ASCII `!` or `?` that
    /// the next byte touches, when that byte is ASCII and no capital: an operator or a query,
    /// not a sentence's end (`(year % 100) != 0 时`, `x!==y`, `/index.jsp?id=100`), which ICU
    /// cut into halves a translator could not read (a real blog's finding).
    private static func isCutAtGluedOperator(_ first: Range<Int>, _ second: Range<Int>, in text: [UInt8]) -> Bool {
        let end = first.upperBound
        guard end > first.lowerBound, end == second.lowerBound, end < text.count else { return false }
        return (text[end - 1] == UInt8(ascii: "!") || text[end - 1] == UInt8(ascii: "?"))
            && (0x21...0x7E).contains(text[end]) && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(text[end])
    }

    /// Whether a link's closing code ends at `end`, after link text whose last byte is an ASCII
    /// `?`, `!` or `.`.
    private func endsWithLinkTitle(at end: Int, unit: TranslatableUnit) -> Bool {
        guard let piece = unit.pieces.last(where: { $0.range.upperBound == end && !$0.range.isEmpty }),
              case .close(_, let close) = piece, close.count >= 2, close.lowerBound >= 1,
              unit.text[close.lowerBound] == UInt8(ascii: "]"), unit.text[close.lowerBound + 1] == UInt8(ascii: "(")
        else { return false }
        let last = unit.text[close.lowerBound - 1]
        return last == UInt8(ascii: "?") || last == UInt8(ascii: "!") || last == UInt8(ascii: ".")
    }

    /// Whether the text at `start` goes on a sentence: a Han character (not a closing or
    /// terminal mark), a lowercase Latin letter or a full-width comma.
    private func continuesSentence(at start: Int, in text: [UInt8]) -> Bool {
        let byte = text[start]
        if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { return true }
        guard byte >= 0xE3, start + 3 <= text.count else { return false }
        let scalar = String(decoding: text[start..<(start + 3)], as: UTF8.self).unicodeScalars.first
        return scalar.map { $0 == "，" || $0.properties.isIdeographic } ?? false
    }

    /// Whether the text of `range` is only a number or a Latin letter and the mark after it
    /// (`1.`, `２．`, `三、`, `(4)`, `b.`), markup aside, including emphasis markers cmark left as text (`**1.`).
    private func isListNumber(_ range: Range<Int>, unit: TranslatableUnit) -> Bool {
        var text = ""
        for piece in unit.pieces {
            guard case .text(let textRange) = piece, textRange.overlaps(range) else { continue }
            text += String(decoding: unit.text[max(textRange.lowerBound, range.lowerBound)..<min(textRange.upperBound, range.upperBound)], as: UTF8.self)
        }
        // At most six scalars count (`(１２３４)`): a sentence with more is not one, found without
        // reading its whole text's Unicode properties.
        var scalars: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars where scalar != "*" && scalar != "_" && !scalar.properties.isWhitespace {
            scalars.append(scalar)
            if scalars.count > 6 { return false }
        }
        guard let last = scalars.last, ".．、)）".unicodeScalars.contains(last) else { return false }
        var body = scalars.dropLast()
        if let first = body.first, "(（".unicodeScalars.contains(first) { body = body.dropFirst() }
        if body.count == 1, let letter = body.first, letter.isASCII, letter.properties.isAlphabetic { return true }  // a. b. c.
        return !body.isEmpty && body.count <= 4 && body.allSatisfy { $0.properties.numericType != nil }
    }

    /// A sentence loses what stands at its edges without being part of it: standalone codes
    /// (a trailing `<br/>`, a heading's `{#id}`), a pair of codes enclosing all of it, and the
    /// end of a pair whose other end is in another sentence (bold that spans two sentences, an
    /// opener left after the full stop). They stay in the document exactly where they were.
    private func strippingEnclosingPairs(_ range: Range<Int>, unit: TranslatableUnit) -> Range<Int> {
        var range = range
        while true {
            if let first = unit.pieces.first(where: { $0.range.lowerBound == range.lowerBound && !$0.range.isEmpty }),
               first.range.upperBound <= range.upperBound, isUnpaired(first, in: range, unit: unit) {
                range = trimmed(first.range.upperBound..<range.upperBound, unit: unit)
                continue
            }
            if let last = unit.pieces.last(where: { $0.range.upperBound == range.upperBound && !$0.range.isEmpty }),
               last.range.lowerBound >= range.lowerBound, isUnpaired(last, in: range, unit: unit) {
                range = trimmed(range.lowerBound..<last.range.lowerBound, unit: unit)
                continue
            }
            if let first = unit.pieces.first(where: { $0.range.lowerBound == range.lowerBound && !$0.range.isEmpty }),
               isStandalone(first, unit: unit), first.range.upperBound <= range.upperBound {
                range = trimmed(first.range.upperBound..<range.upperBound, unit: unit)
                continue
            }
            if let last = unit.pieces.last(where: { $0.range.upperBound == range.upperBound && !$0.range.isEmpty }),
               isStandalone(last, unit: unit), last.range.lowerBound >= range.lowerBound {
                range = trimmed(range.lowerBound..<last.range.lowerBound, unit: unit)
                continue
            }
            guard let first = unit.pieces.first(where: { $0.range.lowerBound == range.lowerBound && !$0.range.isEmpty }),
                  case .open(let pair, let openRange) = first,
                  let last = unit.pieces.last(where: { $0.range.upperBound == range.upperBound && !$0.range.isEmpty }),
                  case .close(pair, let closeRange) = last,
                  closeRange.lowerBound >= openRange.upperBound
            else { return range }
            range = openRange.upperBound..<closeRange.lowerBound
            range = trimmed(range, unit: unit)
        }
    }

    /// Whether `piece` is markup a sentence loses at its edges. Inline code and inline math are
    /// not: they are words of the sentence (`` `hugo` 命令用于… ``, "The `hugo` command…";
    /// `$x$ 是…`), and left outside, a translation could not put them anywhere but first (both
    /// helpers that read real docs found "`hugo` The command builds…").
    private func isStandalone(_ piece: InlinePiece, unit: TranslatableUnit) -> Bool {
        switch piece {
        case .code(let range): return !Self.isWordCode(range, in: unit.text)
        case .lineBreak, .hardBreak: return true
        default: return false
        }
    }

    /// Whether the code at `range` is inline code (`` `x` ``), inline math (`$x$`, `\(x\)`) or a
    /// web address (`https://…`, `<https://…>`), which read as words of their sentence; display
    /// math (`$$`, `\[`) does not. Left outside, an address after `下载地址：` could only follow
    /// the translation's colon with no space ("Download:https://…", a helper's finding).
    static func isWordCode(_ range: Range<Int>, in text: [UInt8]) -> Bool {
        guard !range.isEmpty else { return false }
        let first = text[range.lowerBound]
        let second = range.count > 1 ? text[range.lowerBound + 1] : 0
        if first == UInt8(ascii: "`") { return true }
        if first == UInt8(ascii: "$") { return second != UInt8(ascii: "$") }
        if first == UInt8(ascii: "h") || first == UInt8(ascii: "<") { return isWebAddress(text[range]) }
        return first == UInt8(ascii: "\\") && second == UInt8(ascii: "(")
    }

    /// `http://…` or `https://…`, bare or as an autolink (`<…>`).
    private static func isWebAddress(_ bytes: ArraySlice<UInt8>) -> Bool {
        let address = bytes.first == UInt8(ascii: "<") ? bytes.dropFirst() : bytes
        return address.starts(with: "https://".utf8) || address.starts(with: "http://".utf8)
    }

    /// Whether `piece` is an end of a pair whose other end is outside `range`.
    private func isUnpaired(_ piece: InlinePiece, in range: Range<Int>, unit: TranslatableUnit) -> Bool {
        switch piece {
        case .open(let pair, _):
            return !unit.pieces.contains { if case .close(pair, let close) = $0 { return range.contains(close.lowerBound) } else { return false } }
        case .close(let pair, _):
            return !unit.pieces.contains { if case .open(pair, let open) = $0 { return range.contains(open.lowerBound) } else { return false } }
        default:
            return false
        }
    }

    /// `range` without surrounding white space, never cutting into a code: a boundary that
    /// falls inside one moves to include all of it.
    private func trimmed(_ range: Range<Int>, unit: TranslatableUnit) -> Range<Int> {
        let trimmed = unit.text.withUnsafeBufferPointer { SentenceBreakPatterns.trimmingWhiteSpace(range, in: $0) }
        guard !trimmed.isEmpty else { return trimmed }
        var start = trimmed.lowerBound
        var end = trimmed.upperBound
        if let piece = unit.pieces.first(where: { $0.isCode && $0.range.contains(start) }) { start = piece.range.lowerBound }
        if let piece = unit.pieces.first(where: { $0.isCode && $0.range.contains(end - 1) }) { end = piece.range.upperBound }
        return start..<end
    }

    private func trimmedEnd(_ end: Int, from start: Int, unit: TranslatableUnit) -> Int {
        guard end > start else { return start }
        return trimmed(start..<end, unit: unit).upperBound
    }

    private func containsText(_ range: Range<Int>, unit: TranslatableUnit) -> Bool {
        unit.pieces.contains { piece in
            guard case .text(let textRange) = piece else { return false }
            let overlap = max(textRange.lowerBound, range.lowerBound)..<max(max(textRange.lowerBound, range.lowerBound), min(textRange.upperBound, range.upperBound))
            guard !overlap.isEmpty else { return false }
            return String(decoding: unit.text[overlap], as: UTF8.self).unicodeScalars.contains {
                $0.properties.isAlphabetic || $0.properties.numericType != nil
            }
        }
    }

    /// The sentence's text with placeholders numbered from 1 in order of appearance.
    private func render(_ range: Range<Int>, unit: TranslatableUnit) -> Piece {
        var text: [UInt8] = []
        var codes: [String: String] = [:]
        var codeRanges: [String: Range<Int>] = [:]
        var numbers: [Int: Int] = [:]
        var next = 0
        func bytes(_ r: Range<Int>) -> String { String(decoding: unit.text[r], as: UTF8.self) }
        func emit(_ placeholder: Placeholder, _ codeRange: Range<Int>) {
            codes[placeholder.key] = bytes(codeRange)
            codeRanges[placeholder.key] = codeRange
            text.append(contentsOf: placeholder.token.utf8)
        }
        for piece in unit.pieces where piece.range.overlaps(range) || (piece.range.isEmpty && (range.contains(piece.range.lowerBound) || piece.range.lowerBound == range.upperBound)) {
            // An empty piece at the sentence's end belongs to it only when it closes a pair the
            // sentence opened: cmark gives `***x***` an emphasis and a strong of the same extent,
            // so one of the two closing codes is empty, and left out at a paragraph's end the
            // sentence had `{1}` with no `{/1}` (a helper's finding on Even's preview post).
            if piece.range.isEmpty, piece.range.lowerBound == range.upperBound, !range.isEmpty {
                guard case .close(let pair, _) = piece, numbers[pair] != nil else { continue }
            }
            switch piece {
            case .text(let textRange):
                let overlap = max(textRange.lowerBound, range.lowerBound)..<min(textRange.upperBound, range.upperBound)
                text.append(contentsOf: unit.text[overlap])
            case .open(let pair, let codeRange):
                next += 1
                numbers[pair] = next
                emit(.open(next), codeRange)
            case .close(let pair, let codeRange):
                if let number = numbers[pair] {
                    emit(.close(number), codeRange)
                } else {
                    // The pair opened in an earlier sentence: a closing code on its own.
                    next += 1
                    emit(.close(next), codeRange)
                }
            case .code(let codeRange), .lineBreak(let codeRange), .hardBreak(let codeRange):
                next += 1
                emit(.standalone(next), codeRange)
            }
        }
        return Piece(range: range, text: String(decoding: text, as: UTF8.self), codes: codes, codeRanges: codeRanges)
    }
}
