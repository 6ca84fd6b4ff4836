/// Glossary matching: every longest match of 100k CC-CEDICT headwords in the zh-CN prose.
///
/// Tandem's side (GlossaryMatcher) lands with the glossary issue: add it to `tandemVariants`
/// and `run(variant:data:)`.
struct GlossarySuite: BenchmarkSuite {
    let name = "glossary"
    let title = "glossary matching, 100k CC-CEDICT terms, all longest matches in zh-CN prose"
    let metric = Metric.megabytesPerSecond
    let baseline = "grep-F"
    let targets = [
        Target(participant: "tandem", reference: "grep-F", ratio: 1.0),
        Target(participant: "tandem", reference: "pyahocorasick", ratio: 11.0),
    ]

    func peers(_ paths: BenchmarkPaths) -> [PeerCommand] {
        let terms = paths.data("glossary/terms-100k.txt")
        let text = paths.data("glossary/text.txt")
        return [
            PeerCommand(name: "grep-F", arguments: [paths.python, paths.peer("grep_glossary.py"), terms, text]),
            PeerCommand(name: "pyahocorasick", arguments: [paths.python, paths.peer("ahocorasick_glossary.py"), terms, text]),
        ]
    }
}
