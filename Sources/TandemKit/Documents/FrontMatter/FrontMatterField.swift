/// A top-level key of a post's front matter, with where its value is written.
public struct FrontMatterField: Sendable {
    /// How the value is written, so a replacement can be written the same way.
    public enum Style: Equatable, Sendable {
        case plain, singleQuoted, doubleQuoted, block
        /// A YAML block sequence; `prefix` is what precedes each `- ` (the indentation),
        /// `quote` the quote character of its items (empty when plain).
        case blockSequence(prefix: String, quote: String)
        /// A flow list `[a, b]`, in YAML, TOML or JSON; `quote` as above.
        case flowSequence(quote: String)
    }

    public var key: String
    public var value: FrontMatterValue
    /// The bytes of the value in the document (quotes included), which a translation replaces.
    public var valueRange: Range<Int>
    public var style: Style
    /// 1-based line of the key in the file.
    public var line: Int

    public init(key: String, value: FrontMatterValue, valueRange: Range<Int>, style: Style, line: Int) {
        self.key = key
        self.value = value
        self.valueRange = valueRange
        self.style = style
        self.line = line
    }
}
