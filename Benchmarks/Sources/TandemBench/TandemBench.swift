import Foundation

/// `tandem-bench list --data DIR --peers DIR --python PATH --bin DIR` prints every suite with its
/// participants' command lines as JSON (read by `Benchmarks/scripts/run-benchmarks.py`);
/// `tandem-bench run SUITE VARIANT --data DIR` runs one Tandem participant once and prints its
/// `BENCH {json}` result line.
@main
struct TandemBench {
    static func main() {
        do {
            try run(Array(CommandLine.arguments.dropFirst()))
        } catch {
            FileHandle.standardError.write(Data("tandem-bench: error: \(error)\n".utf8))
            exit(2)
        }
    }

    static func run(_ arguments: [String]) throws {
        var positional: [String] = []
        var options: [String: String] = [:]
        // Written with an iterator: the index-stepping loop this replaces dropped every option in
        // release builds with Swift 6.3.1 (so `--data` and `--python` were silently ignored).
        var remaining = arguments.makeIterator()
        while let argument = remaining.next() {
            if argument.hasPrefix("--") {
                guard let value = remaining.next() else { throw BenchmarkError.usage("\(argument) needs a value") }
                options[String(argument.dropFirst(2))] = value
            } else {
                positional.append(argument)
            }
        }
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let paths = BenchmarkPaths(
            data: URL(fileURLWithPath: options["data"] ?? "bench-data", relativeTo: here).standardizedFileURL,
            peers: URL(fileURLWithPath: options["peers"] ?? "Benchmarks/peers", relativeTo: here).standardizedFileURL,
            python: options["python"] ?? "python3",
            peerBinaries: URL(fileURLWithPath: options["bin"] ?? "bench-data/bin", relativeTo: here).standardizedFileURL)

        switch positional.first {
        case "list":
            try list(paths)
        case "run":
            guard positional.count == 3 else { throw BenchmarkError.usage("usage: tandem-bench run SUITE VARIANT --data DIR") }
            let suite = try SuiteRegistry.suite(named: positional[1])
            guard suite.tandemVariants.contains(positional[2]) else {
                throw BenchmarkError.unknownVariant(suite: suite.name, variant: positional[2])
            }
            print(try suite.run(variant: positional[2], data: paths).line())
        default:
            throw BenchmarkError.usage("usage: tandem-bench list|run … (see Benchmarks/README or BENCHMARKS.md)")
        }
    }

    /// The suites as the driver reads them: Tandem's participants first, then the peers.
    static func list(_ paths: BenchmarkPaths) throws {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let suites = SuiteRegistry.all.map { suite in
            SuiteDescription(
                name: suite.name, title: suite.title, unit: suite.metric.rawValue, baseline: suite.baseline,
                targets: suite.targets,
                participants: suite.tandemVariants.map {
                    PeerCommand(name: $0, arguments: [executable, "run", suite.name, $0, "--data", paths.data.path])
                } + suite.peers(paths))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(suites), as: UTF8.self))
    }
}
