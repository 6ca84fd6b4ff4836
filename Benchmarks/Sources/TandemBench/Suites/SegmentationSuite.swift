@_spi(Benchmarks) import TandemKit

/// Sentence segmentation + normalization of real Chinese prose, paragraph by paragraph, against
/// the ICU C chain (UTF-16 sentence break + NFC + NFKC of each sentence) and PyICU doing the same.
///
/// Issue 2's bar: Tandem from Swift `String` reaches at least 0.67× the C chain and beats PyICU.
struct SegmentationSuite: BenchmarkSuite {
    let name = "segmentation"
    let title = "sentence segmentation + NFC + NFKC, zh-CN prose, per paragraph"
    let metric = Metric.megabytesPerSecond
    let baseline = "icu-c-chain"
    let targets = [
        Target(participant: "tandem", reference: "icu-c-chain", ratio: 0.67),
        Target(participant: "tandem", reference: "pyicu-chain", ratio: 1.0),
    ]
    /// `tandem`: the headline, from `String` with all of Tandem's rules, each sentence's NFC and
    /// NFKC keys computed from the break's UTF-16 (`sentences(in:normalizedAs:into:)`, what the
    /// pipeline keys on). `tandem-strings`: sentences as `String`s, then `Normalizer.normalize`
    /// of each (the general API). `tandem-break-utf8`: the byte fast path, breaks only
    /// (compare with `icu-c-break`).
    let tandemVariants = ["tandem", "tandem-strings", "tandem-break-utf8"]

    static let paragraphs = "prose/zh-paragraphs.txt"

    func peers(_ paths: BenchmarkPaths) -> [PeerCommand] {
        let input = paths.data(Self.paragraphs)
        return [
            PeerCommand(name: "icu-c-chain", arguments: [paths.binary("icu-chain"), "chain", input]),
            PeerCommand(name: "icu-c-break", arguments: [paths.binary("icu-chain"), "break", input]),
            PeerCommand(name: "icu-c-break-utf8", arguments: [paths.binary("icu-chain"), "break-utf8", input]),
            PeerCommand(name: "pyicu-chain", arguments: [paths.python, paths.peer("pyicu_segment.py"), input]),
        ]
    }

    func run(variant: String, data: BenchmarkPaths) throws -> RunResult {
        let file = try ParagraphFile(path: data.data(Self.paragraphs))
        let segmenter = try SentenceSegmenter(locale: LocaleTag("zh-CN")!)
        switch variant {
        case "tandem":
            let paragraphs = file.strings()
            var sentences = 0
            var checksum = 0
            var result = NormalizedSentences()
            // The shim's per-form tables are built once per process on first use (~30 ms, from
            // ICU's own answers): like ubrk_open and unorm2_getNFCInstance in the C chain, before
            // the clock.
            segmenter.sentences(in: "预热，一句。", normalizedAs: [.nfc, .nfkc], into: &result)
            let clock = Stopwatch()
            for paragraph in paragraphs {
                segmenter.sentences(in: paragraph, normalizedAs: [.nfc, .nfkc], into: &result)
                sentences += result.count
                for index in 0..<result.count {
                    // UTF-16 lengths, as the C chain counts.
                    checksum &+= result.keyLength(at: index, form: .nfc) &+ result.keyLength(at: index, form: .nfkc)
                }
            }
            return RunResult(participant: variant, seconds: clock.seconds, bytes: file.bytes.count - file.lines.count,
                             items: sentences, checksum: checksum)
        case "tandem-strings":
            let paragraphs = file.strings()
            var sentences = 0
            var checksum = 0
            let clock = Stopwatch()
            for paragraph in paragraphs {
                for sentence in segmenter.sentences(in: paragraph) {
                    sentences += 1
                    checksum &+= Normalizer.normalize(sentence.text, to: .nfc).utf8.count
                    checksum &+= Normalizer.normalize(sentence.text, to: .nfkc).utf8.count
                }
            }
            return RunResult(participant: variant, seconds: clock.seconds, bytes: file.bytes.count - file.lines.count,
                             items: sentences, checksum: checksum)
        case "tandem-break-utf8":
            var sentences = 0
            let clock = Stopwatch()
            let bytes = file.forEachParagraph { sentences += segmenter.sentenceRanges(in: $0).count }
            return RunResult(participant: variant, seconds: clock.seconds, bytes: bytes, items: sentences)
        default:
            throw BenchmarkError.unknownVariant(suite: name, variant: variant)
        }
    }
}
