import Foundation

/// The segments of one target locale, for a translator working on them one by one (what
/// `tandem translate`, `next`, `set`, `review` and `show` share): finds the segment files of
/// the project's posts, walks their segments in document order, shows each with its context,
/// glossary terms and memory matches, and saves a target once it passes the same checks as
/// build and lint.
///
/// Every save re-reads the segment file and changes only its own segment, so edits made
/// meanwhile to other segments (by hand, another `tandem set`) are kept; a change to the same
/// segment since it was shown is refused. Files are written atomically.
///
/// With `lockCommand` set, each save holds the project lock (`ProjectLock`) from its read to
/// its write: an `extract` or `import` that read the file before and renamed its own version
/// after would otherwise drop the saved target without a word. The lock is taken per save,
/// not for a whole `translate` session, which may stay open for hours.
public final class SegmentWorkspace {
    public let project: Project
    public let locale: LocaleTag
    public let memory: (any TranslationMemory)?
    /// The command named in the project lock while a save holds it (`tandem set`); nil: saves
    /// take no lock (a caller that already holds it).
    public var lockCommand: String?
    /// Called once with the holder when a save waits for the project lock.
    public var waitingForLock: (String) -> Void = { _ in }
    /// The posts worked on, in path order.
    public let posts: [URL]
    private let matcher: GlossaryMatcher
    private let linter: TranslationLinter

    /// The workspace for `locale` over `paths` (posts or directories inside the content
    /// directory; all posts when empty). With a `memory`, matches are looked up live and saved
    /// translations are added to it.
    public init(project: Project, locale: LocaleTag, paths: [String] = [], memory: (any TranslationMemory)? = nil) throws {
        self.project = project
        self.locale = locale
        self.memory = memory
        posts = try project.sourcePosts(paths)
        let glossary = try Glossary.load(projectRoot: project.root, source: project.configuration.source, target: locale)
        matcher = GlossaryMatcher(glossary: glossary)
        linter = TranslationLinter(glossary: glossary)
    }

    /// The segment files of the posts that have one for the locale, in post order.
    public func segmentFiles() throws -> [(post: URL, url: URL)] {
        try posts.compactMap { post in
            let url = try project.segmentFile(for: post, locale: locale)
            return FileManager.default.fileExists(atPath: url.path) ? (post, url) : nil
        }
    }

    /// Every segment in walk order (posts by path, segments in document order) whose state the
    /// selection includes; every segment when `selection` is nil.
    public func references(_ selection: SegmentSelection?) throws -> [SegmentReference] {
        var found: [SegmentReference] = []
        for (post, url) in try segmentFiles() {
            let file = try read(url)
            for segment in file.segments where selection?.includes(segment.state) ?? true {
                found.append(reference(post: post, url: url, id: segment.id))
            }
        }
        return found
    }

    /// The first segment the selection includes, or nil when none is left.
    public func next(_ selection: SegmentSelection) throws -> SegmentReference? {
        for (post, url) in try segmentFiles() {
            if let segment = try read(url).segments.first(where: { selection.includes($0.state) }) {
                return reference(post: post, url: url, id: segment.id)
            }
        }
        return nil
    }

    /// The segment whose id is `prefix` or starts with it (as git takes commit ids), in the
    /// workspace's posts; an error when none or more than one matches.
    public func resolve(_ prefix: String) throws -> SegmentReference {
        let key = prefix.lowercased()
        guard !key.isEmpty, key.allSatisfy(\.isHexDigit) else {
            throw TandemError.invalidArgument("'\(prefix)' is not a segment id (hexadecimal digits, as `tandem next` and segment files show them)")
        }
        let all = try references(nil)
        let exact = all.filter { $0.id == key }
        let matches = exact.isEmpty ? all.filter { $0.id.hasPrefix(key) } : exact
        guard let first = matches.first else {
            throw TandemError.invalidArgument("no segment with id '\(prefix)' in the '\(locale.identifier)' segment files of \(posts.count == 1 ? project.projectPath(of: posts[0]) : "the project")")
        }
        guard matches.count == 1 else {
            // One sentence in several posts has one id: more digits cannot tell them apart.
            if Set(matches.map(\.id)).count == 1 {
                let posts = matches.prefix(5).map(\.post).joined(separator: ", ")
                throw TandemError.invalidArgument(
                    "segment \(first.id) is the same sentence in \(matches.count) posts (\(posts)\(matches.count > 5 ? ", …" : "")); name one with --post \(matches[0].post)")
            }
            let listed = matches.prefix(5).map { "\($0.id) in \($0.post)" }.joined(separator: ", ")
            throw TandemError.invalidArgument("segment id '\(prefix)' is ambiguous: \(listed)\(matches.count > 5 ? ", …" : ""); give more digits or name the post")
        }
        return first
    }

    /// The segment `reference` names with what a translator needs beside it, read from disk now.
    public func context(of reference: SegmentReference) throws -> SegmentContext {
        let file = try read(reference.url)
        let index = try position(of: reference, in: file)
        let segment = file.segments[index]
        let previous = index > 0 ? file.segments[index - 1] : nil
        let next = index + 1 < file.segments.count ? file.segments[index + 1] : nil
        return SegmentContext(
            reference: reference, segment: segment, position: index + 1, count: file.segments.count,
            previous: previous, next: next, terms: SegmentTerm.terms(in: segment.source, matcher: matcher),
            candidates: try candidates(for: segment, previous: previous, next: next, file: file))
    }

    /// `target` checked as the translation of `segment`.
    public func check(_ target: String, for segment: SegmentEntry) -> TargetCheck {
        TargetCheck(target: target, for: segment, linter: linter)
    }

    /// Applies `update` to the segment `reference` names and writes its file at once.
    ///
    /// `shown` is the segment as the person saw it: when the file now holds another source,
    /// target or state for it, nothing is written and the error says so. A new target (or a
    /// review of the present one) is checked first: placeholder problems always stop the save,
    /// glossary and number findings unless `update.acceptsFindings` (`TargetCheckFailure`).
    /// A translated result goes into the memory. Returns the segment as saved.
    @discardableResult
    public func save(_ update: SegmentUpdate, to reference: SegmentReference, shown: SegmentEntry? = nil) throws -> SegmentEntry {
        let lock = try lockCommand.map { try ProjectLock(projectRoot: project.root, command: $0, waiting: waitingForLock) }
        defer { lock?.release() }
        let bytes = try TextFile.readBytes(reference.url)
        var file = try SegmentFileStore.decode(bytes, path: reference.segmentFile)
        let index = try position(of: reference, in: file)
        var segment = file.segments[index]
        let location = SegmentFileStore.location(ofSegment: reference.id, in: bytes, path: reference.segmentFile)
        if let shown, (shown.source, shown.target, shown.state) != (segment.source, segment.target, segment.state) {
            throw TandemError.invalidValue(location, message: "segment \(reference.id) changed in the file since it was shown (now \(segment.state.rawValue): \(segment.target ?? "no target")); nothing was written, show it again")
        }
        if segment.state == .final, update.target != nil || update.state.map({ $0 != .final }) == true, !update.overwritesFinal {
            throw TandemError.invalidValue(location, message: "segment \(reference.id) is final; a final segment is changed only when asked to (--force)")
        }
        let checked = update.target ?? (update.state.map(\.isTranslated) == true ? segment.target : nil)
        if update.target == nil, update.state.map(\.isTranslated) == true, segment.target?.isEmpty ?? true {
            throw TandemError.invalidValue(location, message: "segment \(reference.id) has no target; translate it first")
        }
        if let target = checked {
            guard !target.isEmpty else {
                throw TandemError.invalidArgument("an empty target; a segment without a translation keeps no target")
            }
            // Only spaces would be a translation that shows nothing: the sentence vanished from
            // the built page (an empty list item) while the post counted as translated.
            guard !BlankText.isBlank(target) else {
                throw TandemError.invalidArgument("a target of white space only; a segment without a translation keeps no target")
            }
            let check = self.check(target, for: segment)
            if !check.placeholderProblems.isEmpty || (!check.findings.isEmpty && !update.acceptsFindings) {
                throw TargetCheckFailure(location: location, check: check)
            }
        }
        // The same words a pseudo-translation (or the memory) put there are a person's now: kept
        // as pseudo, `tandem pseudo` replaced the translator's "Tips" with "⟦Tips⟧".
        if let target = update.target, target != segment.target || segment.origin != .human {
            segment.replaceTarget(with: target, state: update.state ?? .translated, origin: .human)
        } else if let state = update.state {
            segment.state = state
        }
        if let note = update.note, !note.isEmpty { segment.notes = (segment.notes ?? []) + [note] }
        guard segment != file.segments[index] else { return segment }
        file.segments[index] = segment
        try SegmentFileStore.write(file, to: reference.url)
        // The segment file is the truth: the memory learns what it now holds.
        if let memory {
            let units = file.memoryUnits(originFile: reference.segmentFile).filter { $0.originSegment == reference.id }
            do {
                if !units.isEmpty { try memory.add(units) }
            } catch {
                // The target is saved: saying only the memory's error read as if nothing was.
                throw TandemError.invalidValue(
                    location, message: "saved segment \(reference.id), but the memory did not learn it: \(error); `tandem tm rebuild` brings the memory up to date from the segment files")
            }
        }
        return segment
    }

    /// The segment file at `url`, decoded as every command decodes it.
    public func read(_ url: URL) throws -> SegmentFile {
        guard let file = try SegmentFileStore.read(url, displayPath: project.projectPath(of: url)) else {
            throw TandemError.unreadable(path: project.projectPath(of: url), reason: "no segment file; run `tandem extract`")
        }
        return file
    }

    private func reference(post: URL, url: URL, id: String) -> SegmentReference {
        SegmentReference(post: project.projectPath(of: post), segmentFile: project.projectPath(of: url), id: id, url: url)
    }

    private func position(of reference: SegmentReference, in file: SegmentFile) throws -> Int {
        guard let index = file.segments.firstIndex(where: { $0.id == reference.id }) else {
            throw TandemError.invalidArgument("segment \(reference.id) is no longer in \(reference.segmentFile) (the post changed; run `tandem extract`)")
        }
        return index
    }

    /// The memory's matches now (when there is a memory), then the candidates the file keeps
    /// from `extract`, without repeats, best first.
    private func candidates(for segment: SegmentEntry, previous: SegmentEntry?, next: SegmentEntry?, file: SegmentFile) throws -> [MatchCandidate] {
        let settings = project.configuration.leverage
        var found: [MatchCandidate] = []
        if let memory {
            let query = MemoryQuery(
                source: segment.source, sourceLocale: file.sourceLocale, targetLocale: file.targetLocale,
                previousSource: previous?.source, nextSource: next?.source)
            found = try memory.matches(for: query, minimumScore: settings.minimumScore, limit: max(settings.candidates, 1))
                .map { $0.candidate(for: segment.source) }
        }
        for stored in segment.candidates ?? [] where !found.contains(where: { $0.source == stored.source && $0.target == stored.target }) {
            found.append(stored)
        }
        // The same translation offered twice (from two stored sources) is offered once.
        var seen = Set<String>()
        return found.sorted { $0.score > $1.score }.filter { seen.insert($0.target).inserted }.prefix(9).map { $0 }
    }
}
