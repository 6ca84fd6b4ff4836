import Foundation

/// `tandem build`: writes each translated post whose segment file is complete enough, and
/// keeps `translations:` the same in every language version of the post.
public struct PostBuilder {
    public let project: Project
    private let segmenter: DocumentSegmenter

    public init(project: Project) throws {
        self.project = project
        let sentences = try SentenceSegmenter(locale: project.configuration.source, localesDirectory: project.localesDirectory)
        segmenter = DocumentSegmenter(segmenter: sentences)
    }

    /// Builds `post` for `locales` (all its targets when `nil`). With `minimumComplete` below
    /// 100, untranslated sentences fall back to the source.
    public func build(_ post: URL, locales: [LocaleTag]? = nil, minimumComplete: Double = 100) throws -> [BuildResult] {
        let path = project.projectPath(of: post)
        let document = try HugoDocument(bytes: TextFile.readBytes(post, limit: TextFile.postSizeLimit), path: path, translatableKeys: project.configuration.translateKeys)
        let extracted = segmenter.segments(of: document)
        let builder = DocumentBuilder(document: document, segments: extracted)
        let targets = try PostLocales.targets(of: document, project: project).filter { locales?.contains($0) ?? true }

        // First decide what can be built, so `translations:` is known before anything is written.
        var ready: [(locale: LocaleTag, targets: [String: String], segmentFile: URL, complete: Double)] = []
        var results: [BuildResult] = []
        for locale in targets {
            let url = try project.segmentFile(for: post, locale: locale)
            guard let file = try SegmentFileStore.read(url, displayPath: project.projectPath(of: url)) else {
                results.append(BuildResult(post: path, locale: locale.identifier, output: nil, complete: 0, status: .missingSegments))
                continue
            }
            var translated: [String: String] = [:]
            for segment in file.segments where segment.state.isTranslated {
                if let target = segment.target { translated[segment.id] = target }
            }
            let done = extracted.filter { translated[$0.id] != nil }.count
            let complete = extracted.isEmpty ? 100 : Double(done) * 100 / Double(extracted.count)
            if complete + 1e-9 < minimumComplete {
                results.append(BuildResult(post: path, locale: locale.identifier, output: nil, complete: complete, status: .incomplete))
            } else {
                ready.append((locale, translated, url, complete))
            }
        }

        let translations = try translationsList(document: document, adding: ready.map(\.locale))
        for item in ready {
            let output = try project.translatedPost(for: post, locale: item.locale)
            let bytes: [UInt8]
            do {
                bytes = try builder.build(targets: item.targets, fallbackToSource: true, language: item.locale, translations: translations)
            } catch let problem as BuildProblem {
                let location = SegmentFileStore.location(
                    ofSegment: problem.segmentID, in: try TextFile.readBytes(item.segmentFile),
                    path: project.projectPath(of: item.segmentFile))
                throw TandemError.invalidValue(location, message: problem.description)
            }
            let unchanged = (try? Data(contentsOf: output)).map { [UInt8]($0) == bytes } ?? false
            if !unchanged { try AtomicFile.write(bytes, to: output) }
            results.append(BuildResult(
                post: path, locale: item.locale.identifier, output: project.projectPath(of: output),
                complete: item.complete, status: unchanged ? .unchanged : .built))
        }
        if let translations { try updateTranslations(translations, source: post, document: document) }
        return results
    }

    /// The source first, then the locales already listed (requests are kept), then newly built.
    private func translationsList(document: HugoDocument, adding built: [LocaleTag]) throws -> [String]? {
        guard let current = try PostLocales.translations(of: document) else { return nil }
        var list = [project.configuration.source]
        for tag in current + built where !list.contains(tag) { list.append(tag) }
        return list.map(\.identifier)
    }

    /// Writes `translations` into the source post and every existing translated version.
    private func updateTranslations(_ translations: [String], source: URL, document: HugoDocument) throws {
        var versions: [(URL, HugoDocument)] = [(source, document)]
        for tag in translations.compactMap(LocaleTag.init) where tag != project.configuration.source {
            let url = try project.translatedPost(for: source, locale: tag)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            versions.append((url, try HugoDocument(bytes: TextFile.readBytes(url), path: project.projectPath(of: url), translatableKeys: [])))
        }
        for (url, version) in versions {
            let updated = DocumentBuilder(document: version, segments: []).updatingTranslations(translations)
            if updated != version.bytes { try AtomicFile.write(updated, to: url) }
        }
    }
}
