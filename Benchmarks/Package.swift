// swift-tools-version: 6.0
// Tandem's benchmarks: a package of its own so that nothing it depends on reaches the users of
// TandemKit. Built in release mode by `make bench` (see BENCHMARKS.md at the repository root).
import PackageDescription

let package = Package(
    name: "TandemBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // The project itself, by path: the benchmarks always measure the working tree.
        .package(name: "Tandem", path: ".."),
    ],
    targets: [
        // One executable: `tandem-bench list` describes every suite and its peers,
        // `tandem-bench run SUITE` runs Tandem's side of a suite once and prints one result line.
        .executableTarget(
            name: "tandem-bench",
            dependencies: [.product(name: "TandemKit", package: "Tandem")],
            path: "Sources/TandemBench"
        ),
    ]
)
