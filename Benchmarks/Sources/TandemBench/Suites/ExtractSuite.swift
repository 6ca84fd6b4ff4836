import Foundation
import TandemKit

/// Whole-pipeline extract: a generated 5,000-post Hugo site of real zh-CN prose to segments
/// (Tandem) or to PO (po4a, Translate Toolkit's md2po), same posts (MB/s of Markdown).
///
/// Tandem: `Extractor(project:).extract(post)` for every post, into a fresh scratch project
/// (`tandem.yml`, the site's content linked in, the repository's zh-CN → en glossary), so every
/// segment file is written from nothing, as on a first run. Notes: `s_500_posts`, the same on
/// the first 500 posts in a project of their own (the target: well under a second), and the
/// process's peak RSS after those 500 (`rss_500_mb`) and after all 5,000 (`rss_5000_mb`): flat
/// memory means the two stay close.
struct ExtractSuite: BenchmarkSuite {
    let name = "extract"
    let title = "whole-pipeline extract, 5,000 generated posts"
    let metric = Metric.megabytesPerSecond
    let baseline = "md2po"
    let targets: [Target] = []
    let tandemVariants = ["tandem"]

    static let posts = "site/content/posts"

    func peers(_ paths: BenchmarkPaths) -> [PeerCommand] {
        let site = paths.data(Self.posts)
        return [
            PeerCommand(name: "md2po", arguments: [paths.python, paths.peer("extract_peer.py"), "md2po", site]),
            PeerCommand(name: "po4a", arguments: [paths.python, paths.peer("extract_peer.py"), "po4a", site]),
        ]
    }

    func run(variant: String, data: BenchmarkPaths) throws -> RunResult {
        guard variant == "tandem" else { throw BenchmarkError.unknownVariant(suite: name, variant: variant) }
        let content = URL(fileURLWithPath: data.data("site/content"))
        let glossary = data.peers.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("glossaries/zh-CN/en.tsv")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-bench-extract-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }

        // The first 500 posts, in a project of their own.
        let small = try ScratchProject(at: scratch.appendingPathComponent("500"), content: content, glossary: glossary)
        let smallPosts = Array(try small.project.sourcePosts().prefix(500))
        let smallClock = Stopwatch()
        var segments = try small.extract(smallPosts)
        let smallSeconds = smallClock.seconds
        let smallRSS = Self.peakRSSMegabytes()

        let full = try ScratchProject(at: scratch.appendingPathComponent("all"), content: content, glossary: glossary)
        let posts = try full.project.sourcePosts()
        guard !posts.isEmpty else { throw BenchmarkError.missingData(path: content.path) }
        let bytes = try posts.reduce(0) { $0 + (try FileManager.default.attributesOfItem(atPath: $1.path)[.size] as? Int ?? 0) }
        let clock = Stopwatch()
        segments = try full.extract(posts)
        let seconds = clock.seconds
        return RunResult(participant: variant, seconds: seconds, bytes: bytes, items: posts.count, checksum: segments,
                         notes: ["s_500_posts": (smallSeconds * 1000).rounded() / 1000, "rss_500_mb": smallRSS,
                                 "rss_5000_mb": Self.peakRSSMegabytes()])
    }

    /// The process's peak resident set so far, in MB.
    static func peakRSSMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return (Double(usage.ru_maxrss) / 1024).rounded()
    }
}
