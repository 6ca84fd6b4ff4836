/// What the memory offers for one segment.
public struct SegmentLeverage: Equatable, Sendable {
    public var segmentID: String
    /// An in-context or exact match, good enough to fill the target.
    public var fill: MemoryMatch?
    /// Fuzzy matches, best first (empty when `fill` is set).
    public var candidates: [MemoryMatch]

    public init(segmentID: String, fill: MemoryMatch?, candidates: [MemoryMatch]) {
        self.segmentID = segmentID
        self.fill = fill
        self.candidates = candidates
    }
}
