import Foundation

/// `tandem align`: adopts an existing human translation of a post (`foo.en.md` written by a
/// person beside `foo.md`). The post is extracted as usual, its sentences are paired with the
/// translation's (`DocumentAligner`), and the pairs fill the segment file: state `translated`,
/// origin `aligned`, or `fuzzy` where the pairing is unsure. The filled translations go into the
/// memory as `extract`'s do, so `build` then reproduces the human text and the memory reuses it.
///
/// A segment that already holds a person's work (origin `human`, `xliff`, `aligned`, or state
/// reviewed or final) is never replaced; machine fills (`pseudo`, `tm`) and empty ones are.
public struct TranslationAdoption {
    public let project: Project
    public let memory: (any TranslationMemory)?
    public var aligner = DocumentAligner()

    /// What adopting one translation did.
    public struct Result: Codable, Equatable, Sendable {
        public var post: String
        public var translation: String
        public var locale: String
        public var segmentFile: String
        /// Source sentences filled as translated (a sure pairing).
        public var translated: Int
        /// Source sentences filled as fuzzy (an unsure pairing).
        public var fuzzy: Int
        /// Source sentences the translation has nothing for, or that kept a person's target.
        public var untouched: Int
        /// Of the untouched: sentences whose person's target differs from the page's (a
        /// translator edited the built page by hand); `replacingPeoplesTargets` takes the page's.
        public var differing: Int = 0
        /// Of the untouched: sentences edited in the post since the page was built, whose page
        /// text is their old translation; they stay fuzzy.
        public var stale: Int = 0
        /// Front matter keys the page has of its own, kept in the segment file for every build
        /// (`OwnFrontMatter`).
        public var keptFrontMatter: [String]?
        /// Front matter keys the page has that could not be kept (its front matter is in
        /// another syntax than the post's): `build --force` would lose them.
        public var frontMatterNotKept: [String]?
        /// Every pairing, in order (with `--pairs`).
        public var pairs: [Pair]?
    }

    /// A source sentence and the translation sentences paired with it.
    public struct Pair: Codable, Equatable, Sendable {
        public var source: String
        /// The translation's sentences, with the translation's own placeholder numbers.
        public var target: [String]
        /// The target as the segment gets it: the source's placeholder numbers (the preview
        /// showed `target`, whose numbers follow the translation's order, so a right pair
        /// looked swapped and a swapped one right).
        public var written: String
        public var certain: Bool
    }

    public init(project: Project, memory: (any TranslationMemory)?) {
        self.project = project
        self.memory = memory
    }

    /// Adopts `translation` as `post`'s translation into `locale`. With `dryRun` nothing is
    /// written; with `listingPairs` the result lists every pairing.
    /// With `replacingPeoplesTargets`, a person's target that differs from the page's is replaced
    /// too: the page is the newer human text (a translator edited the built page).
    public func adopt(
        post: URL, translation: URL, locale: LocaleTag, dryRun: Bool = false, listingPairs: Bool = false, replacingPeoplesTargets: Bool = false
    ) throws -> Result {
        let configuration = project.configuration
        let sourceDocument = try project.document(at: post)
        let targetDocument = try project.document(at: translation)
        let sourceSegments = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: configuration.source, localesDirectory: project.localesDirectory))
            .segments(of: sourceDocument)
        let targetSegments = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: locale, localesDirectory: project.localesDirectory))
            .segments(of: targetDocument)
        let aligned = aligner.align(source: sourceDocument, sourceSegments: sourceSegments, target: targetDocument, targetSegments: targetSegments)

        // The segment file as `extract` leaves it (no memory: its fills would come first).
        let url = try project.segmentFile(for: post, locale: locale)
        let existing = try SegmentFileStore.read(url)
        if !dryRun || existing == nil {
            let batch = AtomicFileBatch()
            _ = try Extractor(project: project).extract(post, batch: batch)
            if !dryRun { try batch.commit() }
        }
        var file = try SegmentFileStore.read(url) ?? SegmentFile(
            source: project.projectPath(of: post), sourceLocale: configuration.source, targetLocale: locale,
            segments: sourceSegments.map { SegmentEntry(id: $0.id, location: $0.location, source: $0.text, codes: $0.codes) })
        let byID = Dictionary(aligned.map { ($0.segmentID, $0) }, uniquingKeysWith: { first, _ in first })
        var result = Result(
            post: project.projectPath(of: post), translation: project.projectPath(of: translation), locale: locale.identifier,
            segmentFile: project.projectPath(of: url), translated: 0, fuzzy: 0, untouched: 0,
            pairs: listingPairs ? aligned.map { Pair(source: $0.source, target: $0.targetSentences, written: $0.target, certain: $0.isCertain) } : nil)
        for index in file.segments.indices {
            let segment = file.segments[index]
            // A target identical to the source is no translation when it holds the source's own
            // script (a partial build's fallback: the page kept the Chinese sentence). One with
            // no Han or kana is (`ChatModel`, `Redis`: a name the translation keeps); left
            // untouched, such segments kept the adopted page from ever being complete.
            let isFallback = { (pairing: AlignedSentence) in
                pairing.target == segment.source && segment.source.unicodeScalars.contains { UntranslatedTextFinder.isHanOrKana($0.value) }
            }
            guard let pairing = byID[segment.id], !isFallback(pairing) else {
                result.untouched += 1
                continue
            }
            // A sentence edited since its translation was made (fuzzy, with `previousSource`)
            // whose page still holds that translation: the page is older than the edit, not a
            // newer human text. Adopted, "两天 → two days" was published for 三天 as sure.
            if segment.previousSource != nil, segment.state == .fuzzy, pairing.target == segment.target {
                result.untouched += 1
                result.stale += 1
                continue
            }
            // A person's target stays unless asked (`align --replace`); one that differs from
            // the page is counted, so that a hand-edited page is not a silent dead end.
            if !Self.isReplaceable(segment) {
                guard replacingPeoplesTargets, pairing.target != segment.target else {
                    result.untouched += 1
                    if pairing.target != segment.target { result.differing += 1 }
                    continue
                }
            }
            file.segments[index].target = pairing.target
            file.segments[index].state = pairing.isCertain ? .translated : .fuzzy
            file.segments[index].origin = .aligned
            file.segments[index].candidates = nil
            if pairing.isCertain { result.translated += 1 } else { result.fuzzy += 1 }
        }
        // The page's own front matter (its `author:`, its `slug:`) goes with its sentences, so
        // that replacing the page with a built one loses neither.
        let built = try HugoDocument(
            bytes: DocumentBuilder(document: sourceDocument, segments: sourceSegments).build(
                targets: [:], fallbackToSource: true, language: locale, translations: nil,
                languagePrefix: project.translationLayout.languagePrefix(locale)),
            path: sourceDocument.path, translatableKeys: configuration.translateKeys, shortcodeParameters: configuration.shortcodes,
            hardWraps: project.site?.hardWraps ?? false)
        let (own, notKept) = Self.ownFrontMatter(of: targetDocument, built: built, translatedKeys: configuration.translateKeys)
        file.ownFrontMatter = own
        result.keptFrontMatter = own.map { $0.entries.map(\.key) }
        result.frontMatterNotKept = notKept.isEmpty ? nil : notKept
        guard !dryRun else { return result }
        _ = try SegmentFileStore.write(file, to: url)
        try memory?.add(file.memoryUnits(originFile: project.projectPath(of: url)))
        return result
    }

    /// Whether a segment's target may be replaced by an aligned one: no target, or one a
    /// machine made.
    static func isReplaceable(_ segment: SegmentEntry) -> Bool {
        guard let target = segment.target, !target.isEmpty else { return true }
        if segment.state >= .reviewed { return false }
        switch segment.origin {
        case .pseudo?, .tm?, .previous?: return true
        default: return false
        }
    }
}
