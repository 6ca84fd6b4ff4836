import Foundation

/// Every file of a project with its bytes, by path relative to the root: the project's text
/// files (posts, segment files, built posts, tandem.yml, tm/). Left out: `.tandem/` (the
/// derived memory and state, checked through `MemoryFileProbe`) and temporary files, which a
/// killed run may leave and the next run removes (`leftTemporaryFiles`).
struct ProjectSnapshot: Equatable {
    var files: [String: Data]

    init(of root: URL) throws {
        files = [:]
        for path in try Self.regularFiles(below: root) where !path.hasPrefix(".tandem/") && !Self.isTemporary(path) {
            files[path] = try Data(contentsOf: root.appendingPathComponent(path))
        }
    }

    /// The paths of every regular file below `root`, `.tandem/` included.
    static func regularFiles(below root: URL) throws -> [String] {
        let base = root.resolvingSymlinksInPath().path + "/"
        var paths: [String] = []
        let enumerator = FileManager.default.enumerator(at: root.resolvingSymlinksInPath(), includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            paths.append(String(url.resolvingSymlinksInPath().path.dropFirst(base.count)))
        }
        return paths.sorted()
    }

    /// Temporary files anywhere below `root` (`.tandem/` too): Tandem's own
    /// (`.<name>.tandem-tmp-<pid>-<n>`) and SQLite's journals of one.
    static func leftTemporaryFiles(below root: URL) throws -> [String] {
        try regularFiles(below: root).filter(isTemporary)
    }

    static func isTemporary(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.contains(".tandem-tmp-") || name.contains(".tmp-") || name.contains(".rebuild-")
    }

    /// The paths whose bytes are neither `old`'s nor `new`'s (a file absent from one counts as
    /// that version when it is absent here too), with what they hold.
    func pathsNeither(_ old: ProjectSnapshot, nor new: ProjectSnapshot) -> [String] {
        let paths = Set(files.keys).union(old.files.keys).union(new.files.keys)
        return paths.filter { files[$0] != old.files[$0] && files[$0] != new.files[$0] }.sorted()
    }
}
