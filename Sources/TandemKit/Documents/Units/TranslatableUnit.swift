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

    public init(location: String, origin: Range<Int>, text: [UInt8], pieces: [InlinePiece], frontMatterField: FrontMatterField? = nil) {
        self.location = location
        self.origin = origin
        self.text = text
        self.pieces = pieces
        self.frontMatterField = frontMatterField
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
