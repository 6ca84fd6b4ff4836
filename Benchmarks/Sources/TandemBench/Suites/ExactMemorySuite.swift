/// Exact TM lookup: 1M-unit memory, look up real sentences (half present, half absent).
///
/// Tandem's side (SQLiteMemory) lands with the translation-memory issue.
struct ExactMemorySuite: BenchmarkSuite {
    let name = "tm-exact"
    let title = "exact TM lookup, 1M units"
    let metric = Metric.itemsPerSecond
    let baseline = "python-dict"
    let targets: [Target] = []

    func peers(_ paths: BenchmarkPaths) -> [PeerCommand] {
        [PeerCommand(name: "python-dict", arguments: [
            paths.python, paths.peer("dict_exact.py"), paths.data("tm/tm-1M.tsv"), paths.data("tm/queries-exact.txt"),
        ])]
    }
}
