/// One benchmark suite: a hot path of Tandem measured against peers on the same input.
///
/// Adding a suite is one file in `Suites/` conforming to this protocol, plus one line in
/// `SuiteRegistry.all`. A suite whose Tandem API has not landed yet lists its peers only
/// (`tandemVariants` empty): the driver still runs and prints them, so the Tandem side is a
/// matter of filling in `run(variant:data:)`.
protocol BenchmarkSuite: Sendable {
    /// Short identifier, used on the command line (`tandem-bench run segmentation tandem`).
    var name: String { get }
    /// One line for the table heading.
    var title: String { get }
    /// How the throughput of a run is computed from its result line.
    var metric: Metric { get }
    /// The participant every ratio in the suite is taken against.
    var baseline: String { get }
    /// What Tandem must reach, checked by the driver after the runs.
    var targets: [Target] { get }
    /// The names of Tandem's participants; each runs in its own process through `run(variant:data:)`.
    var tandemVariants: [String] { get }
    /// The peers' command lines on the same input.
    func peers(_ paths: BenchmarkPaths) -> [PeerCommand]
    /// Runs one Tandem participant once over the suite's data and reports what it did.
    func run(variant: String, data: BenchmarkPaths) throws -> RunResult
}

extension BenchmarkSuite {
    /// Peers only until Tandem's API for the suite lands.
    var tandemVariants: [String] { [] }

    func run(variant: String, data: BenchmarkPaths) throws -> RunResult {
        throw BenchmarkError.unknownVariant(suite: name, variant: variant)
    }
}
