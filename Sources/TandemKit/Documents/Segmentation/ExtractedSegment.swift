/// A sentence of a document as extracted: where it is, its text with placeholders and the
/// markup each placeholder stands for.
public struct ExtractedSegment: Equatable, Sendable {
    /// Stable identity (see `SegmentIdentity`).
    public var id: String
    /// `<unit location>/s[<n>]`, such as `body/paragraph[3]/s[2]`.
    public var location: String
    /// Index of the unit in `HugoDocument.units`.
    public var unitIndex: Int
    /// Byte range in the unit's text that the translation replaces.
    public var range: Range<Int>
    /// The source with `{1}…{/1}` and `{2/}` placeholders.
    public var text: String
    /// Placeholder key (`1`, `/1`, `2/`) to the original bytes.
    public var codes: [String: String]
    /// Placeholder key to the byte range in the unit's text it stands for (what a unit embedded
    /// in that code, such as a shortcode's title, is written into when built).
    public var codeRanges: [String: Range<Int>]

    public init(
        id: String, location: String, unitIndex: Int, range: Range<Int>, text: String, codes: [String: String],
        codeRanges: [String: Range<Int>] = [:]
    ) {
        self.id = id
        self.location = location
        self.unitIndex = unitIndex
        self.range = range
        self.text = text
        self.codes = codes
        self.codeRanges = codeRanges
    }
}
