/// Why a benchmark run could not start.
enum BenchmarkError: Error, CustomStringConvertible {
    case usage(String)
    case unknownSuite(String)
    case unknownVariant(suite: String, variant: String)
    case missingData(path: String)

    var description: String {
        switch self {
        case .usage(let message): return message
        case .unknownSuite(let name): return "unknown suite '\(name)'; `tandem-bench list` shows them"
        case .unknownVariant(let suite, let variant): return "suite '\(suite)' has no Tandem participant '\(variant)'"
        case .missingData(let path): return "\(path): missing; run Benchmarks/scripts/prepare-data.sh first"
        }
    }
}
