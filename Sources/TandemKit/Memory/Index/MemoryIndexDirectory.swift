import Foundation

/// The files of a memory's persisted index: `<memory>.index/<locale>.<from>-<to>.r<rewrites>.tmi`,
/// one `MemoryIndexSegment` each, written atomically (temporary file, flush, rename) so a
/// reader sees a whole segment or none; a killed writer leaves at most a temporary file.
///
/// The index is a cache of the database, never the truth: a file that is missing, damaged or
/// made for another state of the memory is ignored (and removed), and the segments are built
/// again from the committed units. So no write to the database ever waits for an index file,
/// and a crash at any point leaves a memory whose lookups are right.
struct MemoryIndexDirectory {
    let url: URL

    /// The index directory of the memory file at `path`.
    init(memoryPath: String) {
        url = URL(fileURLWithPath: memoryPath + ".index", isDirectory: true)
    }

    /// The index directory `url` (a PostgreSQL memory's, in the user's cache).
    init(url: URL) {
        self.url = url
    }

    /// A segment file's name: the locale (letters, digits and `-` kept), the ids it covers and
    /// the rewrite count it is valid for.
    struct FileName: Hashable {
        var locale: String
        var fromId: Int64
        var toId: Int64
        var rewrites: Int64

        static let suffix = ".tmi"

        var text: String { "\(locale).\(fromId)-\(toId).r\(rewrites)\(Self.suffix)" }

        init(locale: LocaleTag, coverage: MemoryIndexCoverage) {
            self.locale = Self.fileSafe(locale.identifier)
            fromId = coverage.fromId
            toId = coverage.toId
            rewrites = coverage.rewrites
        }

        init?(_ text: String) {
            guard text.hasSuffix(Self.suffix) else { return nil }
            let parts = text.dropLast(Self.suffix.count).split(separator: ".")
            guard parts.count == 3, parts[2].first == "r", let rewrites = Int64(parts[2].dropFirst()) else { return nil }
            let range = parts[1].split(separator: "-")
            guard range.count == 2, let from = Int64(range[0]), let to = Int64(range[1]) else { return nil }
            locale = String(parts[0])
            fromId = from
            toId = to
            self.rewrites = rewrites
        }

        static func fileSafe(_ identifier: String) -> String {
            String(identifier.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") ? $0 : "_" })
        }
    }

    /// The segment files present for `locale`.
    func fileNames(locale: LocaleTag) -> [FileName] {
        let safe = FileName.fileSafe(locale.identifier)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.compactMap(FileName.init).filter { $0.locale == safe }
    }

    /// The longest run of sound segments for `locale` valid for `instance` and `rewrites` that
    /// covers ids 1… without a gap, ending at most at `maxId`. Unsound files met are removed.
    func chain(locale: LocaleTag, instance: Int64, rewrites: Int64, maxId: Int64) -> [MemoryIndexSegment] {
        let names = fileNames(locale: locale).filter { $0.rewrites == rewrites && $0.toId <= maxId }
        var chain: [MemoryIndexSegment] = []
        var covered: Int64 = 0
        var rejected: Set<FileName> = []
        while true {
            // The segment that reaches furthest from where the chain ends.
            let candidates = names.filter { $0.fromId == covered && $0.toId > covered && !rejected.contains($0) }
                .sorted { $0.toId > $1.toId }
            guard let name = candidates.first else { break }
            guard let segment = open(name), segment.coverage.instance == instance else {
                rejected.insert(name)
                continue
            }
            chain.append(segment)
            covered = name.toId
        }
        return chain
    }

    /// The segment in file `name`, if sound and as its name says (else the file is removed).
    func open(_ name: FileName) -> MemoryIndexSegment? {
        let path = url.appendingPathComponent(name.text).path
        guard let storage = IndexStorage(mapping: path) else { return nil }
        if let image = FlatImage(storage), let segment = MemoryIndexSegment(image: image),
           segment.coverage.fromId == name.fromId, segment.coverage.toId == name.toId,
           segment.coverage.rewrites == name.rewrites {
            return segment
        }
        try? FileManager.default.removeItem(atPath: path)
        return nil
    }

    /// Writes the segment of `keys` for `locale` (atomically) and returns it mapped; if the
    /// file cannot be written (read-only directory, full disk), the segment in memory.
    func write(keys: [String], locale: LocaleTag, coverage: MemoryIndexCoverage) -> MemoryIndexSegment {
        var build = MemoryIndexSegmentBuild()
        for key in keys { build.add(key) }
        // The index is a cache: without its file the lookups still work, from memory.
        return write(&build, locale: locale, coverage: coverage) ?? MemoryIndexSegment(keys: keys, coverage: coverage)
    }

    /// Writes the segment `build` made for `locale` (atomically, section by section, emptying
    /// the build) and returns it mapped; nil when the file could not be written or read back.
    func write(_ build: inout MemoryIndexSegmentBuild, locale: LocaleTag, coverage: MemoryIndexCoverage) -> MemoryIndexSegment? {
        let name = FileName(locale: locale, coverage: coverage)
        do {
            try build.write(to: url.appendingPathComponent(name.text), coverage: coverage)
        } catch {
            return nil
        }
        return open(name)
    }

    /// Removes the files of `locale` that `keep` does not name and no reader can use any more:
    /// an older rewrite count, or ids that a kept segment covers.
    func removeStale(locale: LocaleTag, rewrites: Int64, keep: [MemoryIndexCoverage]) {
        for name in fileNames(locale: locale) {
            let isKept = keep.contains { $0.fromId == name.fromId && $0.toId == name.toId && $0.rewrites == name.rewrites }
            let isSuperseded = keep.contains { $0.fromId <= name.fromId && $0.toId >= name.toId }
            if name.rewrites < rewrites || (!isKept && isSuperseded) {
                try? FileManager.default.removeItem(at: url.appendingPathComponent(name.text))
            }
        }
    }
}
