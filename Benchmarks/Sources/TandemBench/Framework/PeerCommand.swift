/// A peer's command line. The command prints one `BENCH {json}` line per run (see
/// `Benchmarks/peers/bench_result.py` for the Python side of that format).
struct PeerCommand: Codable, Sendable {
    var name: String
    var arguments: [String]
}
