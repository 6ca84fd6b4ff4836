/// Inline HTML tags that open and close around text (`<mark>这一点</mark>`, `<abbr>`, `<q>`,
/// `<kbd>`) made a pair, `{1}这一点{/1}`, as Markdown's emphasis is.
///
/// cmark gives each tag as a node of its own, and each became a lone code: a translation that
/// swapped them (`Note{2/} this{1/}`) was accepted and built `</mark> this<mark>` (a helper's
/// finding on the NexT theme's docs), and an opening tag at a sentence's start was left outside
/// the sentence with its closing tag inside, so a translation that moved the words highlighted
/// the wrong ones. As a pair, the checks that refuse misnested Markdown refuse it too, and the
/// pair moves with its words.
///
/// Only tags that nest properly, within the Markdown pairs around them, and hold text are
/// paired; void elements (`<br>`, `<img>`), self-closing tags and anything unmatched stay lone
/// codes.
enum HTMLTagPairing {
    /// Elements that never have a closing tag.
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// One opening thing on the way: a Markdown pair, or an HTML tag at a piece's index.
    private enum Opening {
        case markdown(pair: Int)
        case tag(name: String, index: Int)
    }

    static func pairing(_ pieces: [InlinePiece], in bytes: [UInt8]) -> [InlinePiece] {
        var result = pieces
        var nextPair = pieces.reduce(0) { highest, piece in
            switch piece {
            case .open(let pair, _), .close(let pair, _): return max(highest, pair)
            default: return highest
            }
        }
        var stack: [Opening] = []
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case .open(let pair, _):
                stack.append(.markdown(pair: pair))
            case .close(let pair, _):
                // Tags opened inside the Markdown pair and not closed there stay lone codes.
                while let top = stack.popLast() {
                    if case .markdown(let opened) = top, opened == pair { break }
                }
            case .code(let range):
                guard let tag = tag(in: bytes[range]) ?? shortcodeTag(in: bytes[range]) else { continue }
                // A shortcode that closes nowhere in the unit is an inline one (`{{< icon >}}`),
                // never waiting for its end: on the stack, it would keep an HTML pair around it
                // from closing.
                if !tag.isClosing, tag.name.hasPrefix(Self.shortcodePrefix),
                   !pieces[(index + 1)...].contains(where: { later in
                       guard case .code(let laterRange) = later, let closing = shortcodeTag(in: bytes[laterRange]) else { return false }
                       return closing.isClosing && closing.name == tag.name
                   }) {
                    continue
                }
                if !tag.isClosing {
                    stack.append(.tag(name: tag.name, index: index))
                } else if case .tag(let name, let openIndex)? = stack.last, name == tag.name {
                    stack.removeLast()
                    // Tags around markup alone (`<span>{{< figure >}}</span>`) stay one code.
                    guard pieces[(openIndex + 1)..<index].contains(where: { !$0.isCode }) else { continue }
                    nextPair += 1
                    result[openIndex] = .open(pair: nextPair, pieces[openIndex].range)
                    result[index] = .close(pair: nextPair, range)
                } else if let depth = stack.lastIndex(where: { if case .tag(let name, _) = $0 { name == tag.name } else { false } }),
                          !stack[depth...].contains(where: { if case .markdown = $0 { true } else { false } }) {
                    // Closed across another open tag (`<i>…<b>…</i>…</b>`): neither is a pair.
                    stack.removeSubrange(depth...)
                }
            default:
                continue
            }
        }
        return result
    }

    /// What a shortcode's name is prefixed with among the tag names: `<note>` and
    /// `{{< note >}}` are not one element.
    static let shortcodePrefix = "{{"

    /// The name of `text` (prefixed `{{`) when it is exactly one opening (`{{% note %}}`,
    /// `{{< hint info >}}`) or closing (`{{% /note %}}`) shortcode tag: a paired shortcode inside
    /// a paragraph (`{{% note %}}**提示**{{% /note %}}`) was two lone codes a translation could
    /// swap, and Hugo then refused to build the whole site (a helper's finding). Self-closing
    /// tags (`{{< x />}}`) and comments (`{{</* x */>}}`) are not.
    static func shortcodeTag(in text: ArraySlice<UInt8>) -> (name: String, isClosing: Bool)? {
        guard text.count >= 7, text.starts(with: "{{".utf8), text.last == UInt8(ascii: "}"),
              text[text.endIndex - 2] == UInt8(ascii: "}") else { return nil }
        let delimiter = text[text.startIndex + 2]
        guard delimiter == UInt8(ascii: "<") || delimiter == UInt8(ascii: "%") else { return nil }
        let closer = delimiter == UInt8(ascii: "<") ? UInt8(ascii: ">") : delimiter
        guard text[text.endIndex - 3] == closer else { return nil }
        var inner = text[(text.startIndex + 3)..<(text.endIndex - 3)]
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        while let first = inner.first, isSpace(first) { inner = inner.dropFirst() }
        while let last = inner.last, isSpace(last) { inner = inner.dropLast() }
        guard !inner.isEmpty, inner.first != UInt8(ascii: "*"), inner.last != UInt8(ascii: "/") else { return nil }
        let isClosing = inner.first == UInt8(ascii: "/")
        if isClosing {
            inner = inner.dropFirst()
            while let first = inner.first, isSpace(first) { inner = inner.dropFirst() }
        }
        let name = inner.prefix { !isSpace($0) }
        guard !name.isEmpty, !name.contains(UInt8(ascii: "\"")), !isClosing || name.count == inner.count else { return nil }
        return (shortcodePrefix + String(decoding: name, as: UTF8.self), isClosing)
    }

    /// The element name of `text` when it is exactly one opening tag (`<mark class="x">`) or
    /// closing tag (`</mark>`) of an element that can hold text; nil for anything else.
    static func tag(in text: ArraySlice<UInt8>) -> (name: String, isClosing: Bool)? {
        guard text.count >= 3, text.first == UInt8(ascii: "<"), text.last == UInt8(ascii: ">") else { return nil }
        var index = text.startIndex + 1
        let isClosing = text[index] == UInt8(ascii: "/")
        if isClosing { index += 1 }
        let nameStart = index
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        guard index < text.endIndex, isLetter(text[index]) else { return nil }
        while index < text.endIndex, isLetter(text[index]) || (0x30...0x39).contains(text[index]) || text[index] == UInt8(ascii: "-") { index += 1 }
        let name = String(decoding: text[nameStart..<index], as: UTF8.self).lowercased()
        guard !voidElements.contains(name) else { return nil }
        let rest = text[index..<(text.endIndex - 1)]
        if isClosing {
            guard rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return nil }
        } else {
            // Attributes must follow white space; a tag ending in `/>` closes itself. No other
            // `<` or `>` inside: one tag, not two.
            guard rest.isEmpty || [0x20, 0x09, 0x0A, 0x0D].contains(rest.first!),
                  rest.last != UInt8(ascii: "/"),
                  !rest.contains(UInt8(ascii: "<")), !rest.contains(UInt8(ascii: ">"))
            else { return nil }
        }
        return (name, isClosing)
    }
}
