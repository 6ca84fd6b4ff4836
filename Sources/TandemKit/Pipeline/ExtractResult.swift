/// What `extract` did for one post and one locale.
public struct ExtractResult: Codable, Equatable, Sendable {
    public var post: String
    public var locale: String
    public var segmentFile: String
    /// Segments to translate (those with nothing to translate are not counted).
    public var segments: Int
    /// Of `segments`, those translated.
    public var translated: Int
    /// Segments with nothing to translate (numbers, URLs, emoji codes), copied from the source.
    public var copied: Int
    public var changes: SegmentMerger.Report
    /// What the translation memory filled and offered (nil without a memory).
    public var leverage: LeverageSummary?
    /// Whether the segment file on disk changed.
    public var written: Bool
}
