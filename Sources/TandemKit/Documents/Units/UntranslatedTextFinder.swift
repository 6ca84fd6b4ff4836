/// Finds the Han and kana text of a post that no translatable unit reaches: a front matter
/// value whose key is not translated, a shortcode argument no rule names as text, raw HTML.
/// Each stays in the source language on every translated page, and nothing else tells the
/// user (Chinese leaked silently into English pages of real themes' example sites).
///
/// Not reported, because it is not prose or the translator already sees it: code blocks,
/// inline code, the content of raw shortcodes (`highlight`), HTML comments, link and image
/// destinations (a Chinese URL is an address), TeX math, footnote labels, heading attributes, front matter comments and `ref`/`relref` paths.
public enum UntranslatedTextFinder {
    /// Shortcodes whose arguments are paths to other pages.
    static let pathShortcodes: Set<String> = ["ref", "relref"]

    /// The untranslated Han and kana text of `document`, one entry per line and place, in order.
    public static func find(in document: HugoDocument) -> [UntranslatedText] {
        let bytes = document.bytes
        guard bytes.contains(where: { $0 >= 0xE3 }) else { return [] }  // No byte can start a Han or kana scalar.
        let reached = reachedRanges(of: document)
        var found: [UntranslatedText] = []
        var lineStart = 0, line = 1
        var index = 0
        // The entry being grown: where its text starts and ends (bytes), its place and name.
        var current: (start: Int, end: Int, place: UntranslatedText.Place, name: String?, line: Int, lineStart: Int)?
        func flush() {
            guard let entry = current else { return }
            let column = String(decoding: bytes[entry.lineStart..<entry.start], as: UTF8.self).unicodeScalars.count + 1
            found.append(UntranslatedText(
                line: entry.line, column: column, text: String(decoding: bytes[entry.start..<entry.end], as: UTF8.self),
                place: entry.place, name: entry.name))
            current = nil
        }
        var reachedIndex = 0
        while index < bytes.count {
            let byte = bytes[index]
            // A tag or a quote ends one piece of text: `<b>现在</b><i>开始</i>` are two.
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") { flush() }
            if byte == 0x0A {
                flush()
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            guard byte >= 0xE3, index + length <= bytes.count, isHanOrKana(scalar(bytes, at: index, length: length)) else {
                index += length
                continue
            }
            while reachedIndex < reached.count, reached[reachedIndex].upperBound <= index { reachedIndex += 1 }
            let isReached = reachedIndex < reached.count && reached[reachedIndex].contains(index)
            if !isReached, let (place, name) = place(of: index, in: document) {
                if let entry = current, entry.place == place, entry.name == name {
                    current!.end = index + length
                } else {
                    flush()
                    current = (index, index + length, place, name, line, lineStart)
                }
            }
            index += length
        }
        flush()
        if !document.headingFragmentLinks.isEmpty {
            let lines = LineTable(bytes)
            for link in document.headingFragmentLinks {
                let position = lines.position(of: link.offset)
                found.append(UntranslatedText(line: position.line, column: position.column, text: link.fragment, place: .headingLink))
            }
            found.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        }
        return found
    }

    /// What a translator reaches or what is never prose, sorted and merged.
    private static func reachedRanges(of document: HugoDocument) -> [Range<Int>] {
        // Code spans as cmark reads them: a paragraph, list item or table cell that is only
        // code (`` `单笔最大亏损` ``) makes no unit, and its code was reported as raw HTML.
        var ranges = document.codeBlocks + document.codeSpans
        for unit in document.units {
            guard unit.frontMatterField == nil, unit.embedding == nil else {
                ranges.append(unit.origin)
                continue
            }
            for piece in unit.pieces {
                let range = (piece.range.lowerBound + unit.origin.lowerBound)..<(piece.range.upperBound + unit.origin.lowerBound)
                switch piece {
                case .code where !range.isEmpty:
                    // Inline code is shown to the translator and is literal on purpose; a footnote
                    // reference's label is never shown (the page numbers it).
                    let first = document.bytes[range.lowerBound]
                    // Nor are a heading's attributes (`{#思路}`, an anchor id).
                    let isFootnote = first == UInt8(ascii: "[") && range.count > 1 && document.bytes[range.lowerBound + 1] == UInt8(ascii: "^")
                    if first == UInt8(ascii: "`") || first == UInt8(ascii: "{") && !isShortcode(at: range.lowerBound, in: document.bytes) || isFootnote {
                        ranges.append(range)
                    }
                default:
                    ranges.append(range)
                }
            }
        }
        ranges += htmlComments(in: document.bytes, from: document.bodyStart)
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for range in ranges where !range.isEmpty {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    /// Where unreached text at `offset` is, or nil when it is not prose (raw shortcode content,
    /// a page path).
    private static func place(of offset: Int, in document: HugoDocument) -> (UntranslatedText.Place, String?)? {
        if offset < document.bodyStart {
            guard let frontMatter = document.frontMatter else { return nil }
            // Only in a string value: a comment (`draft: true # 草稿`) or a key is not shown.
            // The innermost field: `params.note` inside `params`, whose own value is a map.
            let containing = (frontMatter.nestedFields + frontMatter.fields).filter { $0.valueRange.contains(offset) }
            guard let field = containing.min(by: { $0.valueRange.count < $1.valueRange.count }) else { return nil }
            // An address or a file is not prose: translated, `aliases` and `url` would break the
            // old links (a helper saw 85 posts of one blog told to translate them).
            let last = field.key.split(separator: ".").last.map { $0.lowercased() } ?? ""
            guard !Self.addressKeys.contains(last) else { return nil }
            switch field.value {
            case .string, .strings: return (.frontMatter, Self.keyPattern(field.key))
            case .other:
                // A map or list the reader does not enter: text inside a flow mapping
                // (`params: {note: 说明}`) stayed Chinese without a word. A key or a comment
                // inside a block map is not shown, as above.
                guard isInFlowMapping(offset, from: field.valueRange.lowerBound, in: document.bytes) else { return nil }
                // A list of flow mappings (`- {name: 官网}`) is named as translateKeys names its
                // items: `links.*`.
                let first = document.bytes[field.valueRange].first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
                let isList = first == UInt8(ascii: "-") || first == UInt8(ascii: "[")
                return (.frontMatterFlow, Self.keyPattern(field.key) + (isList ? ".*" : ""))
            }
        }
        if let span = document.opaqueSpans.first(where: { $0.contains(offset) }) {
            // Inside a shortcode's own tag, or in what a raw shortcode encloses (code).
            guard let tag = ShortcodeScanner.shortcodes(in: document.bytes, range: span).first(where: { $0.contains(offset) }) else { return nil }
            let name = ShortcodeScanner.name(of: tag, in: document.bytes)
            if let name, pathShortcodes.contains(name) { return nil }
            // A shortcode comment (`{{</* figure caption="…" */>}}`) is an example Hugo prints
            // as it is, like code: no argument of it can be translated, and the warning named a
            // shortcode "/*" to configure (a helper's finding).
            if let name, name.hasPrefix("/*") { return nil }
            return (.shortcode, name)
        }
        if isInFootnoteLabel(offset, in: document.bytes) || isInUnreferencedFootnote(offset, in: document.bytes)
            || isInDestination(offset, in: document.bytes) || isInMath(offset, in: document) { return nil }
        return (.html, nil)
    }

    /// Whether `offset` is inside a `{…}` opened after `start` (the value's first byte) and
    /// outside quotes, on its own line or an earlier one: in a YAML or TOML flow mapping.
    private static func isInFlowMapping(_ offset: Int, from start: Int, in bytes: [UInt8]) -> Bool {
        var depth = 0
        var quote: UInt8?
        var index = start
        while index < offset {
            let byte = bytes[index]
            if let open = quote {
                if byte == UInt8(ascii: "\\"), open == UInt8(ascii: "\""), index + 1 < offset {
                    index += 2
                    continue
                }
                if byte == open { quote = nil }
            } else {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
                case UInt8(ascii: "{"): depth += 1
                case UInt8(ascii: "}"): depth = max(0, depth - 1)
                case UInt8(ascii: "#"):
                    // A comment runs to the line's end.
                    while index < offset, bytes[index] != 0x0A { index += 1 }
                    continue
                default: break
                }
            }
            index += 1
        }
        return depth > 0
    }

    /// Front matter keys (the last part of a path, any case) whose values are addresses, file
    /// paths or Hugo's own names, never shown as text.
    static let addressKeys: Set<String> = [
        "aliases", "url", "slug", "permalink", "link", "layout", "type", "outputs", "images", "image", "src",
        "featuredimage", "featuredimagepreview", "thumbnail", "translationkey",
    ]

    /// A nested key as `translateKeys:` names every item of its list: `links.0.description` →
    /// `links.*.description`.
    static func keyPattern(_ key: String) -> String {
        key.split(separator: ".", omittingEmptySubsequences: false)
            .map { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) ? "*" : String($0) }
            .joined(separator: ".")
    }

    /// Whether `offset` is in TeX math of its block (the text between blank lines): a paragraph
    /// of math alone (`\begin{equation}…\text{其中}…`) is no unit at all.
    private static func isInMath(_ offset: Int, in document: HugoDocument) -> Bool {
        let bytes = document.bytes
        var start = offset
        while start > document.bodyStart, !(bytes[start - 1] == 0x0A && start >= 2 && bytes[start - 2] == 0x0A) { start -= 1 }
        var end = offset
        while end < bytes.count, !(bytes[end] == 0x0A && end + 1 < bytes.count && bytes[end + 1] == 0x0A) { end += 1 }
        return MathScanner.spans(in: bytes, range: start..<min(end + 1, bytes.count)).contains { $0.contains(offset) }
    }

    /// Whether `offset` is on the line of a footnote definition (`[^2]: …`) that no reference
    /// uses: neither cmark nor goldmark renders it, so its text is on no page (a real blog's
    /// leftover definitions were reported as raw HTML). A used one is a unit, never asked here.
    private static func isInUnreferencedFootnote(_ offset: Int, in bytes: [UInt8]) -> Bool {
        var lineStart = offset
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        var index = lineStart
        while index < offset, bytes[index] == 0x20 { index += 1 }
        guard index + 2 < bytes.count, bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "^"),
              let close = bytes[(index + 2)..<min(bytes.count, index + 200)].firstIndex(of: UInt8(ascii: "]")),
              close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: ":") else { return false }
        return true
    }

    /// Whether `offset` is inside a link or image destination on its line (`](…截图一.png)`): an
    /// address, never shown. An image with an empty alt text makes no unit, so its destination
    /// was in no unit's pieces and was reported as raw HTML.
    private static func isInDestination(_ offset: Int, in bytes: [UInt8]) -> Bool {
        var index = offset
        while index > 0 {
            index -= 1
            switch bytes[index] {
            case 0x0A, UInt8(ascii: ")"), UInt8(ascii: " "): return false
            case UInt8(ascii: "("): return index > 0 && bytes[index - 1] == UInt8(ascii: "]")
            default: continue
            }
        }
        return false
    }

    /// Whether `offset` is inside `[^…]` on its line: the label of a footnote definition
    /// (`[^注]: …`), which no page shows.
    private static func isInFootnoteLabel(_ offset: Int, in bytes: [UInt8]) -> Bool {
        var index = offset
        while index > 0 {
            index -= 1
            switch bytes[index] {
            case UInt8(ascii: "]"), 0x0A: return false
            case UInt8(ascii: "^"): return index > 0 && bytes[index - 1] == UInt8(ascii: "[")
            default: continue
            }
        }
        return false
    }

    @inline(__always)
    private static func isShortcode(at index: Int, in bytes: [UInt8]) -> Bool {
        index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "{")
    }

    /// `<!-- … -->` in the body, which no page shows.
    private static func htmlComments(in bytes: [UInt8], from start: Int) -> [Range<Int>] {
        let open: [UInt8] = Array("<!--".utf8), close: [UInt8] = Array("-->".utf8)
        var ranges: [Range<Int>] = []
        var index = start
        while let begin = firstIndex(of: open, in: bytes, from: index) {
            let end = firstIndex(of: close, in: bytes, from: begin + open.count).map { $0 + close.count } ?? bytes.count
            ranges.append(begin..<end)
            index = end
        }
        return ranges
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard start + needle.count <= bytes.count else { return nil }
        for index in start...(bytes.count - needle.count) where bytes[index] == needle[0] {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
        }
        return nil
    }

    @inline(__always)
    private static func scalar(_ bytes: [UInt8], at index: Int, length: Int) -> UInt32 {
        var value = UInt32(bytes[index]) & (length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return value
    }

    /// Han (the unified blocks, compatibility and supplementary planes) and kana.
    @inline(__always)
    static func isHanOrKana(_ value: UInt32) -> Bool {
        switch value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: return true
        default: return false
        }
    }
}
