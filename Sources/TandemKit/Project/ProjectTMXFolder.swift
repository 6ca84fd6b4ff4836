import Foundation

/// The project's `tm/` folder: the TMX files that are, with the segment files, the text the
/// memory is rebuilt from (`tandem tm rebuild`).
///
/// `tandem tm import` keeps each imported file here, so a rebuild never forgets what an import
/// added. A file already in the folder is not copied; a different file of the same name is never
/// overwritten (the import is refused before anything is stored).
public struct ProjectTMXFolder {
    /// `<project>/tm`.
    public let directory: URL
    let projectRoot: URL

    public init(projectRoot: URL) {
        self.projectRoot = projectRoot
        directory = ProjectLayout(root: projectRoot).tmxDirectory
    }

    /// What keeping a file will do.
    public enum Plan: Equatable {
        /// The file is in `tm/` already, or an identical copy is.
        case alreadyKept(URL)
        /// The file will be written to this path.
        case copy(to: URL)
    }

    /// Where `file` goes. Throws when `tm/` holds another file of that name with other bytes.
    /// `rewriting`: the import overrides the file's languages, so the kept copy is rewritten
    /// with them even where it is the file as it was (kept by an import without the override,
    /// or in `tm/` itself): otherwise a rebuild would bring the old languages back.
    public func plan(for file: URL, rewriting: Bool = false) throws -> Plan {
        let source = file.standardizedFileURL.resolvingSymlinksInPath()
        if source.deletingLastPathComponent().path == directory.standardizedFileURL.resolvingSymlinksInPath().path {
            return rewriting ? .copy(to: source) : .alreadyKept(source)
        }
        let destination = directory.appendingPathComponent(Self.keptName(for: file))
        try ProjectBoundary.require(destination, inside: projectRoot, named: "the project", what: "kept TMX copy", shownAs: relativePath(destination))
        guard FileManager.default.fileExists(atPath: destination.path) else { return .copy(to: destination) }
        if FileManager.default.contentsEqual(atPath: source.path, andPath: destination.path) {
            return rewriting ? .copy(to: destination) : .alreadyKept(destination)
        }
        throw TandemError.alreadyExists(
            path: relativePath(destination),
            reason: "a different TMX of that name is kept already; rename \(file.lastPathComponent) and import it again")
    }

    /// Writes the kept copy: the file's bytes as they are, or — when the import overrode the
    /// source or target language — its units as read with `sourceLocale` and `targetLocale`,
    /// each `<tu>` naming its `srclang`, so a rebuild reads them in the same languages. Atomic:
    /// a failure leaves no file.
    public func keep(_ file: URL, at destination: URL, sourceLocale override: LocaleTag?, targetLocale: LocaleTag? = nil, toolVersion: String) throws {
        try TandemError.createDirectory(directory, for: destination)
        guard override != nil || targetLocale != nil else {
            let writer = try AtomicFileWriter(destination: destination)
            do {
                let handle = try FileHandle(forReadingFrom: file)
                defer { try? handle.close() }
                while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                    try writer.write([UInt8](chunk))
                }
                try writer.commit()
            } catch {
                writer.abandon()
                throw error
            }
            return
        }
        // Without a source override the header says *all*: each <tu> names its own srclang.
        let writer = try TMXWriter(destination: destination, sourceLocale: override, toolVersion: toolVersion)
        do {
            let now = Date()
            let reader = TMXReader(url: file, displayPath: file.path)
            var read = 0
            var kept = 0
            var reason: String?
            _ = try reader.read { tu in
                read += 1
                let units = tu.memoryUnits(sourceLocale: override, targetLocale: targetLocale, path: file.path, now: now)
                if units.isEmpty, reason == nil { reason = tu.skipReason(sourceLocale: override) }
                for unit in units { try writer.write(unit) }
                kept += units.count
            }
            // A rewrite that keeps none of the file's units would replace the copy a rebuild
            // reads with an empty one (a zh-TW file imported with --source-locale ja, say):
            // the memory would lose the units at the next rebuild. Nothing is written or stored.
            if kept == 0, read > 0 {
                throw TandemError.invalidArgument(
                    "\(file.path): none of its \(CountedNoun.phrase(read, "translation unit")) can be stored with"
                        + (override.map { " --source-locale \($0.identifier)" } ?? "") + (targetLocale.map { " --target-locale \($0.identifier)" } ?? "")
                        + " (\(reason ?? "no unit")); nothing imported, and \(relativePath(destination)) is not written")
            }
            try writer.finish()
        } catch {
            writer.abandon()
            throw error
        }
    }

    /// `destination` relative to the project, for messages.
    public func relativePath(_ url: URL) -> String { url.path(relativeTo: projectRoot) }

    /// The file's name, with `.tmx` when it ends otherwise (rebuild reads `tm/*.tmx` only).
    static func keptName(for file: URL) -> String {
        let name = file.lastPathComponent
        return name.lowercased().hasSuffix(".tmx") ? name : name + ".tmx"
    }
}
