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

    /// A rebuild from the text files under `projectRoot` (a folder with `locales/` or `tm/`
    /// needs no `tandem.yml`).
    public init(projectRoot: URL) { self.projectRoot = projectRoot }

    /// A rebuild from `project`'s text files.
    public init(project: Project) { self.init(projectRoot: project.root) }

    /// Replaces the memory at `address` with one rebuilt from the text files, all or nothing.
    ///
    /// A SQLite memory is built as a new file beside the old one and renamed over it when
    /// complete, so a failed rebuild leaves the old file as it was. It holds the memory's lock
    /// (`MemoryFileLock`, recorded as `command`) from before reading the text files until the
    /// rename: every run that opens that memory (a `translate` session, a lookup, a `tm import`)
    /// waits for it, and it waits for those running (`waiting` is called once, with the holder,
    /// when it does). A PostgreSQL memory is emptied and filled in one transaction: other
    /// clients see the old units until it commits, and their writes wait for it.
    ///
    /// `lockingProject` (a project's root) is then locked too (`ProjectLock`, `waitingForProject`):
    /// an `extract` or `import` between reading the segment files and replacing the memory
    /// would see its units dropped. The memory's lock comes first, the order every run keeps.
    /// `progress` gets a line per file read.
    public func replacing(
        _ address: MemoryAddress, command: String = "tandem tm rebuild", waiting: (String) -> Void = { _ in },
        lockingProject projectRoot: URL? = nil, waitingForProject: (String) -> Void = { _ in },
        progress: ((String) -> Void)? = nil
    ) throws -> Summary {
        func projectLock() throws -> ProjectLock? {
            try projectRoot.map { try ProjectLock(projectRoot: $0, command: command, waiting: waitingForProject) }
        }
        switch address {
        case .sqlite(let path):
            let lock = try MemoryFileLock(memoryPath: path, use: .replacing, command: command, waiting: waiting)
            defer { lock.release() }
            let project = try projectLock()
            defer { project?.release() }
            return try replacingFile(at: URL(fileURLWithPath: path), progress: progress)
        case .postgreSQL(let url):
            let project = try projectLock()
            defer { project?.release() }
            let memory = try PostgreSQLMemory(url: url)
            return try memory.inOneTransaction { try run(into: memory, progress: progress) }
        }
    }

    /// A new SQLite file next to `destination`, renamed over it when complete (the caller holds
    /// the memory's lock).
    private func replacingFile(at destination: URL, progress: ((String) -> Void)?) throws -> Summary {
        let directory = destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Files a killed rebuild left here go first (see `TemporaryFile.removeStale`).
        TemporaryFile.removeStale(in: directory, runStart: Date())
        let temporary = TemporaryFile.name(beside: destination)
        // SQLite's own companions of a database file.
        let companions = ["-wal", "-shm"]
        defer {
            for suffix in [""] + companions { try? FileManager.default.removeItem(atPath: temporary.path + suffix) }
            // The new file's persisted index (built by the bulk loads) is named after the
            // temporary file, so it goes too: the first lookup builds it for the memory's name.
            try? FileManager.default.removeItem(at: MemoryIndexDirectory(memoryPath: temporary.path).url)
        }
        let memory = try SQLiteMemory(path: temporary.path)
        let summary = try run(into: memory, progress: progress)
        try memory.close()
        // The old database's WAL must not be applied to the new file.
        for suffix in companions { try? FileManager.default.removeItem(atPath: destination.path + suffix) }
        guard rename(temporary.path, destination.path) == 0 else {
            throw TandemError.unwritable(path: destination.path, reason: String(cString: strerror(errno)))
        }
        return summary
    }

    /// Empties `memory` and fills it again. `progress` gets a line per file.
    public func run(into memory: any TranslationMemory, progress: ((String) -> Void)? = nil) throws -> Summary {
        var summary = Summary()
        try memory.removeAll()
        for file in try segmentFiles() {
            let relative = relativePath(file)
            guard let segmentFile = try SegmentFileStore.read(file) else { continue }
            let units = segmentFile.memoryUnits(originFile: relative)
            try memory.add(units)
            summary.segmentFiles += 1
            summary.segmentUnits += units.count
            progress?("\(relative): \(CountedNoun.phrase(units.count, "unit"))")
        }
        for file in tmxFiles() {
            let relative = relativePath(file)
            let result = try memory.importTMX(from: file, displayPath: relative)
            summary.tmxFiles += 1
            summary.tmxUnits += result.inserted + result.updated
            progress?("\(relative): \(CountedNoun.phrase(result.translationUnits, "translation unit"))")
        }
        summary.units = try memory.statistics().units
        return summary
    }

    /// `locales/<tag>/**/*.json`, sorted (locale rule files `locales/<tag>.yml` are not segment files).
    func segmentFiles() throws -> [URL] {
        let locales = ProjectLayout(root: projectRoot).localesDirectory
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
        let directory = ProjectLayout(root: projectRoot).tmxDirectory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.lowercased().hasSuffix(".tmx") }.sorted().map { directory.appendingPathComponent($0) }
    }

    func relativePath(_ url: URL) -> String { url.path(relativeTo: projectRoot) }
}
