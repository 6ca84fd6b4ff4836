/// A piece of a translatable unit: text a translator sees, or markup kept byte for byte.
public enum InlinePiece: Equatable, Sendable {
    /// Text to translate, verbatim (Markdown escapes included).
    case text(Range<Int>)
    /// The opening markup of a pair (`**`, `[`, `![`); `pair` links it to its `close`.
    case open(pair: Int, Range<Int>)
    /// The closing markup of a pair (`**`, `](https://…)`).
    case close(pair: Int, Range<Int>)
    /// Markup that stands alone: inline code, HTML, shortcodes, footnote references, autolinks.
    case code(Range<Int>)
    /// A line break inside a paragraph and the container prefix after it ("\n> ", "\n  ").
    case lineBreak(Range<Int>)
    /// A hard line break (two or more spaces or a backslash before the line's end, then the
    /// container prefix): it shows in the page, so a translation keeps it; it ends a sentence.
    case hardBreak(Range<Int>)

    /// The bytes the piece covers in its unit's text.
    public var range: Range<Int> {
        switch self {
        case .text(let range), .open(_, let range), .close(_, let range), .code(let range), .lineBreak(let range),
             .hardBreak(let range):
            return range
        }
    }

    /// Whether the piece is markup (anything but text).
    public var isCode: Bool {
        if case .text = self { return false }
        return true
    }

    /// The same kind of piece over another range.
    func withRange(_ range: Range<Int>) -> InlinePiece {
        switch self {
        case .text: return .text(range)
        case .open(let pair, _): return .open(pair: pair, range)
        case .close(let pair, _): return .close(pair: pair, range)
        case .code: return .code(range)
        case .lineBreak: return .lineBreak(range)
        case .hardBreak: return .hardBreak(range)
        }
    }

    func shifted(by delta: Int) -> InlinePiece {
        withRange((range.lowerBound + delta)..<(range.upperBound + delta))
    }
}
