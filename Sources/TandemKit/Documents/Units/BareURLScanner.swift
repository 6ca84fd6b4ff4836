/// Finds bare URLs in text (`https://…`, `www.…`), which Hugo's linkify turns into links and
/// which are never translated.
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
        return spans
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
