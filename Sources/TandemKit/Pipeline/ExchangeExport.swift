import Foundation

/// `tandem export`: hands a locale's segments to translators as XLIFF 1.2, XLIFF 2.1 or PO.
/// Reads segment files only (run `extract` first); writes each output atomically.
public struct ExchangeExport {
    public let project: Project
    public let locale: LocaleTag
    /// Segments in these states are handed out (all when nil).
    public let states: Set<SegmentState>?

    public init(project: Project, locale: LocaleTag, states: Set<SegmentState>? = nil) {
        self.project = project
        self.locale = locale
        self.states = states
    }

    /// What was written, for the summary.
    public struct Summary: Codable, Equatable, Sendable {
        public var files: [String] = []
        public var posts = 0
        public var units = 0
        /// Billable words and CJK characters of the sources handed out.
        public var words = 0
        public var cjkCharacters = 0
    }

    /// The documents of `posts` (posts with no segment in `states` are left out); a post
    /// without a segment file for the locale is an error naming it. `progress` is called after
    /// each post.
    public func documents(posts: [URL], progress: (Int) -> Void = { _ in }) throws -> [ExchangeDocument] {
        var documents: [ExchangeDocument] = []
        for (index, post) in posts.enumerated() {
            defer { progress(index + 1) }
            let url = try project.segmentFile(for: post, locale: locale)
            guard let file = try SegmentFileStore.read(url, displayPath: project.projectPath(of: url)) else {
                throw TandemError.unreadable(path: project.projectPath(of: url), reason: "no segment file for \(project.projectPath(of: post)) in \(locale.identifier); extract the post first")
            }
            var seen = Set<String>()
            for segment in file.segments where !seen.insert(segment.id).inserted {
                throw TandemError.invalidSegmentFile(
                    SegmentFileStore.location(ofSegment: segment.id, in: try TextFile.readBytes(url), path: project.projectPath(of: url)),
                    message: "segment id \(segment.id) appears twice; an exchange file needs unique ids")
            }
            let segments = file.segments.filter { states?.contains($0.state) ?? true }
            guard !segments.isEmpty else { continue }
            documents.append(ExchangeDocument(original: file.source, sourceLocale: file.sourceLocale, targetLocale: file.targetLocale, segments: segments))
        }
        return documents
    }

    /// Writes `documents` to `output` in `format`: one file, or with `split` one file per post in
    /// the directory `output` (named after the post's path).
    public func write(_ documents: [ExchangeDocument], format: ExchangeFormat, to output: URL, split: Bool, toolVersion: String, prefillTargets: Bool = true) throws -> Summary {
        var summary = Summary()
        let counter = try WordCounter(locale: project.configuration.source)
        for document in documents {
            summary.posts += 1
            summary.units += document.segments.count
            for segment in document.segments {
                let count = counter.count(CodedText(segment.source).plainText)
                summary.words += count.words
                summary.cjkCharacters += count.cjkCharacters
            }
        }
        let groups: [(URL, [ExchangeDocument])] = split
            ? documents.map { document in
                let name = document.original.replacingOccurrences(of: "/", with: "__") + ".\(locale.identifier).\(format.fileExtension)"
                return (output.appendingPathComponent(name), [document])
            }
            : [(output, documents)]
        try refuseProjectFiles(groups.map(\.0))
        let batch = AtomicFileBatch()
        for (url, group) in groups {
            let text: String
            switch format {
            case .xliff12: text = XLIFF12Writer(prefillTargets: prefillTargets, toolVersion: toolVersion).document(group)
            case .xliff21: text = XLIFF21Writer(prefillTargets: prefillTargets, toolVersion: toolVersion).document(group)
            case .po: text = POWriter(toolVersion: toolVersion).catalog(group, targetLocale: locale)
            }
            try batch.write(Array(text.utf8), to: url)
            summary.files.append(url.path)
        }
        try batch.commit()
        return summary
    }

    /// An export never replaces the project's own files: a slip such as `-o` naming a segment
    /// file, a post or `tandem.yml` would put XLIFF where translations or the source were.
    /// Exports go anywhere else, and only to files named like one (`.xlf`, `.xliff`, `.po`).
    func refuseProjectFiles(_ destinations: [URL]) throws {
        let protected = [project.localesDirectory, project.contentDirectory, project.layout.glossariesDirectory, project.layout.tmxDirectory]
        let exchangeExtensions: Set<String> = ["xlf", "xliff", "po"]
        for url in destinations {
            let display = project.projectPath(of: url)
            if let directory = protected.first(where: { TranslationLayout.isInside(url, $0) }) {
                throw TandemError.invalidArgument("\(display) is inside \(project.projectPath(of: directory))/, which holds the project's own files; export to another folder")
            }
            if url.standardizedFileURL == project.layout.configurationFile.standardizedFileURL || !exchangeExtensions.contains(url.pathExtension.lowercased()) {
                throw TandemError.invalidArgument("\(display) is not an exchange file name; expected a name ending in .xlf, .xliff or .po")
            }
        }
    }
}
