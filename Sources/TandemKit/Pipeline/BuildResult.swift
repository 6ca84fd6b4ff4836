/// What `build` did for one post and one locale.
public struct BuildResult: Codable, Equatable, Sendable {
    public enum Status: String, Codable, Sendable {
        /// The translated post was written.
        case built
        /// The translated post was already up to date.
        case unchanged
        /// Not enough segments are translated (see `--min-complete`).
        case incomplete
        /// There is no segment file: run `tandem extract`.
        case missingSegments = "missing-segments"
    }

    public var post: String
    public var locale: String
    public var output: String?
    /// Translated share of the post's segments, 0–100.
    public var complete: Double
    public var status: Status
}
