import Foundation

/// Where a run finds its data and its peers: `bench-data/` built by
/// `Benchmarks/scripts/prepare-data.sh`, the peer scripts, and the Python of the venv.
struct BenchmarkPaths: Sendable {
    var data: URL
    var peers: URL
    var python: String
    var peerBinaries: URL

    /// A file of the prepared data, by its path under `bench-data/`.
    func data(_ relativePath: String) -> String { data.appendingPathComponent(relativePath).path }
    /// A peer script or source file under `Benchmarks/peers/`.
    func peer(_ name: String) -> String { peers.appendingPathComponent(name).path }
    /// A peer program compiled by the driver (the ICU C chain).
    func binary(_ name: String) -> String { peerBinaries.appendingPathComponent(name).path }
}
