/// Finds bare URLs in text (`https://…`, `www.…`) and e-mail addresses (`contact@example.com`,
/// a `mailto:` link to goldmark), which Hugo's linkify turns into links and which are never
/// translated.
///
/// cmark-gfm's own autolink extension loses source positions of the text around the links it
/// makes, so Tandem leaves it off and protects bare URLs here instead, on text pieces only.
enum BareURLScanner {
    private static let schemes = ["https://", "http://", "ftp://", "www."].map { Array($0.utf8) }

    static func urls(in bytes: [UInt8], range: Range<Int>) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var index = range.lowerBound
        while index < range.upperBound {
            // Every scheme starts with h, f or w (either case): other bytes are passed by one test.
            let initial = bytes[index] | 0x20
            guard initial == UInt8(ascii: "h") || initial == UInt8(ascii: "f") || initial == UInt8(ascii: "w"),
                  let scheme = schemes.first(where: { matches($0, at: index, in: bytes, limit: range.upperBound) }),
                  index == range.lowerBound || !isURLByte(bytes[index - 1]) || bytes[index - 1] == UInt8(ascii: "(")
            else {
                index += 1
                continue
            }
            var end = index + scheme.count
            while end < range.upperBound, isURLByte(bytes[end]) { end += 1 }
            // Trailing punctuation ends the sentence, not the URL (as GFM's extended autolinks).
            while end > index + scheme.count, ".,:;!?'\")".utf8.contains(bytes[end - 1]) { end -= 1 }
            if end > index + scheme.count {
                spans.append(index..<end)
            }
            index = max(end, index + 1)
        }
        return merged(spans, emails(in: bytes, range: range))
    }

    /// E-mail addresses as goldmark's linkify finds them: letters, digits and `._+-` before the
    /// `@`; after it a domain of letters, digits, `-` and `_` with at least one dot, not ending
    /// in punctuation. (They were plain text: a pseudo-translation accented them, and the
    /// translated page lost its `mailto:` link.)
    static func emails(in bytes: [UInt8], range: Range<Int>) -> [Range<Int>] {
        func isLocal(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || ".+-_".utf8.contains(byte) }
        func isDomain(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || ".-_".utf8.contains(byte) }
        var spans: [Range<Int>] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard bytes[index] == UInt8(ascii: "@") else {
                index += 1
                continue
            }
            var start = index
            while start > range.lowerBound, isLocal(bytes[start - 1]) { start -= 1 }
            var end = index + 1
            while end < range.upperBound, isDomain(bytes[end]) { end += 1 }
            while end > index + 1, ".-_".utf8.contains(bytes[end - 1]) { end -= 1 }
            let domain = bytes[(index + 1)..<end]
            if start < index, start == range.lowerBound || bytes[start - 1] != UInt8(ascii: "/"),
               let dot = domain.firstIndex(of: UInt8(ascii: ".")), dot > index + 1, dot + 1 < end {
                spans.append(start..<end)
            }
            index = end
        }
        return spans
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// Both lists in order, an address inside a URL (`https://user@host.org/`) left to the URL.
    private static func merged(_ urls: [Range<Int>], _ emails: [Range<Int>]) -> [Range<Int>] {
        guard !emails.isEmpty else { return urls }
        let kept = emails.filter { email in !urls.contains { $0.overlaps(email) } }
        return (urls + kept).sorted { $0.lowerBound < $1.lowerBound }
    }

    private static func matches(_ pattern: [UInt8], at index: Int, in bytes: [UInt8], limit: Int) -> Bool {
        guard index + pattern.count <= limit else { return false }
        for offset in 0..<pattern.count {
            var byte = bytes[index + offset]
            if (0x41...0x5A).contains(byte) { byte += 0x20 }
            if byte != pattern[offset] { return false }
        }
        return true
    }

    /// ASCII that can appear in a URL; anything else (space, CJK punctuation) ends it.
    private static func isURLByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">")
            && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "`")
    }
}
