@_spi(Benchmarks) import TandemKit

/// Glossary matching: every longest match of 100k CC-CEDICT headwords in the zh-CN prose.
///
/// Tandem: `GlossaryMatcher` built from the terms (each a `term` entry; build time in the note
/// `build_s`, outside the throughput, as pyahocorasick's), then `matchCount(utf8:)` paragraph by
/// paragraph. Tandem matches on normalized keys (NFKC, case and width folded) with word
/// boundaries for Latin terms, so its count differs a little from grep's raw bytes; the counts
/// are in each row's `hits` note.
struct GlossarySuite: BenchmarkSuite {
    let name = "glossary"
    let title = "glossary matching, 100k CC-CEDICT terms, all longest matches in zh-CN prose"
    let metric = Metric.megabytesPerSecond
    let baseline = "grep-F"
    let targets = [
        Target(participant: "tandem", reference: "grep-F", ratio: 1.0),
        Target(participant: "tandem", reference: "pyahocorasick", ratio: 11.0),
    ]

    let tandemVariants = ["tandem"]

    static let terms = "glossary/terms-100k.txt"
    static let text = "glossary/text.txt"

    func peers(_ paths: BenchmarkPaths) -> [PeerCommand] {
        let terms = paths.data("glossary/terms-100k.txt")
        let text = paths.data("glossary/text.txt")
        return [
            PeerCommand(name: "grep-F", arguments: [paths.python, paths.peer("grep_glossary.py"), terms, text]),
            PeerCommand(name: "pyahocorasick", arguments: [paths.python, paths.peer("ahocorasick_glossary.py"), terms, text]),
        ]
    }

    func run(variant: String, data: BenchmarkPaths) throws -> RunResult {
        guard variant == "tandem" else { throw BenchmarkError.unknownVariant(suite: name, variant: variant) }
        let terms = try ParagraphFile(path: data.data(Self.terms)).strings()
        let text = try ParagraphFile(path: data.data(Self.text))

        let buildClock = Stopwatch()
        let entries = terms.map { GlossaryEntry(source: $0, target: $0) }
        let matcher = GlossaryMatcher(entries: entries, keys: terms)
        let build = buildClock.seconds

        var matches = 0
        let clock = Stopwatch()
        let bytes = text.forEachParagraph { matches += matcher.matchCount(utf8: $0) }
        let seconds = clock.seconds
        return RunResult(participant: variant, seconds: seconds, bytes: bytes, items: matches, checksum: matches,
                         notes: ["build_s": (build * 1000).rounded() / 1000, "hits": Double(matches)])
    }
}
