/// Where a translated post needs a space between two sentences that the source wrote without
/// one: Chinese and Japanese run sentences together (`…了。他说…`), English and most other
/// languages separate them (`…found none. In the Yang family…`). Without this, a real zh→en
/// build glues sentences (`none.In`), in the rendered page too.
enum SentenceJoining {
    /// Languages written without spaces between sentences.
    static let unspacedLanguages: Set<String> = ["zh", "ja", "th", "lo", "km", "my", "bo"]

    /// Insertions of one space (empty ranges) between consecutive sentences of `unit` where the
    /// source has no white space between them and the texts meeting there are of a spaced
    /// script: the letter or punctuation before is not CJK, nor the one after. A sentence
    /// without a target keeps its source and counts with its source text, so an identity
    /// translation of Chinese gets no space and stays byte-exact. Only a junction the source
    /// wrote in CJK fashion gets one: where the source itself has spaced text on both sides
    /// (`Yahoo!Japan`, `mermaid!code`), running the sentences together was the author's choice,
    /// and adding a space would change a post that needs no change (found by fuzzing).
    static func spaces(
        between segments: [ExtractedSegment], in unit: TranslatableUnit, targetLanguage: LocaleTag?, targets: [String: String]
    ) -> [(range: Range<Int>, bytes: [UInt8])] {
        if let targetLanguage, unspacedLanguages.contains(targetLanguage.language) { return [] }
        guard segments.count > 1 else { return [] }
        var insertions: [(range: Range<Int>, bytes: [UInt8])] = []
        for index in 1..<segments.count {
            let previous = segments[index - 1]
            let next = segments[index]
            guard targets[previous.id] != nil || targets[next.id] != nil else { continue }
            let gap = previous.range.upperBound..<next.range.lowerBound
            guard !gap.isEmpty || previous.range.upperBound == next.range.lowerBound else { continue }
            // White space in the gap separates the sentences already, unless inline code comes
            // before it (code outside both segments, before a space), which built as
            // `…headings.`<h1>` is…` reads "headings.<h1> is".
            var codeFirst: Int?
            if let space = unit.text[gap].firstIndex(where: { Self.isWhiteSpace($0) }) {
                guard let code = leadingInlineCode(in: gap.lowerBound..<space, unit: unit) else { continue }
                codeFirst = code
            }
            let before = edge(of: targets[previous.id] ?? previous.text, codes: previous.codes, last: true)
            let after = codeFirst != nil ? "`" : edge(of: targets[next.id] ?? next.text, codes: next.codes, last: false)
            guard let before, let after, isSpaced(before), isSpaced(after) else { continue }
            let sourceBefore = CodedText(previous.text).plainText.unicodeScalars.last
            let sourceAfter = CodedText(next.text).plainText.unicodeScalars.first
            if let sourceBefore, let sourceAfter, isSpaced(sourceBefore), isSpaced(sourceAfter) { continue }
            let offset = codeFirst ?? insertionPoint(in: gap, unit: unit)
            insertions.append((offset..<offset, [0x20]))
        }
        return insertions
    }

    /// The first (or last) character a reader sees of a sentence's coded text: its text's, or,
    /// where a placeholder stands at that edge (inline code that opens the sentence, `{1/} is
    /// the highest level.`), its code's.
    private static func edge(of text: String, codes: [String: String], last: Bool) -> Unicode.Scalar? {
        if let key = edgePlaceholder(of: text, last: last), let code = codes[key],
           let scalar = last ? code.unicodeScalars.last : code.unicodeScalars.first {
            return scalar
        }
        let plain = CodedText(text).plainText.unicodeScalars
        return last ? plain.last : plain.first
    }

    /// The key of the placeholder (`1/`, `1`, `/1`) at the start or end of `text`, if one is there.
    private static func edgePlaceholder(of text: String, last: Bool) -> String? {
        let token: Substring
        if last {
            guard text.hasSuffix("}"), let open = text.lastIndex(of: "{") else { return nil }
            token = text[text.index(after: open)..<text.index(before: text.endIndex)]
        } else {
            guard text.hasPrefix("{"), let close = text.firstIndex(of: "}") else { return nil }
            token = text[text.index(after: text.startIndex)..<close]
        }
        let digits = token.drop { $0 == "/" }.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, token.allSatisfy({ $0 == "/" || ($0.isASCII && $0.isNumber) }) else { return nil }
        return String(token)
    }

    private static func isWhiteSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// Where an inline code span (`` `x` ``) starts in `range`, when only closing markup comes
    /// before it there.
    private static func leadingInlineCode(in range: Range<Int>, unit: TranslatableUnit) -> Int? {
        var offset = range.lowerBound
        for piece in unit.pieces where piece.range.lowerBound == offset && piece.range.upperBound <= range.upperBound {
            switch piece {
            case .close: offset = piece.range.upperBound
            case .code(let code): return unit.text[code.lowerBound] == UInt8(ascii: "`") ? code.lowerBound : nil
            default: return nil
            }
        }
        return nil
    }

    /// Whether `scalar` belongs to text that separates sentences with spaces (not CJK, not space).
    private static func isSpaced(_ scalar: Unicode.Scalar) -> Bool {
        !MatchSymbolizer.isCJK(scalar.value) && !scalar.properties.isWhitespace
    }

    /// Where in the gap between two sentences the space goes: after the markup that closes the
    /// first (`**`, a footnote reference), before the markup that opens the second.
    private static func insertionPoint(in gap: Range<Int>, unit: TranslatableUnit) -> Int {
        var offset = gap.lowerBound
        for piece in unit.pieces where piece.range.lowerBound == offset && piece.range.upperBound <= gap.upperBound {
            switch piece {
            case .close, .code: offset = piece.range.upperBound
            default: return offset
            }
        }
        return offset
    }
}
