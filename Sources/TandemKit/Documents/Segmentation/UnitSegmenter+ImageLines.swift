extension UnitSegmenter {
    /// The indices of the line breaks around each line of `unit` that holds only images
    /// (`![alt](src)`, also inside a link, or `<img …>`), blanks aside: they end a sentence
    /// as a hard break does. A theme renders such a line as a block between two lines of text;
    /// without this the text before it, the image and the text after it were one segment
    /// (`第一段没有句号{1}图{/1}第二段`) whenever the line before had no final punctuation.
    static func breaksAroundImageLines(of unit: TranslatableUnit) -> Set<Int> {
        var breaks = Set<Int>()
        var lineStart = 0
        for index in 0...unit.pieces.count {
            let isEnd = index == unit.pieces.count
            if !isEnd {
                switch unit.pieces[index] {
                case .lineBreak, .hardBreak: break
                default: continue
                }
            }
            if lineStart < index, isImageLine(unit.pieces[lineStart..<index], unit: unit) {
                if lineStart > 0 { breaks.insert(lineStart - 1) }
                if !isEnd { breaks.insert(index) }
            }
            lineStart = index + 1
        }
        return breaks
    }

    /// Whether `line` holds at least one image and no text outside images' alt text but blanks.
    private static func isImageLine(_ line: ArraySlice<InlinePiece>, unit: TranslatableUnit) -> Bool {
        var openImages = Set<Int>()
        var images = 0
        for piece in line {
            let bytes = unit.text[piece.range]
            switch piece {
            case .open(let pair, _):
                if bytes.starts(with: [0x21, 0x5B]) {  // `![`
                    openImages.insert(pair)
                    images += 1
                }
            case .close(let pair, _):
                openImages.remove(pair)
            case .code:
                // An image without alt text is one code (`![](a.png)`).
                if bytes.starts(with: [0x21, 0x5B]) || bytes.starts(with: Array("<img".utf8)) || bytes.starts(with: Array("<IMG".utf8)) {
                    images += 1
                } else if openImages.isEmpty, !isLinkMarkup(bytes) { return false }
            case .text:
                if openImages.isEmpty, bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) { return false }
            case .lineBreak, .hardBreak:
                return false
            }
        }
        return images > 0
    }

    /// A link's own markup around an image (`[![a](i)](u)` may come as codes when merged).
    private static func isLinkMarkup(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.first == 0x5B || bytes.starts(with: [0x5D, 0x28]) || bytes.first == 0x29
    }
}
