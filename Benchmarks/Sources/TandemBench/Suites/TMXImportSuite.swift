/// TMX import: parse a 1M-unit TMX 1.4b file made from the prepared memory, streaming.
///
/// Tandem's side (TMX import) lands with the exchange issue.
struct TMXImportSuite: BenchmarkSuite {
    let name = "tmx-import"
    let title = "TMX import, 1M units (units/s)"
    let metric = Metric.itemsPerSecond
    let baseline = "lxml"
    let targets: [Target] = []

    func peers(_ paths: BenchmarkPaths) -> [PeerCommand] {
        let tmx = paths.data("tm/tm-1M.tmx")
        return [
            PeerCommand(name: "lxml", arguments: [paths.python, paths.peer("lxml_tmx.py"), tmx]),
            PeerCommand(name: "translate-toolkit", arguments: [paths.python, paths.peer("ttk_tmx.py"), tmx]),
        ]
    }
}
