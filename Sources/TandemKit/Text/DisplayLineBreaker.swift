/// Cuts text into lines no wider than a number of terminal columns, at ICU line-break
/// opportunities (between words in English, between most characters in Chinese, never before
/// a closing punctuation mark), measured by `DisplayWidth`. A word wider than a whole line is
/// cut between characters. Hard line breaks in the text are kept.
///
/// Not thread-safe: it owns an ICU iterator.
public final class DisplayLineBreaker {
    private let iterator: BreakIterator

    public init() throws {
        iterator = try BreakIterator(.line, icuLocale: "root")
    }

    /// The UTF-8 ranges of `text`'s lines, each at most `width` columns once its trailing
    /// spaces are dropped; an empty text is one empty line.
    public func lines(of text: String, width: Int) -> [Range<Int>] {
        let width = max(width, 2)
        let bytes = Array(text.utf8)
        var lines: [Range<Int>] = []
        var paragraphStart = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
            lines += wrap(bytes, paragraphStart..<index, width: width)
            paragraphStart = index + 1
        }
        return lines
    }

    /// The lines of one paragraph (no newline inside).
    private func wrap(_ bytes: [UInt8], _ paragraph: Range<Int>, width: Int) -> [Range<Int>] {
        guard !paragraph.isEmpty else { return [paragraph] }
        let breaks = bytes[paragraph].withUnsafeBufferPointer { iterator.boundaries(in: $0) }.map { $0 + paragraph.lowerBound }
        var lines: [Range<Int>] = []
        var lineStart = paragraph.lowerBound
        var lineEnd = lineStart  // end of the last piece that fits
        for (from, to) in zip(breaks, breaks.dropFirst()) {
            if columns(bytes, lineStart..<trimmed(bytes, from..<to).upperBound) <= width {
                lineEnd = to
                continue
            }
            if lineEnd > lineStart {
                lines.append(lineStart..<trimmed(bytes, lineStart..<lineEnd).upperBound)
                lineStart = lineEnd
            }
            // A piece wider than a line: cut it between characters.
            while columns(bytes, lineStart..<trimmed(bytes, lineStart..<to).upperBound) > width {
                let cut = cutPoint(bytes, from: lineStart, to: to, width: width)
                lines.append(lineStart..<cut)
                lineStart = cut
            }
            lineEnd = to
        }
        lines.append(lineStart..<trimmed(bytes, lineStart..<paragraph.upperBound).upperBound)
        return lines
    }

    private func columns(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        DisplayWidth.of(String(decoding: bytes[range], as: UTF8.self))
    }

    /// `range` without its trailing spaces.
    private func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var end = range.upperBound
        while end > range.lowerBound, bytes[end - 1] == 0x20 { end -= 1 }
        return range.lowerBound..<end
    }

    /// The furthest character boundary after `from` whose text up to it fits `width` (at least
    /// one character, so a line always moves on).
    private func cutPoint(_ bytes: [UInt8], from: Int, to: Int, width: Int) -> Int {
        var used = 0
        var offset = from
        for character in String(decoding: bytes[from..<to], as: UTF8.self) {
            let size = DisplayWidth.of(character)
            if used + size > width, offset > from { break }
            used += size
            offset += character.utf8.count
        }
        return offset
    }
}
