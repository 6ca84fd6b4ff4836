/// Fuzzy TM lookup: top 5 at ≥ 75 % similarity (1 − Levenshtein / longer length, on characters)
/// for real sentences with 1–3 character edits, over a memory of `units` units. Recall is
/// reported against brute force (every unit scored).
///
/// Tandem's side (the fuzzy index) lands with the translation-memory issue.
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

    func peers(_ paths: BenchmarkPaths) -> [PeerCommand] {
        let memory = paths.data("tm/tm-\(units).tsv")
        let queries = paths.data("tm/queries-fuzzy.txt")
        let count = units == "1M" ? "20" : "100"
        return [
            PeerCommand(name: "rapidfuzz", arguments: [paths.python, paths.peer("rapidfuzz_fuzzy.py"), memory, queries, count]),
            PeerCommand(name: "translate-toolkit", arguments: [paths.python, paths.peer("ttk_fuzzy.py"), memory, queries, count]),
        ]
    }
}
