/// How a suite turns a run's result line into a throughput figure (higher is better).
enum Metric: String, Codable, Sendable {
    /// Input UTF-8 bytes per second, in MB/s (10^6 bytes).
    case megabytesPerSecond = "MB/s"
    /// Queries (or lookups, units) per second.
    case itemsPerSecond = "items/s"
}
