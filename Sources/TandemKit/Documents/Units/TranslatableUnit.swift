/// A block of text a translator translates as a whole before it is cut into sentences: a
/// paragraph, heading, table cell, or a front matter value such as `title`.
public struct TranslatableUnit: Sendable {
    /// Where the unit sits, such as `body/paragraph[3]` or `front/title`.
    public var location: String
    /// The bytes of the document the unit replaces when it is built (for a front matter value:
    /// the whole encoded scalar, quotes included).
    public var origin: Range<Int>
    /// The unit's text: the document's bytes for body units, the decoded value for front matter.
    public var text: [UInt8]
    /// `text` as text and markup, in order, covering all of it.
    public var pieces: [InlinePiece]
    /// For front matter values: how to write a translated value back.
    public var frontMatterField: FrontMatterField?
    /// For an item of a list-valued front matter field (`tags`): its index in the list, which
    /// is written back whole, in its own shape.
    public var frontMatterItem: Int?
    /// For text inside a code of the body (a shortcode argument, a link title): how it is
    /// written back.
    public var embedding: EmbeddedText?

    public init(
        location: String, origin: Range<Int>, text: [UInt8], pieces: [InlinePiece], frontMatterField: FrontMatterField? = nil,
        frontMatterItem: Int? = nil, embedding: EmbeddedText? = nil
    ) {
        self.location = location
        self.origin = origin
        self.text = text
        self.pieces = pieces
        self.frontMatterField = frontMatterField
        self.frontMatterItem = frontMatterItem
        self.embedding = embedding
    }

    /// Whether the unit is a paragraph of the body (at the top, in a list item or a quote),
    /// whose lines a block marker at their start would turn into another block.
    public var isParagraph: Bool { location.hasPrefix("body/\(MarkdownNode.Kind.paragraph.rawValue)[") }

    /// Whether the unit is a cell of a GFM table, where a `|` ends the cell.
    public var isTableCell: Bool { location.hasPrefix("body/\(MarkdownNode.Kind.tableCell.rawValue)[") }

    /// A unit of plain text (a front matter value, a shortcode argument): text pieces around
    /// what must stay as written (shortcodes, bare URLs, placeholder lookalikes).
    static func plainText(location: String, origin: Range<Int>, text: [UInt8]) -> TranslatableUnit {
        let codes = ShortcodeScanner.shortcodes(in: text, range: 0..<text.count)
            + BareURLScanner.urls(in: text, range: 0..<text.count)
            + Placeholder.ranges(in: text, range: 0..<text.count)
        var pieces: [InlinePiece] = []
        var cursor = 0
        for code in codes.sorted(by: { $0.lowerBound < $1.lowerBound }) where code.lowerBound >= cursor {
            if code.lowerBound > cursor { pieces.append(.text(cursor..<code.lowerBound)) }
            pieces.append(.code(code))
            cursor = code.upperBound
        }
        if cursor < text.count { pieces.append(.text(cursor..<text.count)) }
        return TranslatableUnit(location: location, origin: origin, text: text, pieces: pieces)
    }

    /// Whether there is anything to translate: some text piece holds a letter (numbers alone
    /// are not translated).
    public var hasTranslatableText: Bool {
        pieces.contains { piece in
            guard case .text(let range) = piece else { return false }
            return String(decoding: text[range], as: UTF8.self).unicodeScalars.contains { $0.properties.isAlphabetic }
        }
    }
}
