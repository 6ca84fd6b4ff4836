/// A translation memory match offered for a segment.
public struct MatchCandidate: Codable, Equatable, Sendable {
    /// 0–100 for fuzzy matches, 100 exact, 101 in context.
    public var score: Int
    /// The source stored in the memory (with placeholders).
    public var source: String
    /// Its translation.
    public var target: String
    /// Where the memory unit came from (a segment file path and id, or a TMX file).
    public var origin: String?
    /// How the stored source differs from the segment's source, character by character:
    /// `[-only in the stored source-]{+only in the segment+}`; absent when they are the same.
    public var diff: String?

    public init(score: Int, source: String, target: String, origin: String? = nil, diff: String? = nil) {
        self.score = score
        self.source = source
        self.target = target
        self.origin = origin
        self.diff = diff
    }
}
