extension UnitExtractor {
    /// The `: ` that opens a definition in Goldmark's definition lists, which Hugo turns on by
    /// default (`绿茶` then `: 不发酵的茶叶。` on the next line is `<dl><dt>绿茶</dt><dd>…</dd></dl>`):
    /// at a line's start after a line break of the paragraph, then a space or a tab. cmark
    /// reads the two lines as one paragraph, so the term and its definition were one segment,
    /// the break between them a soft one a translation could drop (the page then had a `<p>`
    /// where the source has a `<dl>`) and `: ` text to retype (a helper's finding). The marker
    /// is a code; `withDefinitionBreaks` makes the break before it a hard one.
    func definitionMarkers(in pieces: [InlinePiece]) -> [Range<Int>] {
        var markers: [Range<Int>] = []
        for index in pieces.indices.dropLast() {
            // Either kind of break: with the site's `hardWraps` every line break is a hard one.
            switch pieces[index] {
            case .lineBreak, .hardBreak: break
            default: continue
            }
            guard case .text(let text) = pieces[index + 1],
                  text.count >= 2, bytes[text.lowerBound] == UInt8(ascii: ":") else { continue }
            var end = text.lowerBound + 1
            while end < text.upperBound, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
            guard end > text.lowerBound + 1 else { continue }
            markers.append(text.lowerBound..<end)
        }
        return markers
    }

    /// `pieces` with the line break right before each definition marker (`markers`) a hard
    /// break: the term and each definition are sentences of their own, and a translation keeps
    /// the break.
    func withDefinitionBreaks(_ pieces: [InlinePiece], markers: [Range<Int>]) -> [InlinePiece] {
        guard !markers.isEmpty else { return pieces }
        let starts = Set(markers.map(\.lowerBound))
        var result = pieces
        for index in result.indices.dropLast() {
            if case .lineBreak(let range) = result[index], starts.contains(result[index + 1].range.lowerBound) {
                result[index] = .hardBreak(range)
            }
        }
        return result
    }
}
