/// A goal from `shared/docs/performance.md`: `participant` at least `ratio` times `reference`'s
/// throughput, measured in the same run.
struct Target: Codable, Sendable {
    var participant: String
    var reference: String
    var ratio: Double
}
