/// Whole-pipeline extract: a generated 5,000-post Hugo site of real zh-CN prose to segments
/// (Tandem) or to PO (po4a, Translate Toolkit's md2po), same posts (MB/s of Markdown).
///
/// Tandem's side (`tandem extract`) lands with the document-model issue.
struct ExtractSuite: BenchmarkSuite {
    let name = "extract"
    let title = "whole-pipeline extract, 5,000 generated posts"
    let metric = Metric.megabytesPerSecond
    let baseline = "md2po"
    let targets: [Target] = []

    func peers(_ paths: BenchmarkPaths) -> [PeerCommand] {
        let site = paths.data("site/content/posts")
        return [
            PeerCommand(name: "md2po", arguments: [paths.python, paths.peer("extract_peer.py"), "md2po", site]),
            PeerCommand(name: "po4a", arguments: [paths.python, paths.peer("extract_peer.py"), "po4a", site]),
        ]
    }
}
