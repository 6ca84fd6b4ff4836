@_spi(Benchmarks) import TandemKit

/// Fuzzy TM lookup: top 5 at ≥ 75 % similarity (1 − Levenshtein / longer length, on characters)
/// for real sentences with 1–3 character edits, over a memory of `units` units. Recall is
/// reported against brute force (every unit scored).
///
/// `tandem`: `FuzzyIndex` over the sources as Unicode scalars — the peers' similarity exactly —
/// timed over every query of the file (the peers take the first 100 / 20, too few to time a
/// fast participant); the index build is note `build_s`, its arrays `index_mb`. Recall is
/// measured outside the clock on the peers' queries against brute force in Swift (every unit
/// scored with the bit-parallel distance): `recall` (best 5, ties counted as the peers'
/// `recall`), `recall_all` (every unit at ≥ 75 %), and `reference_matches` (brute force's best-5
/// count, which must equal rapidfuzz's checksum).
/// `tandem-memory`: `SQLiteMemory.fuzzyMatches`, the path `extract` takes (normalized keys,
/// words as tokens, penalties, units read from SQLite), its index load from the database as
/// `load_s`; its similarity is Tandem's, so no recall against the peers.
struct FuzzyMemorySuite: BenchmarkSuite {
    /// "100k" or "1M": which prepared memory (`tm/tm-<units>.tsv`).
    let units: String

    var name: String { "tm-fuzzy-\(units)" }
    var title: String { "fuzzy TM top-5 ≥ 75 %, \(units) units" }
    let metric = Metric.itemsPerSecond
    let baseline = "rapidfuzz"
    var targets: [Target] {
        units == "1M"
            ? [Target(participant: "tandem", reference: "rapidfuzz", ratio: 40),
               Target(participant: "tandem", reference: "translate-toolkit", ratio: 100)]
            : []
    }
    let tandemVariants = ["tandem", "tandem-memory"]

    /// One unit within the threshold (the index's `FuzzyIndex.Hit`, or brute force's).
    struct Match {
        var entry: Int
        var distance: Int
        var length: Int
        var similarity: Double { Double(length - distance) / Double(length) }
    }

    static let threshold = 75
    static let limit = 5
    var referenceCount: Int { units == "1M" ? 20 : 100 }

    func peers(_ paths: BenchmarkPaths) -> [PeerCommand] {
        let memory = paths.data("tm/tm-\(units).tsv")
        let queries = paths.data("tm/queries-fuzzy.txt")
        let count = String(referenceCount)
        return [
            PeerCommand(name: "rapidfuzz", arguments: [paths.python, paths.peer("rapidfuzz_fuzzy.py"), memory, queries, count]),
            PeerCommand(name: "translate-toolkit", arguments: [paths.python, paths.peer("ttk_fuzzy.py"), memory, queries, count]),
        ]
    }

    func run(variant: String, data: BenchmarkPaths) throws -> RunResult {
        switch variant {
        case "tandem": return try runIndex(data)
        case "tandem-memory": return try runMemory(data)
        default: throw BenchmarkError.unknownVariant(suite: name, variant: variant)
        }
    }

    private func runIndex(_ data: BenchmarkPaths) throws -> RunResult {
        let sequences = try BenchmarkMemory.pairs(data.data("tm/tm-\(units).tsv")).map { $0.source.unicodeScalars.map(\.value) }
        let queries = try BenchmarkMemory.queries(data.data("tm/queries-fuzzy.txt")).map { $0.unicodeScalars.map(\.value) }
        let symbolSpace = Int(MatchSymbolizer.tokenBase)
        let build = Stopwatch()
        let index = FuzzyIndex(sequences: sequences, symbolSpace: symbolSpace)
        let buildSeconds = build.seconds
        var scratch = FuzzySearchScratch()
        var results: [[Match]] = []
        results.reserveCapacity(queries.count)
        var found = 0
        let clock = Stopwatch()
        for query in queries {
            let best = Self.best(index.search(query, minimum: Self.threshold, scratch: &scratch).map(Self.match))
            found += best.count
            results.append(best)
        }
        let seconds = clock.seconds

        // Recall against brute force, outside the clock, on the peers' queries.
        var editDistance = BitParallelEditDistance(symbolSpace: symbolSpace)
        var recalls: [Double] = []
        var wanted = 0
        var foundAll = 0
        var referenceMatches = 0
        for (number, query) in queries.prefix(referenceCount).enumerated() {
            editDistance.prepare(pattern: query)
            var all: [Match] = []
            for (entry, sequence) in sequences.enumerated() {
                let length = max(query.count, sequence.count)
                let limit = length * (100 - Self.threshold) / 100
                let distance = sequence.withUnsafeBufferPointer { editDistance.distance(to: $0, limit: limit) }
                if let distance { all.append(Match(entry: entry, distance: distance, length: length)) }
            }
            let indexed = Set(index.search(query, minimum: Self.threshold, scratch: &scratch).map(\.entry))
            wanted += all.count
            foundAll += all.filter { indexed.contains($0.entry) }.count
            let reference = Self.best(all)
            referenceMatches += reference.count
            if let value = Self.recall(found: results[number], reference: reference) { recalls.append(value) }
        }
        return RunResult(
            participant: "tandem", seconds: seconds, items: queries.count, checksum: found,
            notes: [
                "build_s": buildSeconds, "index_mb": Double(index.memoryFootprint) / 1e6,
                "recall": recalls.isEmpty ? 0 : recalls.reduce(0, +) / Double(recalls.count),
                "recall_all": wanted == 0 ? 1 : Double(foundAll) / Double(wanted),
                "reference_matches": Double(referenceMatches),
                "matches_per_query": Double(found) / Double(queries.count),
            ])
    }

    private func runMemory(_ data: BenchmarkPaths) throws -> RunResult {
        let memory = try BenchmarkMemory.memory(tsvPath: data.data("tm/tm-\(units).tsv"), name: "tm-\(units)")
        let queries = try BenchmarkMemory.queries(data.data("tm/queries-fuzzy.txt")).map {
            MemoryQuery(source: $0, sourceLocale: BenchmarkMemory.sourceLocale, targetLocale: BenchmarkMemory.targetLocale)
        }
        let load = Stopwatch()
        let prepared = try memory.prepareIndex(for: BenchmarkMemory.sourceLocale)
        let loadSeconds = load.seconds
        var found = 0
        let clock = Stopwatch()
        for query in queries {
            found += try memory.fuzzyMatches(for: query, minimumScore: Self.threshold, limit: Self.limit).count
        }
        return RunResult(
            participant: "tandem-memory", seconds: clock.seconds, items: queries.count, checksum: found,
            notes: ["load_s": loadSeconds, "index_mb": Double(prepared.bytes) / 1e6,
                    "matches_per_query": Double(found) / Double(queries.count)])
    }

    /// The best `limit` hits, highest similarity first.
    static func match(_ hit: FuzzyIndex.Hit) -> Match { Match(entry: hit.entry, distance: hit.distance, length: hit.length) }

    static func best(_ hits: [Match]) -> [Match] {
        Array(hits.sorted { a, b in
            a.distance * b.length != b.distance * a.length ? a.distance * b.length < b.distance * a.length : a.entry < b.entry
        }.prefix(limit))
    }

    /// The peers' recall (`fuzzy_reference.recall`): share of the reference found, a found hit
    /// outside it counting when its score ties the reference's lowest.
    static func recall(found: [Match], reference: [Match]) -> Double? {
        guard let cutoff = reference.map(\.similarity).min() else { return nil }
        let wanted = Set(reference.map(\.entry))
        let hits = found.filter { wanted.contains($0.entry) }.count
        let ties = found.filter { !wanted.contains($0.entry) && $0.similarity >= cutoff - 1e-9 }.count
        return min(1, Double(hits + ties) / Double(reference.count))
    }
}
