import Foundation

/// `tandem extract`: brings every post's segment files up to date, one per target locale.
/// Never writes content files (only `build` does).
///
/// With a memory, untranslated sentences are filled from exact and in-context matches, fuzzy
/// matches are offered as candidates, and the file's translations go back into the memory so
/// it stays in step with the segment files (pseudo-translations never do). In a run that stages
/// its files in a batch, they go back only once the files are written (`commit(_:)`).
public struct Extractor {
    public let project: Project
    public let memory: (any TranslationMemory)?
    private let segmenter: DocumentSegmenter
    private let merger = SegmentMerger()
    /// One matcher per target locale, built on first use (glossaries/<source>/<target>.tsv …).
    private let matchers = MatcherCache()

    /// Translations of the files staged in the current batch, for the memory once it commits.
    private let pendingUnits = PendingUnits()
    /// The segment files of deleted and moved posts, read once.
    let retiredFiles = RetiredSegmentFiles()

    /// Glossary matchers by target locale.
    private final class MatcherCache {
        var byLocale: [LocaleTag: GlossaryMatcher] = [:]
    }

    /// Memory units waiting for `commit(_:)` of the batch their files are staged in.
    private final class PendingUnits {
        /// Held so a batch abandoned without `commit(_:)` is told apart from the next one (its
        /// units are dropped when another batch starts).
        var batch: AtomicFileBatch?
        var units: [MemoryUnit] = []
        /// The origins `units` leave on the memory's units, which candidates name.
        var origins = PendingUnitOrigins()
        /// The staged files with candidates, which units given after their lookups may rename.
        var leveraged: [(url: URL, file: SegmentFile, candidates: [LeveragedCandidate])] = []

        /// Starts over for `batch`, dropping what an abandoned batch left.
        func start(_ batch: AtomicFileBatch?) {
            self.batch = batch
            units = []
            origins = PendingUnitOrigins()
            leveraged = []
        }
    }

    public init(project: Project, memory: (any TranslationMemory)? = nil) throws {
        self.project = project
        self.memory = memory
        let sentences = try SentenceSegmenter(locale: project.configuration.source, localesDirectory: project.localesDirectory)
        segmenter = DocumentSegmenter(segmenter: sentences)
    }

    /// More sentences than a book holds in one post is a generated or broken file: its segment
    /// files, memory lookups and XLIFF would be unusable, so it is refused whole.
    public static let maximumSegmentsPerPost = 20_000

    /// Extracts `post` for each of its target locales. With a `batch`, segment files are staged
    /// there, and both they and their translations for the memory wait for `commit(_:)`;
    /// without one, both are written now. `memoryHoldsFiles`: the memory already holds the
    /// translations of the post's segment files as they are on disk (`ExtractRun` knows), so
    /// only the files this call changes give it units; a re-run then leaves the memory as it was.
    public func extract(_ post: URL, batch: AtomicFileBatch? = nil, memoryHoldsFiles: Bool = false) throws -> [ExtractResult] {
        try extractFiles(post, batch: batch, memoryHoldsFiles: memoryHoldsFiles).map(\.result)
    }

    /// `extract`, with the keys of each file's sentences that ask the memory on every extract
    /// (`Leverage.askingKeys`; empty without a memory), which `ExtractRun` records.
    func extractFiles(
        _ post: URL, batch: AtomicFileBatch?, memoryHoldsFiles: Bool
    ) throws -> [(result: ExtractResult, askingKeys: [String])] {
        let document = try project.document(at: post)
        let extracted = segmenter.segments(of: document)
        if extracted.count > Self.maximumSegmentsPerPost {
            throw TandemError.invalidValue(
                SourceLocation(file: document.path, line: 1, column: 1),
                message: "the post has \(extracted.count) sentences; at most \(Self.maximumSegmentsPerPost) are accepted in one post (split it into several)")
        }
        // Sites mix Simplified and Traditional posts; matching folds the two, the report tells them apart.
        let script = project.configuration.source.language == "zh"
            ? extracted.reduce(into: ScriptCount()) { $0 += ScriptCount(of: $1.text) }.script : nil
        let lacksSourceText = ["zh", "ja"].contains(project.configuration.source.language) && !extracted.isEmpty
            && !extracted.contains { $0.text.unicodeScalars.contains { MatchSymbolizer.isCJK($0.value) } } ? true : nil
        // Chinese or Japanese that no segment holds stays so in every translation: said once per read.
        let untranslated = ["zh", "ja"].contains(project.configuration.source.language) ? UntranslatedTextFinder.find(in: document) : []
        // Every locale's file is made before any is staged, so a post that fails part-way
        // (a broken segment file) leaves nothing of itself in the batch.
        var prepared: [(file: SegmentFile, url: URL, report: SegmentMerger.Report, leverage: LeverageSummary?, candidates: [LeveragedCandidate])] = []
        // What the memory will answer once given the run's units: a batch's units so far, else
        // this call's own (added once its files are written).
        if memory != nil, let batch, pendingUnits.batch !== batch { pendingUnits.start(batch) }
        let pendingOrigins = batch == nil ? PendingUnitOrigins() : pendingUnits.origins
        for locale in try PostLocales.targets(of: document, project: project) {
            let url = try project.segmentFile(for: post, locale: locale)
            let previous = try SegmentFileStore.read(url, for: locale, source: project.configuration.source, displayPath: project.projectPath(of: url))
            let base = previous ?? retiredSegmentFile(for: url, locale: locale, extracted: extracted)
            var merged = merger.merge(extracted, into: base)
            // A repeated sentence is translated once.
            RepetitionPropagation.propagate(&merged.segments)
            // Nothing to translate: the source is its own translation, done before anyone looks.
            for index in merged.segments.indices where merged.segments[index].state == .new
                && merged.segments[index].target?.isEmpty != false && NothingToTranslate.matches(merged.segments[index].source) {
                merged.segments[index].target = merged.segments[index].source
                merged.segments[index].state = .translated
                merged.segments[index].origin = .auto
            }
            // Glossary terms are derived: recomputed on every run so they follow the glossary.
            let matcher = try matcher(for: locale)
            for index in merged.segments.indices {
                let notes = matcher.termNotes(in: merged.segments[index].source)
                merged.segments[index].terms = notes.isEmpty ? nil : notes
            }
            var file = SegmentFile(
                source: project.projectPath(of: post), sourceLocale: project.configuration.source,
                targetLocale: locale, segments: merged.segments)
            file.obsolete = merged.obsolete.isEmpty ? nil : merged.obsolete
            // What a person set for the whole file stays, from a restored post's archived file too.
            file.lintDisable = base?.lintDisable
            file.ownFrontMatter = base?.ownFrontMatter
            var leverage: LeverageSummary?
            var candidates: [LeveragedCandidate] = []
            if let memory {
                let settings = project.configuration.leverage
                (leverage, candidates) = try Leverage(
                    memory: memory, minimumScore: settings.minimumScore, candidateLimit: settings.candidates,
                    fillState: settings.fillState, fillsExactMatches: settings.fillExact
                ).apply(to: &file, pendingOrigins: pendingOrigins)
            }
            prepared.append((file, url, merged.report, leverage, candidates))
        }
        var written: [Bool] = []
        for (file, url, _, _, _) in prepared {
            let changed = try SegmentFileStore.write(file, to: url, batch: batch)
            written.append(changed)
            if let memory, changed || !memoryHoldsFiles {
                let units = file.memoryUnits(originFile: project.projectPath(of: url))
                pendingOrigins.record(units)
                if batch != nil {
                    pendingUnits.units += units
                } else {
                    try memory.add(units)
                }
            }
        }
        // The candidates name the origins the memory will hold: a batch's files once its last
        // units are known (`commitGivingUnits`), else now that the memory holds this post's.
        for index in prepared.indices where !prepared[index].candidates.isEmpty {
            if batch != nil {
                pendingUnits.leveraged.append((prepared[index].url, prepared[index].file, prepared[index].candidates))
            } else if pendingOrigins.rename(prepared[index].candidates, in: &prepared[index].file) {
                written[index] = try SegmentFileStore.write(prepared[index].file, to: prepared[index].url) || written[index]
            }
        }
        var results: [(result: ExtractResult, askingKeys: [String])] = []
        for ((file, url, report, leverage, _), written) in zip(prepared, written) {
            let work = file.segments.filter { $0.origin != .auto }
            let result = ExtractResult(
                post: project.projectPath(of: post), locale: file.targetLocale.identifier,
                segmentFile: project.projectPath(of: url), segments: work.count,
                translated: work.filter { $0.state.isTranslated }.count, copied: file.segments.count - work.count,
                changes: report, leverage: leverage, written: written, script: script, lacksSourceText: lacksSourceText,
                untranslatedText: untranslated.isEmpty ? nil : untranslated)
            results.append((result, memory == nil ? [] : Leverage.askingKeys(of: file)))
        }
        return results
    }

    /// Gives the memory the translations of the segment files staged in `batch` (one
    /// transaction), then writes the files. A run that stops on a bad post leaves both as they
    /// were; one whose memory write fails (a full disk) leaves every segment file as it was.
    public func commit(_ batch: AtomicFileBatch) throws {
        _ = try commitGivingUnits(batch)
    }

    /// `commit(_:)`, returning the units it gave the memory (`ExtractRun` learns from them what
    /// its own write changed).
    func commitGivingUnits(_ batch: AtomicFileBatch) throws -> [MemoryUnit] {
        var given: [MemoryUnit] = []
        // The memory first: its units are translations the segment files hold already, so
        // adding them before the files change loses nothing, and a memory that cannot be
        // written (a full disk) then stops the run with every segment file as it was.
        if pendingUnits.batch === batch {
            let units = pendingUnits.units
            let (origins, leveraged) = (pendingUnits.origins, pendingUnits.leveraged)
            pendingUnits.start(nil)
            do {
                // Units given after a file's lookups (a later post's, its own) may refresh the
                // origin a candidate names: the file is staged again naming the new one.
                for var staged in leveraged where origins.rename(staged.candidates, in: &staged.file) {
                    batch.withdraw(staged.url)
                    try SegmentFileStore.write(staged.file, to: staged.url, batch: batch)
                }
            } catch {
                batch.abandon()
                throw error
            }
            if let memory, !units.isEmpty {
                do {
                    try memory.add(units)
                    given = units
                } catch {
                    batch.abandon()
                    throw error
                }
            }
        }
        try batch.commit()
        return given
    }

    private func matcher(for locale: LocaleTag) throws -> GlossaryMatcher {
        if let cached = matchers.byLocale[locale] { return cached }
        let glossary = try Glossary.load(projectRoot: project.root, source: project.configuration.source, target: locale)
        let matcher = GlossaryMatcher(glossary: glossary)
        matchers.byLocale[locale] = matcher
        return matcher
    }
}
