@_spi(Benchmarks) import TandemKit

/// Exact TM lookup: 1M-unit memory, look up real sentences (half present, half absent).
///
/// Tandem's side is `SQLiteMemory.exactMatches` as `Leverage` (and so `extract`) calls it:
/// after `prepareLookups` has loaded the locale pair's units into memory (its time is note
/// `load_s`). `tandem-sqlite` is the same call without it: one database read per hit.
/// `tandem-postgres` and `tandem-postgres-server` are the same two on a `PostgreSQLMemory` (the
/// server `make bench` starts, local socket): after `prepareLookups`, and one indexed query per
/// lookup.
/// Queries are `MemoryQuery` values made before the clock (their normalization is not timed;
/// the dict peer does none).
struct ExactMemorySuite: BenchmarkSuite {
    let name = "tm-exact"
    let title = "exact TM lookup, 1M units"
    let metric = Metric.itemsPerSecond
    let baseline = "python-dict"
    let targets: [Target] = []
    let tandemVariants = ["tandem", "tandem-sqlite", "tandem-postgres", "tandem-postgres-server"]

    func peers(_ paths: BenchmarkPaths) -> [PeerCommand] {
        [PeerCommand(name: "python-dict", arguments: [
            paths.python, paths.peer("dict_exact.py"), paths.data("tm/tm-1M.tsv"), paths.data("tm/queries-exact.txt"),
        ])]
    }

    func run(variant: String, data: BenchmarkPaths) throws -> RunResult {
        let memory: any TranslationMemory = variant.hasPrefix("tandem-postgres")
            ? try BenchmarkPostgreSQL.memory(tsvPath: data.data("tm/tm-1M.tsv"), name: "tm_1m")
            : try BenchmarkMemory.memory(tsvPath: data.data("tm/tm-1M.tsv"), name: "tm-1M")
        var queries = try BenchmarkMemory.queries(data.data("tm/queries-exact.txt")).map {
            MemoryQuery(source: $0, sourceLocale: BenchmarkMemory.sourceLocale, targetLocale: BenchmarkMemory.targetLocale)
        }
        // A server round trip per lookup runs at a few thousand per second: the first 10,000
        // queries (still half present) measure it in seconds rather than half a minute a round,
        // keeping `make bench` under its 20 minutes.
        if variant == "tandem-postgres-server" { queries = Array(queries.prefix(10_000)) }
        var notes: [String: Double] = [:]
        switch variant {
        case "tandem", "tandem-postgres":
            let load = Stopwatch()
            try memory.prepareLookups(sourceLocale: BenchmarkMemory.sourceLocale, targetLocale: BenchmarkMemory.targetLocale)
            notes["load_s"] = load.seconds
        case "tandem-sqlite":
            // The in-memory key set that answers misses is loaded before the clock.
            _ = try (memory as? SQLiteMemory)?.prepareIndex(for: BenchmarkMemory.sourceLocale)
        case "tandem-postgres-server":
            break
        default:
            throw BenchmarkError.unknownVariant(suite: name, variant: variant)
        }
        var hits = 0
        let clock = Stopwatch()
        for query in queries where try !memory.exactMatches(for: query).isEmpty { hits += 1 }
        let seconds = clock.seconds
        notes["hit_rate"] = Double(hits) / Double(queries.count)
        return RunResult(participant: variant, seconds: seconds, items: queries.count, checksum: hits, notes: notes)
    }
}
