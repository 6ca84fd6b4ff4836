import Foundation

/// What one run of one participant did: the line every participant (Tandem or peer) prints,
/// `BENCH ` followed by this object as JSON.
struct RunResult: Codable, Sendable {
    var participant: String
    /// Wall-clock seconds of the measured work only (loading the input is outside).
    var seconds: Double
    /// UTF-8 bytes of input processed, for `Metric.megabytesPerSecond`.
    var bytes: Int?
    /// Items processed (sentences, queries, units), for `Metric.itemsPerSecond`.
    var items: Int?
    /// A number derived from the output, so a participant that skipped the work shows.
    var checksum: Int?
    /// Anything else worth a column (recall, index build time), by name.
    var notes: [String: Double]?

    /// The result line.
    func line() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return "BENCH " + String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
