import Foundation

/// `tandem build`: writes each translated post whose segment file is complete enough, and
/// keeps `translations:` the same in every language version of the post.
///
/// Never replaces human work: every file written is recorded in the project's `BuildManifest`,
/// and a file at an output path that Tandem did not write, or that changed since, is left
/// byte-identical (status `refused`) unless `force`. A file equal to what would be written is
/// adopted silently (so outputs built before the manifest existed need no step).
public struct PostBuilder {
    public let project: Project
    /// Replace files Tandem did not write (or that were edited since).
    public let force: Bool
    private let segmenter: DocumentSegmenter
    let state: State
    /// Points each translated page's `ref` and `relref` at a page that exists in its language.
    private let references: PageReferenceRewriter

    /// The manifest as this builder has changed it.
    final class State {
        var manifest: BuildManifest
        var changed = false
        let savesEachPost: Bool
        /// `hasTranslation`'s answers, by locale and post.
        var translationExists: [String: Bool] = [:]
        init(manifest: BuildManifest, savesEachPost: Bool) {
            self.manifest = manifest
            self.savesEachPost = savesEachPost
        }
    }

    /// A builder for `project`. With `savesManifestEachPost` false, the caller writes the
    /// manifest once with `saveManifest()` (a command building a thousand posts).
    public init(project: Project, force: Bool = false, savesManifestEachPost: Bool = true) throws {
        self.project = project
        self.force = force
        let sentences = try SentenceSegmenter(locale: project.configuration.source, localesDirectory: project.localesDirectory)
        segmenter = DocumentSegmenter(segmenter: sentences)
        state = State(manifest: try BuildManifest.load(project), savesEachPost: savesManifestEachPost)
        references = PageReferenceRewriter(project: project)
    }

    /// What Tandem has built, as of this builder's last change.
    public var manifest: BuildManifest { state.manifest }

    /// Writes the manifest if this builder changed it.
    public func saveManifest() throws {
        guard state.changed else { return }
        try state.manifest.save(project)
        state.changed = false
    }

    func record(_ output: URL, bytes: [UInt8], source: String, locale: LocaleTag) {
        let path = project.projectPath(of: output)
        let before = state.manifest.files[path]
        state.manifest.record(path, bytes: bytes, source: source, locale: locale.identifier)
        if state.manifest.files[path] != before { state.changed = true }
    }

    func forget(_ path: String) {
        if state.manifest.files.removeValue(forKey: path) != nil { state.changed = true }
    }

    /// The file at `url`, or nil when there is none.
    static func existingBytes(_ url: URL) throws -> [UInt8]? {
        FileManager.default.fileExists(atPath: url.path) ? try TextFile.readBytes(url) : nil
    }

    /// Builds `post` for `locales` (all its targets when `nil`). With `minimumComplete` below
    /// 100, untranslated sentences fall back to the source. A post below it keeps the
    /// translation Tandem built before (`.stale`) unless `withdrawsIncomplete`.
    public func build(_ post: URL, locales: [LocaleTag]? = nil, minimumComplete: Double = 100, withdrawsIncomplete: Bool = false) throws -> [BuildResult] {
        defer { if state.savesEachPost { try? saveManifest() } }
        let path = project.projectPath(of: post)
        let document = try project.document(at: post)
        let extracted = segmenter.segments(of: document)
        let builder = DocumentBuilder(document: document, segments: extracted)
        let targets = try PostLocales.targets(of: document, project: project).filter { locales?.contains($0) ?? true }

        // First decide what can be built, so `translations:` is known before anything is written.
        var ready: [(locale: LocaleTag, targets: [String: String], segmentFile: URL, complete: Double, own: OwnFrontMatter?)] = []
        var results: [BuildResult] = []
        for locale in targets {
            guard let (translated, url, complete, own) = try translatedTargets(of: post, extracted: extracted, locale: locale) else {
                results.append(BuildResult(post: path, locale: locale.identifier, output: nil, complete: 0, status: .missingSegments))
                continue
            }
            if complete + 1e-9 < minimumComplete {
                results.append(try withdrawsIncomplete ? withdraw(post, locale: locale, complete: complete) : keepLastBuild(post, locale: locale, complete: complete))
            } else {
                ready.append((locale, translated, url, complete, own))
            }
        }

        for locale in targets { if let result = try removeHidingTranslation(of: post, locale: locale) { results.append(result) } }

        let translations = try translationsList(document: document, adding: ready.map(\.locale))
        for item in ready {
            let output = try project.translatedPost(for: post, locale: item.locale)
            var bytes: [UInt8]
            var outdatedOwn: [String]?
            do {
                try Self.refuseForeignSyntax(item.own, of: document, segmentFile: item.segmentFile, displayPath: project.projectPath(of: item.segmentFile))
                bytes = try builder.build(
                    targets: item.targets, fallbackToSource: true, language: item.locale, translations: translations,
                    languagePrefix: project.translationLayout.languagePrefix(item.locale), ownFrontMatter: item.own)
                if let own = item.own, !own.entries.isEmpty {
                    let without = try builder.build(
                        targets: item.targets, fallbackToSource: true, language: item.locale, translations: translations,
                        languagePrefix: project.translationLayout.languagePrefix(item.locale))
                    let outdated = Self.outdatedOwnEntries(own, builtWithout: without, path: path)
                    outdatedOwn = outdated.isEmpty ? nil : outdated
                }
            } catch let problem as BuildProblem {
                let location = SegmentFileStore.location(
                    ofSegment: problem.segmentID, in: try TextFile.readBytes(item.segmentFile),
                    path: project.projectPath(of: item.segmentFile))
                throw TandemError.invalidValue(location, message: problem.description)
            }
            bytes = try references.rewrite(bytes, of: post, locale: item.locale) { referenced in
                // A post that cannot be read has no translation to link to: its own build
                // reports it, and this one links to the source page.
                (try? hasTranslation(referenced, locale: item.locale, minimumComplete: minimumComplete)) ?? false
            }
            // The last net under a misread source position (a piece's range cutting a character
            // in two, as a backslash line break inside a blockquote did): refuse rather than write
            // a page that is not text.
            if String(validating: bytes, as: UTF8.self) == nil {
                throw TandemError.invalidValue(
                    SourceLocation(file: path, line: 1, column: 1),
                    message: "the \(item.locale) translation would not be valid UTF-8 (Tandem misread a position in this post; please report it with the post); nothing was written")
            }
            try refuseOversizedOutput(bytes, post: path, locale: item.locale, targets: item.targets, segmentFile: item.segmentFile)
            let existing = try Self.existingBytes(output)
            let status: BuildResult.Status
            let isForeign = state.manifest.ownership(of: project.projectPath(of: output), bytes: existing) == .foreign
            if existing == bytes {
                status = .unchanged
            } else if isForeign && extracted.isEmpty {
                status = .ownPage
            } else if isForeign && !force {
                status = .refused
            } else {
                // AtomicFile creates the folder, saying a full disk as such.
                try AtomicFile.write(bytes, to: output)
                status = .built
            }
            if status != .refused && status != .ownPage { record(output, bytes: bytes, source: path, locale: item.locale) }
            var result = BuildResult(
                post: path, locale: item.locale.identifier, output: project.projectPath(of: output),
                complete: item.complete, status: status)
            result.outdatedOwnFrontMatter = outdatedOwn
            if status == .refused, let existing {
                result.onlyInFile = Self.onlyIn(existing, notIn: bytes, path: project.projectPath(of: output))
                let file = try SegmentFileStore.read(item.segmentFile)
                result.aligned = file?.segments.contains { $0.origin == .aligned } == true ? true : nil
            }
            results.append(result)
        }
        if let translations { try updateTranslations(translations, source: post, document: document) }
        return results
    }

    /// The translated targets of `post` (whose sentences are `extracted`) in `locale`'s segment
    /// file, the file, and the share of sentences they cover in percent; nil without the file.
    private func translatedTargets(
        of post: URL, extracted: [ExtractedSegment], locale: LocaleTag
    ) throws -> (targets: [String: String], segmentFile: URL, complete: Double, own: OwnFrontMatter?)? {
        let url = try project.segmentFile(for: post, locale: locale)
        guard let file = try SegmentFileStore.read(url, for: locale, source: project.configuration.source, displayPath: project.projectPath(of: url)) else {
            return nil
        }
        var translated: [String: String] = [:]
        for segment in file.segments where segment.state.isTranslated {
            if let target = segment.target { translated[segment.id] = target }
        }
        let done = extracted.filter { translated[$0.id] != nil }.count
        return (translated, url, extracted.isEmpty ? 100 : Double(done) * 100 / Double(extracted.count), file.ownFrontMatter)
    }

    /// Whether `post` (a source post) has a page in `locale` once this build is done: a file is
    /// there already (built before, kept as stale, or a person's), or the post is complete
    /// enough to be built now. Asked by `references` for each page another page links to.
    private func hasTranslation(_ post: URL, locale: LocaleTag, minimumComplete: Double) throws -> Bool {
        let key = "\(locale.identifier)\u{0}\(post.path)"
        if let known = state.translationExists[key] { return known }
        var exists = FileManager.default.fileExists(atPath: try project.translatedPost(for: post, locale: locale).path)
        if !exists {
            let document = try project.document(at: post)
            if try PostLocales.targets(of: document, project: project).contains(locale),
               let (_, _, complete, _) = try translatedTargets(of: post, extracted: segmenter.segments(of: document), locale: locale) {
                exists = complete + 1e-9 >= minimumComplete
            }
        }
        state.translationExists[key] = exists
        return exists
    }

    /// The source first, then the locales already listed (requests are kept), then newly built.
    private func translationsList(document: HugoDocument, adding built: [LocaleTag]) throws -> [String]? {
        guard let current = try PostLocales.translations(of: document) else { return nil }
        var list = [project.configuration.source]
        for tag in current + built where !list.contains(tag) { list.append(tag) }
        return list.map(\.identifier)
    }

    /// Removes the translation of `post` in `locale` that Tandem built, now that it is below
    /// `--min-complete` (`build --withdraw`; a file someone else wrote stays).
    private func withdraw(_ post: URL, locale: LocaleTag, complete: Double) throws -> BuildResult {
        let output = try project.translatedPost(for: post, locale: locale)
        let outputPath = project.projectPath(of: output)
        var status = BuildResult.Status.incomplete
        if let existing = try Self.existingBytes(output), state.manifest.ownership(of: outputPath, bytes: existing) == .tandem {
            try FileManager.default.removeItem(at: output)
            forget(outputPath)
            status = .withdrawn
        } else if !FileManager.default.fileExists(atPath: output.path) {
            // A build killed between the removal and the manifest's save left the entry of a
            // file that is gone: without this, every later build would keep it.
            forget(outputPath)
        }
        return BuildResult(post: project.projectPath(of: post), locale: locale.identifier, output: status == .withdrawn ? outputPath : nil, complete: complete, status: status)
    }

    /// Leaves the translation of `post` in `locale` that Tandem built before, now that the post
    /// is below `--min-complete` (new or changed sentences untranslated): the published page
    /// stays as it was until they are translated, where removing it took the page off the site
    /// (and broke every link to it) for one new sentence. Reported as stale.
    private func keepLastBuild(_ post: URL, locale: LocaleTag, complete: Double) throws -> BuildResult {
        let output = try project.translatedPost(for: post, locale: locale)
        let outputPath = project.projectPath(of: output)
        guard let existing = try Self.existingBytes(output) else {
            // As in `withdraw`: the entry of a file that is gone must not outlive it.
            forget(outputPath)
            return BuildResult(post: project.projectPath(of: post), locale: locale.identifier, output: nil, complete: complete, status: .incomplete)
        }
        let status: BuildResult.Status = state.manifest.ownership(of: outputPath, bytes: existing) == .tandem ? .stale : .incomplete
        return BuildResult(post: project.projectPath(of: post), locale: locale.identifier, output: status == .stale ? outputPath : nil, complete: complete, status: status)
    }

    /// Removes the `foo.en.md` Tandem built beside the page Hugo reads as that locale without a
    /// suffix (`foo.md` in a site whose default language it is), which hid that page (a file
    /// someone else wrote there stays).
    private func removeHidingTranslation(of post: URL, locale: LocaleTag) throws -> BuildResult? {
        guard let hiding = project.hidingTranslation(for: post, locale: locale), let bytes = try Self.existingBytes(hiding) else { return nil }
        let path = project.projectPath(of: hiding)
        guard state.manifest.ownership(of: path, bytes: bytes) == .tandem else { return nil }
        try FileManager.default.removeItem(at: hiding)
        forget(path)
        return BuildResult(post: project.projectPath(of: post), locale: locale.identifier, output: path, complete: 0, status: .superseded)
    }

    /// Writes `translations` into the source post and every translated version Tandem built
    /// (a human translation is never touched).
    private func updateTranslations(_ translations: [String], source: URL, document: HugoDocument) throws {
        var versions: [(URL, HugoDocument, LocaleTag?)] = [(source, document, nil)]
        for tag in translations.compactMap(LocaleTag.init) where tag != project.configuration.source {
            let url = try project.translatedPost(for: source, locale: tag)
            guard let bytes = try Self.existingBytes(url),
                  state.manifest.ownership(of: project.projectPath(of: url), bytes: bytes) == .tandem else { continue }
            versions.append((url, try HugoDocument(bytes: bytes, path: project.projectPath(of: url), translatableKeys: []), tag))
        }
        for (url, version, tag) in versions {
            let updated = DocumentBuilder(document: version, segments: []).updatingTranslations(translations)
            guard updated != version.bytes else { continue }
            try AtomicFile.write(updated, to: url)
            if let tag { record(url, bytes: updated, source: project.projectPath(of: source), locale: tag) }
        }
    }

    /// What `existing` (a translation someone wrote) has that `built` (the translation from
    /// the source's layout) has not: its own front matter keys (a `menu` entry) and code blocks
    /// written otherwise (comments translated by hand). A forced build would lose them; the
    /// refusal names them. Empty when either cannot be read.
    static func onlyIn(_ existing: [UInt8], notIn built: [UInt8], path: String) -> [String] {
        guard let human = try? HugoDocument(bytes: existing, path: path), let ours = try? HugoDocument(bytes: built, path: path) else { return [] }
        var found: [String] = []
        let ourKeys = Set((ours.frontMatter?.fields ?? []).map { $0.key.lowercased() })
        let keys = (human.frontMatter?.fields ?? []).map(\.key).filter { !ourKeys.contains($0.lowercased()) }
        if !keys.isEmpty { found.append("front matter \(keys.count == 1 ? "key" : "keys") \(keys.joined(separator: ", "))") }
        var ourBlocks = ours.codeBlocks.map { Array(built[$0]) }
        var differing = 0
        for block in human.codeBlocks.map({ Array(existing[$0]) }) {
            if let index = ourBlocks.firstIndex(of: block) { ourBlocks.remove(at: index) } else { differing += 1 }
        }
        if differing > 0 { found.append(CountedNoun.phrase(differing, "code block") + " of its own") }
        return found
    }
}
