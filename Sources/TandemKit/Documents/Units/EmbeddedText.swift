/// Text held inside markup that is itself one code of a paragraph: a shortcode argument
/// (`{{< admonition tip "推荐" >}}`) or a link or image title (`[a](url "标题")`). Such a unit's
/// `origin` lies inside another unit's code (or in no unit, for a shortcode on its own line),
/// and its translation is written back in the markup's own quoting.
public enum EmbeddedText: Equatable, Sendable {
    /// A shortcode argument; `origin` covers the value with its quotes.
    case shortcodeArgument(ShortcodeArgument)
    /// A link or image title; `origin` covers it with its delimiters (`"…"`, `'…'` or `(…)`).
    case linkTitle(opening: UInt8)

    /// `text` encoded for the document, delimiters included.
    public func encoded(_ text: String) -> String {
        switch self {
        case .shortcodeArgument(let argument):
            return argument.encoded(text)
        case .linkTitle(let opening):
            let closing: Character = opening == UInt8(ascii: "(") ? ")" : Character(Unicode.Scalar(opening))
            let openingCharacter = Character(Unicode.Scalar(opening))
            // A backslash escapes ASCII punctuation in CommonMark: doubling every backslash
            // and escaping the delimiters keeps the title's text as written.
            var result = String(openingCharacter)
            for character in text {
                if character == "\\" || character == closing || character == openingCharacter { result.append("\\") }
                result.append(character)
            }
            result.append(closing)
            return result
        }
    }
}
