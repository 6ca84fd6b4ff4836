/// Hugo's summary divider, `<!--more-->`, where text follows it on its line.
///
/// Hugo takes the divider out of the content before Markdown renders it, so
/// `<!--more--> **于是我想…**` is a paragraph in bold on the page. cmark reads a line that begins
/// with `<!--` as an HTML block, and the sentence after the divider was never a segment (and
/// was called raw HTML). Such a divider is masked like a shortcode: a code that stays as it is.
/// A divider alone on its line stays the HTML block it is to both.
enum SummaryDivider {
    static let text = Array("<!--more-->".utf8)

    /// The dividers in `bytes` that begin a line (after up to three spaces) and have text after
    /// them on that line.
    static func spansBeforeText(in bytes: [UInt8]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var lineStart = 0
        while lineStart < bytes.count {
            var start = lineStart
            while start < bytes.count, start - lineStart < 3, bytes[start] == 0x20 { start += 1 }
            let end = start + text.count
            if end <= bytes.count, bytes[start..<end].elementsEqual(text) {
                var after = end
                while after < bytes.count, bytes[after] == 0x20 || bytes[after] == 0x09 { after += 1 }
                if after < bytes.count, bytes[after] != 0x0A, bytes[after] != 0x0D { spans.append(start..<end) }
            }
            guard let newline = bytes[lineStart...].firstIndex(of: 0x0A) else { break }
            lineStart = newline + 1
        }
        return spans
    }
}
