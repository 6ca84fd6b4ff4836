/// What `extract` did for one post and one locale.
public struct ExtractResult: Codable, Equatable, Sendable {
    public var post: String
    public var locale: String
    public var segmentFile: String
    public var segments: Int
    public var translated: Int
    public var changes: SegmentMerger.Report
    /// What the translation memory filled and offered (nil without a memory).
    public var leverage: LeverageSummary?
    /// Whether the segment file on disk changed.
    public var written: Bool
}
