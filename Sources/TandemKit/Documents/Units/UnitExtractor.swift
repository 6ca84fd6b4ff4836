/// Finds the translatable units of a Markdown body: headings, paragraphs (also inside lists,
/// blockquotes and footnotes) and table cells, each as text and markup pieces.
///
/// Never translatable: code blocks, HTML blocks, thematic breaks, inline code, inline HTML,
/// shortcodes, autolinks, footnote references, link and image destinations. Link text and image
/// alt text are translatable, between the pair of codes that hold the link's markup.
///
/// Text inside such a code is a unit of its own (`EmbeddedText`), placed after the unit whose
/// code holds it: link and image titles, and the shortcode arguments `shortcodeParameters`
/// names (`{{< admonition tip "推荐" >}}`'s title), also in raw HTML (Hugo renders shortcodes
/// there), but not in code.
struct UnitExtractor {
    let bytes: [UInt8]
    /// Shortcodes and raw shortcode contents, never translated (see `ShortcodeScanner`).
    let opaqueSpans: [Range<Int>]
    /// Hugo's `markup.goldmark.renderer.hardWraps`: every line break of a paragraph shows on
    /// the page, so it is a hard break (it ends a sentence and a translation keeps it), not a
    /// soft one a translation may drop.
    var hardWraps = false
    private var nextPair = 0
    private var pieces: [InlinePiece] = []
    private var counters: [MarkdownNode.Kind: Int] = [:]
    private(set) var units: [TranslatableUnit] = []
    /// Code blocks, HTML blocks, inline code and inline HTML: a shortcode inside is an example.
    private var literalRanges: [Range<Int>] = []
    /// Code blocks (fenced or indented), in `bytes`: never text, whatever script they hold.
    private(set) var codeBlocks: [Range<Int>] = []
    /// Inline code spans, in `bytes`.
    private(set) var codeSpans: [Range<Int>] = []
    /// Link and image titles found while walking, as units.
    private var titles: [TranslatableUnit] = []
    /// Where the first paragraph of each blockquote starts: the place of an alert marker.
    private var blockquoteOpenings: Set<Int> = []

    init(bytes: [UInt8], opaqueSpans: [Range<Int>]) {
        self.bytes = bytes
        self.opaqueSpans = opaqueSpans
    }

    /// The units of `root`, whose positions are offset by `base` in `bytes`, in document order
    /// (a unit embedded in another's code right after it).
    static func units(
        of root: MarkdownNode, in bytes: [UInt8], base: Int, opaqueSpans: [Range<Int>],
        shortcodeParameters: ShortcodeTextParameters = .defaults
    ) -> [TranslatableUnit] {
        unitsAndCodeBlocks(of: root, in: bytes, base: base, opaqueSpans: opaqueSpans, shortcodeParameters: shortcodeParameters).units
    }

    /// `units(of:…)`, with the code blocks and the inline code spans met on the way (positions in
    /// `bytes`), a block that makes no unit (a paragraph of code alone) included.
    static func unitsAndCodeBlocks(
        of root: MarkdownNode, in bytes: [UInt8], base: Int, opaqueSpans: [Range<Int>],
        shortcodeParameters: ShortcodeTextParameters = .defaults, hardWraps: Bool = false
    ) -> (units: [TranslatableUnit], codeBlocks: [Range<Int>], codeSpans: [Range<Int>]) {
        var extractor = UnitExtractor(bytes: bytes, opaqueSpans: opaqueSpans)
        extractor.hardWraps = hardWraps
        extractor.walkBlocks(root, base: base)
        let embedded = extractor.titles + extractor.shortcodeArguments(in: base..<bytes.count, parameters: shortcodeParameters)
        guard !embedded.isEmpty else { return (extractor.units, extractor.codeBlocks, extractor.codeSpans) }
        let units = (extractor.units + embedded).enumerated()
            .sorted { ($0.element.origin.lowerBound, $0.offset) < ($1.element.origin.lowerBound, $1.offset) }
            .map(\.element)
        return (units, extractor.codeBlocks, extractor.codeSpans)
    }

    /// Units for the text arguments of every shortcode outside code (raw HTML included), and outside
    /// the content of a raw shortcode (`highlight`), whose own tag still counts.
    private func shortcodeArguments(in range: Range<Int>, parameters: ShortcodeTextParameters) -> [TranslatableUnit] {
        var units: [TranslatableUnit] = []
        var tagNumber = 0
        for span in ShortcodeScanner.shortcodes(in: bytes, range: range) {
            guard let name = ShortcodeScanner.name(of: span, in: bytes), !name.hasPrefix("/") else { continue }
            tagNumber += 1
            guard parameters.parameters[name] != nil,
                  !opaqueSpans.contains(where: { $0.lowerBound < span.lowerBound && $0.upperBound >= span.upperBound }),
                  // In code a shortcode is an example; in raw HTML Hugo renders it like anywhere
                  // else (hextra's hero buttons sit in a <div>), so its text is the page's.
                  !codeBlocks.contains(where: { $0.overlaps(span) }), !codeSpans.contains(where: { $0.overlaps(span) })
            else { continue }
            for argument in ShortcodeScanner.arguments(of: span, in: bytes) where parameters.translates(argument, of: name) {
                var unit = TranslatableUnit.plainText(
                    location: "body/shortcode[\(tagNumber)]/\(argument.name ?? String(argument.position))",
                    origin: argument.valueRange, text: Array(argument.value.utf8))
                unit.embedding = .shortcodeArgument(argument)
                if unit.hasTranslatableText { units.append(unit) }
            }
        }
        return units
    }

    /// A unit for the title of a link or image, whose closing markup (`](url "标题")`) is
    /// `close`: found from the end, and kept only when its text is the title cmark read (a
    /// reference link's title lives in its definition, which is not translated here).
    private mutating func addTitle(_ title: String, close: Range<Int>) {
        var end = close.upperBound - 1
        guard end > close.lowerBound, bytes[end] == UInt8(ascii: ")") else { return }
        end -= 1
        while end > close.lowerBound, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[end]) { end -= 1 }
        let closing = bytes[end]
        let opening: UInt8
        switch closing {
        case UInt8(ascii: "\""), UInt8(ascii: "'"): opening = closing
        case UInt8(ascii: ")"): opening = UInt8(ascii: "(")
        default: return
        }
        var start = end - 1
        while start > close.lowerBound {
            if bytes[start] == opening {
                var backslashes = 0
                while start - backslashes - 1 >= close.lowerBound, bytes[start - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
                if backslashes % 2 == 0 { break }
            }
            start -= 1
        }
        guard start > close.lowerBound, bytes[start] == opening else { return }
        // CommonMark backslash escapes (before ASCII punctuation) are the only decoding done
        // here; a title with entities does not compare equal and stays untouched.
        var decoded: [UInt8] = []
        var index = start + 1
        while index < end {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < end, Self.isASCIIPunctuation(bytes[index + 1]) {
                index += 1
            }
            decoded.append(bytes[index])
            index += 1
        }
        guard String(decoding: decoded, as: UTF8.self) == title else { return }
        var unit = TranslatableUnit.plainText(location: "body/title[\(titles.count + 1)]", origin: start..<(end + 1), text: decoded)
        unit.embedding = .linkTitle(opening: opening)
        if unit.hasTranslatableText { titles.append(unit) }
    }

    /// Visits blocks in document order with an explicit stack rather than recursion: lists and
    /// blockquotes nest as deep as a post likes, and a stack frame per level would overflow.
    private mutating func walkBlocks(_ root: MarkdownNode, base: Int) {
        var pending = [root]
        while let node = pending.popLast() {
            switch node.kind {
            case .codeBlock, .htmlBlock:
                if let range = node.range {
                    literalRanges.append((range.lowerBound + base)..<(range.upperBound + base))
                    if node.kind == .codeBlock { codeBlocks.append((range.lowerBound + base)..<(range.upperBound + base)) }
                }
                continue
            case .thematicBreak:
                continue
            case .paragraph, .heading, .tableCell:
                counters[node.kind, default: 0] += 1
                let location = "body/\(node.kind.rawValue)[\(counters[node.kind]!)]"
                if let unit = makeUnit(node, location: location, base: base, isHeading: node.kind == .heading), unit.hasTranslatableText {
                    units.append(unit)
                }
            default:
                if node.kind == .blockQuote, let first = node.children.first, first.kind == .paragraph, let range = first.range {
                    blockquoteOpenings.insert(range.lowerBound + base)
                }
                // Last child first, so the first is popped next.
                pending.append(contentsOf: node.children.reversed())
            }
        }
    }

    private mutating func makeUnit(_ block: MarkdownNode, location: String, base: Int, isHeading: Bool) -> TranslatableUnit? {
        pieces = []
        nextPair = 0
        let literalsBefore = literalRanges.count
        emitPieces(of: block, base: base)
        guard let first = pieces.first?.range.lowerBound, let last = pieces.map(\.range.upperBound).max() else { return nil }
        let origin = first..<last
        var ordered = fillGaps(pieces.sorted { $0.range.lowerBound < $1.range.lowerBound }, in: origin)
        let opaque = opaqueSpans.filter { $0.overlaps(origin) }.map { max($0.lowerBound, origin.lowerBound)..<min($0.upperBound, origin.upperBound) }
        ordered = absorb(opaque, into: ordered)
        // Math may span soft line breaks, so it is found on the unit's raw bytes.
        let math = MathScanner.spans(in: bytes, range: origin, literals: Array(literalRanges[literalsBefore...]))
        ordered = absorb(math.filter { span in !opaque.contains { $0.overlaps(span) } }, into: ordered)
        if isHeading { ordered = absorb(AttributeListScanner.headingAttributes(in: bytes, range: origin), into: ordered) }
        if block.kind == .paragraph, let attributes = AttributeListScanner.blockAttributeLine(in: bytes, range: origin) {
            ordered = absorb([attributes], into: ordered)
        }
        ordered = absorb(lookalikes(in: ordered), into: ordered)
        ordered = absorb(escapes(in: ordered), into: ordered)
        ordered = absorb(declarations(in: ordered), into: ordered)
        ordered = absorb(indents(in: ordered, origin: origin), into: ordered)
        if block.kind == .paragraph {
            let markers = definitionMarkers(in: ordered)
            ordered = withDefinitionBreaks(absorb(markers, into: ordered), markers: markers)
        }
        if block.kind == .paragraph, let range = block.range, blockquoteOpenings.contains(range.lowerBound + base),
           let marker = Self.alertMarker(in: bytes, at: origin.lowerBound, before: origin.upperBound) {
            ordered = alertPieces(absorb([marker], into: ordered), after: marker.upperBound)
        }
        ordered = mergingAdjacentCodes(HTMLTagPairing.pairing(unpairOrphans(ordered), in: bytes))
        let rebased = ordered.map { $0.shifted(by: -origin.lowerBound) }
        return TranslatableUnit(location: location, origin: origin, text: Array(bytes[origin]), pieces: rebased)
    }

    /// What is left to do for a block's inlines: a node to turn into pieces, or the closing code
    /// of a pair whose children come first.
    private enum InlineStep {
        case visit(MarkdownNode)
        case close(pair: Int, Range<Int>)
    }

    /// Pieces for the inline nodes of `block`, in document order: an explicit stack rather than
    /// recursion, since emphasis and images nest as deep as the text likes.
    private mutating func emitPieces(of block: MarkdownNode, base: Int) {
        var steps: [InlineStep] = block.children.reversed().map { .visit($0) }
        while let step = steps.popLast() {
            guard case .visit(let node) = step else {
                if case .close(let pair, let range) = step { pieces.append(.close(pair: pair, range)) }
                continue
            }
            guard let local = node.range else { continue }  // soft and hard breaks: found as gaps
            let range = (local.lowerBound + base)..<(local.upperBound + base)
            switch node.kind {
            case .text:
                // cmark's position of a text node before a hard break ("  \n") includes the
                // spaces: they belong to the break, never to the text a translator sees.
                let text = range.lowerBound..<hardBreakSpacesStart(before: range.upperBound, from: range.lowerBound)
                if !text.isEmpty { pieces.append(.text(text)) }
            case .emphasis, .strong, .strikethrough, .link, .image:
                let childRanges = node.children.compactMap(\.range)
                // cmark's positions must nest: children inside their parent. After a backslash
                // hard break and an escaped backslash (`*\` ‖ `ons:` ‖ `\\*`) its emphasis ended
                // before its last child, and the pair's closing range was reversed (a crash,
                // found by the front matter fuzzer); such a node is kept whole as a code.
                guard let firstChild = childRanges.first, let lastChild = childRanges.map(\.upperBound).max(),
                      range.lowerBound <= firstChild.lowerBound + base, firstChild.lowerBound + base <= lastChild + base,
                      lastChild + base <= range.upperBound,
                      !isAutolink(node, range: range)
                else {
                    pieces.append(.code(range))
                    continue
                }
                nextPair += 1
                pieces.append(.open(pair: nextPair, range.lowerBound..<(firstChild.lowerBound + base)))
                steps.append(.close(pair: nextPair, (lastChild + base)..<range.upperBound))
                if let title = node.title { addTitle(title, close: (lastChild + base)..<range.upperBound) }
                steps.append(contentsOf: node.children.reversed().map { .visit($0) })
            default:
                // Inline code, inline HTML, footnote references and anything unknown: kept as is.
                if node.kind == .code || node.kind == .htmlInline { literalRanges.append(range) }
                if node.kind == .code { codeSpans.append(range) }
                pieces.append(.code(range))
            }
        }
    }

    /// The marker of a GitHub-style alert that opens a blockquote (`> [!NOTE]`, `> [!TIP]-`),
    /// which Hugo renders as a callout of that type: markup, never text (translated, the alert
    /// is lost). Its range at `start`, with a `+` or `-` after it.
    static func alertMarker(in bytes: [UInt8], at start: Int, before end: Int) -> Range<Int>? {
        guard start + 3 < end, bytes[start] == UInt8(ascii: "["), bytes[start + 1] == UInt8(ascii: "!") else { return nil }
        var index = start + 2
        while index < end, (bytes[index] | 0x20) >= UInt8(ascii: "a"), (bytes[index] | 0x20) <= UInt8(ascii: "z") { index += 1 }
        guard index > start + 2, index < end, bytes[index] == UInt8(ascii: "]") else { return nil }
        index += 1
        if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        return start..<index
    }

    /// An alert's pieces with the line break that ends its first line made a hard break: the
    /// alert's title (`> [!TIP] 标题`) and its text are two segments, not one sentence.
    private func alertPieces(_ pieces: [InlinePiece], after markerEnd: Int) -> [InlinePiece] {
        var result = pieces
        if let index = result.firstIndex(where: { piece in
            if case .lineBreak = piece { return piece.range.lowerBound >= markerEnd }
            return false
        }) {
            result[index] = .hardBreak(result[index].range)
        }
        return result
    }

    /// An autolink, `<https://…>` or `<name@example.com>`: a link not written with `[`. (Bare
    /// URLs are not links here, `BareURLScanner` finds them; a link whose text is its own URL,
    /// `[https://a.b](https://a.b)`, is an ordinary link whose text `lookalikes` protects.)
    private func isAutolink(_ node: MarkdownNode, range: Range<Int>) -> Bool {
        node.kind == .link && bytes[range.lowerBound] != UInt8(ascii: "[")
    }

    /// Bytes between pieces (line breaks with their container prefix, hard-break markers).
    private func fillGaps(_ sorted: [InlinePiece], in origin: Range<Int>) -> [InlinePiece] {
        var result: [InlinePiece] = []
        var cursor = origin.lowerBound
        for piece in sorted {
            if piece.range.lowerBound > cursor {
                let gap = cursor..<piece.range.lowerBound
                // A line break with only indentation or blockquote markers after it can go
                // missing in a translation; anything else (a backtick, a hard-break "\\") is markup.
                let isBreak = bytes[gap].contains(0x0A) && bytes[gap].allSatisfy { [0x0A, 0x0D, 0x20, 0x09, UInt8(ascii: ">")].contains($0) }
                result.append(isHardBreak(gap) || (hardWraps && isBreak) ? .hardBreak(gap) : isBreak ? .lineBreak(gap) : .code(gap))
            }
            if piece.range.lowerBound < cursor {
                // Overlap (cmark positions can disagree at the edges): keep only the new part.
                guard piece.range.upperBound > cursor else { continue }
                result.append(piece.withRange(cursor..<piece.range.upperBound))
            } else {
                result.append(piece)
            }
            cursor = max(cursor, piece.range.upperBound)
        }
        return result
    }

    /// Where the spaces of a hard break ("  \n": two or more spaces, then the line's end) begin
    /// when they end at `end`; `end` itself when there is no such break.
    private func hardBreakSpacesStart(before end: Int, from start: Int) -> Int {
        guard end < bytes.count, bytes[end] == 0x0A || bytes[end] == 0x0D else { return end }
        var spaces = end
        while spaces > start, bytes[spaces - 1] == 0x20 { spaces -= 1 }
        return end - spaces >= 2 ? spaces : end
    }

    /// Whether a gap between pieces is a hard line break: two or more spaces or a backslash,
    /// then the line's end (and the next line's container prefix).
    private func isHardBreak(_ gap: Range<Int>) -> Bool {
        guard let newline = bytes[gap].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return false }
        let marker = bytes[gap.lowerBound..<newline]
        return marker.elementsEqual([UInt8(ascii: "\\")]) || (marker.count >= 2 && marker.allSatisfy { $0 == 0x20 })
    }

    /// CommonMark backslash escapes (`\*`, `\_`: a backslash before ASCII punctuation) inside
    /// text pieces. Each is a code, so the memory never holds the backslash and building writes
    /// the escape back as it was.
    private func escapes(in pieces: [InlinePiece]) -> [Range<Int>] {
        pieces.flatMap { piece -> [Range<Int>] in
            guard case .text(let range) = piece else { return [] }
            var spans: [Range<Int>] = []
            var index = range.lowerBound
            while index + 1 < range.upperBound {
                if bytes[index] == UInt8(ascii: "\\"), Self.isASCIIPunctuation(bytes[index + 1]) {
                    spans.append(index..<(index + 2))
                    index += 2
                } else {
                    index += 1
                }
            }
            return spans
        }
    }

    /// The indent a line of Chinese prose opens with, written as spaces the page keeps
    /// (`&emsp;&emsp;`, `&#12288;`, U+3000, U+2003, `&nbsp;`): markup, not words. As text it was
    /// in the first sentence of 451 paragraphs of one real blog, for the translator to retype,
    /// and the same sentence without it missed the memory (70 %).
    private func indents(in pieces: [InlinePiece], origin: Range<Int>) -> [Range<Int>] {
        var starts = [origin.lowerBound]
        for piece in pieces {
            switch piece {
            case .lineBreak(let range), .hardBreak(let range): starts.append(range.upperBound)
            default: continue
            }
        }
        return starts.compactMap { start in
            var end = start
            scan: while end < origin.upperBound {
                for token in Self.indentTokens where bytes[end...].starts(with: token) {
                    end += token.count
                    continue scan
                }
                break
            }
            return end > start ? start..<end : nil
        }
    }

    /// Wide and no-break spaces, as entities and as characters.
    private static let indentTokens: [[UInt8]] = (["&emsp;", "&ensp;", "&nbsp;", "&#12288;", "&#x3000;", "&#8195;", "&#8194;", "&#160;"]
        + ["\u{3000}", "\u{2003}", "\u{2002}", "\u{00A0}"]).map { Array($0.utf8) }

    /// HTML declarations in text (`<!DOCTYPE>`): raw HTML to goldmark, which follows CommonMark
    /// 0.30 (`<!` and a letter), but text to cmark-gfm 0.29, which wants white space inside; as
    /// text, ICU cut the sentence at its `!` (`在 HTML5 中<!` ‖ `DOCTYPE>只有一种`, a real blog).
    /// cmark splits the text at the `<`, so runs of adjacent text pieces are read together.
    private func declarations(in pieces: [InlinePiece]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var run: Range<Int>?
        func scan(_ range: Range<Int>) {
            var index = range.lowerBound
            while index + 2 < range.upperBound {
                guard bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "!"),
                      (bytes[index + 2] | 0x20) >= UInt8(ascii: "a"), (bytes[index + 2] | 0x20) <= UInt8(ascii: "z"),
                      let close = bytes[(index + 2)..<range.upperBound].firstIndex(of: UInt8(ascii: ">"))
                else {
                    index += 1
                    continue
                }
                spans.append(index..<(close + 1))
                index = close + 1
            }
        }
        for piece in pieces {
            guard case .text(let range) = piece else {
                if let current = run { scan(current) }
                run = nil
                continue
            }
            if let current = run, current.upperBound == range.lowerBound { run = current.lowerBound..<range.upperBound } else {
                if let current = run { scan(current) }
                run = range
            }
        }
        if let current = run { scan(current) }
        return spans
    }

    /// CommonMark's ASCII punctuation: what a backslash escapes.
    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    /// Bare URLs and text that looks like a Tandem placeholder, inside text pieces.
    private func lookalikes(in pieces: [InlinePiece]) -> [Range<Int>] {
        pieces.flatMap { piece -> [Range<Int>] in
            guard case .text(let range) = piece else { return [] }
            let found = BareURLScanner.urls(in: bytes, range: range) + Placeholder.ranges(in: bytes, range: range)
            // Non-overlapping, in order.
            var spans: [Range<Int>] = []
            for span in found.sorted(by: { ($0.lowerBound, -$0.count) < ($1.lowerBound, -$1.count) })
            where spans.last.map({ span.lowerBound >= $0.upperBound }) ?? true {
                spans.append(span)
            }
            return spans
        }
    }

    /// Makes each span one standalone code: text around it stays text, markup inside it is
    /// swallowed.
    private func absorb(_ spans: [Range<Int>], into pieces: [InlinePiece]) -> [InlinePiece] {
        guard !spans.isEmpty else { return pieces }
        var result: [InlinePiece] = []
        var spanIndex = 0
        for piece in pieces {
            var remaining: Range<Int>? = piece.range
            while let current = remaining {
                while spanIndex < spans.count, spans[spanIndex].upperBound <= current.lowerBound {
                    spanIndex += 1
                }
                guard spanIndex < spans.count, spans[spanIndex].lowerBound < current.upperBound else {
                    result.append(piece.withRange(current))
                    remaining = nil
                    continue
                }
                let span = spans[spanIndex]
                // A span inside markup (a shortcode as a link's destination,
                // `[指南]({{< relref "b.md" >}})`) is markup already: the pair stays a pair.
                // Split, the link became two lone codes a translation could swap.
                if piece.isCode, current.lowerBound <= span.lowerBound, span.upperBound <= current.upperBound {
                    spanIndex += 1
                    continue
                }
                if current.lowerBound < span.lowerBound {
                    let head = current.lowerBound..<span.lowerBound
                    if case .text = piece { result.append(.text(head)) } else { result.append(.code(head)) }
                }
                if result.last?.range != span { result.append(.code(span)) }
                if current.upperBound > span.upperBound, case .text = piece {
                    remaining = span.upperBound..<current.upperBound
                } else if current.upperBound > span.upperBound {
                    // Markup straddling the span's end: its tail stays as a code.
                    remaining = nil
                    result.append(.code(span.upperBound..<current.upperBound))
                } else {
                    remaining = nil
                }
            }
        }
        return result
    }

    /// Codes with nothing between them are one code: cmark leaves the backticks of inline code
    /// outside its position, and a translator needs one placeholder, not three.
    private func mergingAdjacentCodes(_ pieces: [InlinePiece]) -> [InlinePiece] {
        var result: [InlinePiece] = []
        for piece in pieces {
            if case .code(let range) = piece, case .code(let previous)? = result.last, previous.upperBound == range.lowerBound {
                result[result.count - 1] = .code(previous.lowerBound..<range.upperBound)
            } else {
                result.append(piece)
            }
        }
        return result
    }

    /// An opening or closing code whose partner was swallowed becomes a standalone code.
    private func unpairOrphans(_ pieces: [InlinePiece]) -> [InlinePiece] {
        var opens = Set<Int>()
        var closes = Set<Int>()
        for piece in pieces {
            if case .open(let pair, _) = piece { opens.insert(pair) }
            if case .close(let pair, _) = piece { closes.insert(pair) }
        }
        return pieces.map { piece in
            switch piece {
            case .open(let pair, let range) where !closes.contains(pair): return .code(range)
            case .close(let pair, let range) where !opens.contains(pair): return .code(range)
            default: return piece
            }
        }
    }
}
