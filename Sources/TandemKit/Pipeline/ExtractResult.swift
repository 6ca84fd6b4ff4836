/// What `extract` did for one post and one locale.
public struct ExtractResult: Codable, Equatable, Sendable {
    public var post: String
    public var locale: String
    public var segmentFile: String
    public var segments: Int
    public var translated: Int
    public var changes: SegmentMerger.Report
    /// Whether the segment file on disk changed.
    public var written: Bool
}
