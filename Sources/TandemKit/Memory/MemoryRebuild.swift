import Foundation

/// Recreates a memory from the text files that are the truth: segment files
/// (`locales/<tag>/**/*.json`, segments translated or better) and TMX files (`tm/*.tmx`).
public struct MemoryRebuild {
    /// What a rebuild read and stored.
    public struct Summary: Equatable, Sendable, Codable {
        public var segmentFiles = 0
        public var segmentUnits = 0
        public var tmxFiles = 0
        public var tmxUnits = 0
        public var units = 0
        public init() {}
    }

    public let projectRoot: URL

    public init(projectRoot: URL) { self.projectRoot = projectRoot }

    /// Empties `memory` and fills it again. `progress` gets a line per file.
    public func run(into memory: any TranslationMemory, progress: ((String) -> Void)? = nil) throws -> Summary {
        var summary = Summary()
        try memory.removeAll()
        for file in try segmentFiles() {
            let relative = relativePath(file)
            guard let segmentFile = try SegmentFileStore.read(file) else { continue }
            let units = Self.units(of: segmentFile, originFile: relative)
            try memory.add(units)
            summary.segmentFiles += 1
            summary.segmentUnits += units.count
            progress?("\(relative): \(units.count) units")
        }
        for file in tmxFiles() {
            let relative = relativePath(file)
            let result = try memory.importTMX(from: file, displayPath: relative)
            summary.tmxFiles += 1
            summary.tmxUnits += result.inserted + result.updated
            progress?("\(relative): \(result.translationUnits) translation units")
        }
        summary.units = try memory.statistics().units
        return summary
    }

    /// The translated segments of `file` (pseudo-translations excepted) as memory units, each
    /// with its neighbours as context; then its obsolete translations, without context (their
    /// sentence has left the post), so a rebuilt memory still offers them as the file keeps them.
    public static func units(of file: SegmentFile, originFile: String) -> [MemoryUnit] {
        let segments = file.segments
        var units: [MemoryUnit] = []
        for (index, segment) in segments.enumerated() {
            guard let unit = unit(of: segment, in: file, originFile: originFile,
                                  previousSource: index > 0 ? segments[index - 1].source : nil,
                                  nextSource: index + 1 < segments.count ? segments[index + 1].source : nil)
            else { continue }
            units.append(unit)
        }
        for segment in file.obsolete ?? [] {
            if let unit = unit(of: segment, in: file, originFile: originFile, previousSource: nil, nextSource: nil) {
                units.append(unit)
            }
        }
        return units
    }

    /// `segment` as a memory unit, or nil when it is not a translation to reuse.
    private static func unit(
        of segment: SegmentEntry, in file: SegmentFile, originFile: String, previousSource: String?, nextSource: String?
    ) -> MemoryUnit? {
        // Pseudo-translations test layouts; they are not translations to reuse.
        guard segment.state.isTranslated, segment.origin != .pseudo, let target = segment.target, !target.isEmpty else { return nil }
        return MemoryUnit(
            sourceLocale: file.sourceLocale, targetLocale: file.targetLocale, source: segment.source, target: target,
            previousSource: previousSource, nextSource: nextSource,
            originFile: originFile, originSegment: segment.id, creator: segment.origin?.rawValue,
            state: segment.state)
    }

    /// `locales/<tag>/**/*.json`, sorted (locale rule files `locales/<tag>.yml` are not segment files).
    func segmentFiles() throws -> [URL] {
        let locales = projectRoot.appendingPathComponent("locales")
        guard let enumerator = FileManager.default.enumerator(at: locales, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        var files: [URL] = []
        for case let url as URL in enumerator where url.pathExtension == "json" {
            // Only files inside a locale folder: locales/<tag>/….
            let parts = relativePath(url).split(separator: "/")
            if parts.count >= 3 { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }

    func tmxFiles() -> [URL] {
        let directory = projectRoot.appendingPathComponent("tm")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.lowercased().hasSuffix(".tmx") }.sorted().map { directory.appendingPathComponent($0) }
    }

    func relativePath(_ url: URL) -> String { url.path(relativeTo: projectRoot) }
}
