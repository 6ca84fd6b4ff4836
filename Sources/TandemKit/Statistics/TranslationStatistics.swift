import Foundation

/// `tandem stats`: for each target locale, per post and in total, the source volume (segments,
/// words, CJK characters), the CAT analysis bands against the project memory, and the segments
/// per state. Reads the segment files (`extract` writes them); changes nothing.
///
/// Bands, as Trados and memoQ rank them: in context (101%) first; then a repetition (a source
/// whose matching key an earlier segment of the same locale already had — counted once as
/// work, its later occurrences here); then 100%, the fuzzy bands and no match by the memory's
/// best score. A segment's own translation, stored in the memory by `extract`, is not counted as
/// a match for it: the analysis says what the memory offers from elsewhere.
public struct TranslationStatistics {
    public let project: Project
    /// Nil: every band but repetitions is "no match".
    public let memory: (any TranslationMemory)?
    private let counter: WordCounter

    public init(project: Project, memory: (any TranslationMemory)?) throws {
        self.project = project
        self.memory = memory
        counter = try WordCounter(locale: project.configuration.source)
    }

    /// The target locales with segment files to analyse: the configured ones, then any other
    /// `locales/<tag>/` folder (a post's `translations:` may ask for more), in tag order.
    public func locales() -> [LocaleTag] {
        project.targetLocales()
    }

    /// The figures of `posts` (source posts) for each of `locales`; posts without a segment
    /// file for a locale are left out of it. `progress` is called after each post.
    public func statistics(of posts: [URL], locales: [LocaleTag], progress: (Int) -> Void = { _ in }) throws -> [LocaleStatistics] {
        var files: [LocaleTag: [(path: String, file: SegmentFile)]] = [:]
        for (index, post) in posts.enumerated() {
            for locale in locales {
                let url = try project.segmentFile(for: post, locale: locale)
                let path = project.projectPath(of: url)
                if let file = try SegmentFileStore.read(url, displayPath: path) { files[locale, default: []].append((path, file)) }
            }
            progress(index + 1)
        }
        return try locales.map { locale in try statistics(of: files[locale] ?? [], locale: locale) }
    }

    /// The figures of segment files of one locale, `path` being each file's project path (as
    /// memory units record their origin), in order: repetitions follow that order.
    public func statistics(of files: [(path: String, file: SegmentFile)], locale: LocaleTag) throws -> LocaleStatistics {
        if let memory { _ = try memory.prepareLookups(sourceLocale: project.configuration.source, targetLocale: locale) }
        var seen = Set<String>()
        var posts: [PostStatistics] = []
        for (path, file) in files {
            var statistics = PostStatistics(post: file.source)
            let segments = file.segments
            for index in segments.indices {
                let segment = segments[index]
                let query = MemoryQuery(
                    source: segment.source, sourceLocale: file.sourceLocale, targetLocale: file.targetLocale,
                    previousSource: index > 0 ? segments[index - 1].source : nil,
                    nextSource: index + 1 < segments.count ? segments[index + 1].source : nil)
                let band = try band(of: segment, query: query, originFile: path, seen: &seen)
                // A pseudo-translation tests layouts: counted as new (it showed ja 100% translated).
                statistics.add(
                    TextVolume(segment: counter.count(CodedText(segment.source).plainText)), band: band, state: segment.state,
                    isPseudo: segment.origin == .pseudo && segment.state.isTranslated)
            }
            posts.append(statistics)
        }
        return LocaleStatistics(locale: locale, posts: posts)
    }

    private func band(of segment: SegmentEntry, query: MemoryQuery, originFile: String, seen: inout Set<String>) throws -> MatchBand {
        let isOwn = { (match: MemoryMatch) in match.unit.originFile == originFile && match.unit.originSegment == segment.id }
        let exact = try memory?.exactMatches(for: query).filter { !isOwn($0) } ?? []
        let isRepetition = !seen.insert(query.sourceKey).inserted
        if exact.first?.kind == .inContext { return .inContext }
        if isRepetition { return .repetition }
        if !exact.isEmpty { return .exact }
        // Two: the best may be the segment's own earlier translation.
        let fuzzy = try memory?.fuzzyMatches(for: query, minimumScore: MatchBand.lowestFuzzyScore, limit: 2).filter { !isOwn($0) } ?? []
        return fuzzy.first.map { MatchBand(score: $0.score) } ?? .noMatch
    }
}
