import Foundation

/// The one way Tandem names and creates a temporary file: beside its destination (so the final
/// `rename` stays on one file system), as `.<name>.tandem-tmp-<pid>-<random>`. The pattern is
/// git-ignored in a new project, and it carries the writer's process id, so the next run can
/// tell a file left by a killed run (its writer is gone) from one a concurrent run is writing.
public enum TemporaryFile {
    /// What every temporary file's name contains.
    public static let marker = ".tandem-tmp-"
    /// The `.gitignore` line that covers them (and SQLite's `-wal`/`-shm` companions of one).
    public static let gitIgnorePattern = "*" + marker + "*"

    /// A new name for a temporary file of `destination` (nothing is created).
    static func name(beside destination: URL) -> URL {
        let random = UInt64.random(in: 0...UInt64.max)
        return destination.deletingLastPathComponent().appendingPathComponent(
            ".\(destination.lastPathComponent)\(marker)\(getpid())-\(String(random, radix: 16))")
    }

    /// Creates a new temporary file for `destination` (its directory must exist), open for
    /// writing; a failure is an error naming the destination.
    static func create(beside destination: URL) throws -> (url: URL, descriptor: Int32) {
        let url = name(beside: destination)
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw TandemError.unwritable(path: destination.path, reason: String(cString: strerror(errno)))
        }
        return (url, descriptor)
    }

    /// The process id a temporary file's name records, or nil when `name` is not one of ours.
    static func writer(ofName name: String) -> pid_t? {
        guard let range = name.range(of: marker) else { return nil }
        let rest = name[range.upperBound...]
        guard let dash = rest.firstIndex(of: "-") else { return nil }
        return pid_t(rest[..<dash])
    }

    /// Whether process `pid` is running (a process we may not signal still exists).
    static func isRunning(_ pid: pid_t) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }

    /// Removes the temporary files left below `directories` by runs that were killed: those
    /// last modified before `runStart` whose writer process is gone. A file a running process
    /// writes is never removed, however old; the names of earlier Tandem versions
    /// (`.<name>.tmp-<UUID>`, `.<name>.rebuild-<UUID>`) carry no process id and go when older
    /// than `legacyAge`. `.git` is not entered. Returns the files removed.
    @discardableResult
    public static func removeStale(below directories: [URL], runStart: Date, legacyAge: TimeInterval = 3600) -> [URL] {
        var hidden: [String] = []
        for directory in directories { hiddenFiles(below: directory.path, into: &hidden) }
        return hidden.map { URL(fileURLWithPath: $0) }.filter { removeIfStale($0, runStart: runStart, legacyAge: legacyAge) }
    }

    /// Appends the paths of the regular files below `directory` whose names start with a dot
    /// (every temporary file's do), without entering `.git`, `node_modules` or a linked
    /// directory. `readdir` rather than `FileManager`'s enumerator: every command walks the
    /// whole project, and a URL made and taken apart per file was most of the walk (ten
    /// thousand files in the 5,000-post benchmark, 6% of a one-post `extract`).
    private static func hiddenFiles(below directory: String, into found: inout [String]) {
        guard let stream = opendir(directory) else { return }
        defer { closedir(stream) }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        while let entry = readdir(stream) {
            let name = DirectoryEntryName.of(entry)
            if name == "." || name == ".." { continue }
            let path = prefix + name
            guard let type = DirectoryEntryType.of(entry, atPath: path) else { continue }
            if type == Int32(DT_DIR) {
                if name != ".git" && name != "node_modules" { hiddenFiles(below: path, into: &found) }
            } else if type == Int32(DT_REG), name.hasPrefix(".") {
                found.append(path)
            }
        }
    }

    /// As `removeStale(below:…)`, for the files directly in `directory` only (a memory's folder,
    /// which may be a shared one such as `/tmp`), and the index folders of a temporary memory
    /// (`.<name>.tandem-tmp-<pid>-<n>.index/`, a killed rebuild's) whose writer is gone.
    @discardableResult
    static func removeStale(in directory: URL, runStart: Date, legacyAge: TimeInterval = 3600) -> [URL] {
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: keys)) ?? []
        return files.filter { removeIfStale($0, runStart: runStart, legacyAge: legacyAge) || removeIfStaleIndexFolder($0) }
    }

    private static let keys: [URLResourceKey] = [.contentModificationDateKey, .isRegularFileKey, .isDirectoryKey]

    /// A temporary memory's index folder whose writer is gone (its files are written before the
    /// memory is renamed into place, so its age says nothing: the writer decides).
    private static func removeIfStaleIndexFolder(_ url: URL) -> Bool {
        let name = url.lastPathComponent
        guard name.hasPrefix("."), name.hasSuffix(".index"), let pid = writer(ofName: name), !isRunning(pid),
              (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true
        else { return false }
        return (try? FileManager.default.removeItem(at: url)) != nil
    }

    private static func removeIfStale(_ url: URL, runStart: Date, legacyAge: TimeInterval) -> Bool {
        let name = url.lastPathComponent
        guard name.hasPrefix("."), let values = try? url.resourceValues(forKeys: Set(keys)),
              values.isRegularFile == true, let modified = values.contentModificationDate, modified < runStart
        else { return false }
        let stale: Bool
        if let pid = writer(ofName: name) {
            stale = !isRunning(pid)
        } else {
            stale = isLegacyName(name) && modified < runStart.addingTimeInterval(-legacyAge)
        }
        return stale && unlink(url.path) == 0
    }

    /// `.<name>.tmp-<UUID>` or `.<name>.rebuild-<UUID>[-wal|-shm]`, as Tandem named them before.
    private static func isLegacyName(_ name: String) -> Bool {
        for marker in [".tmp-", ".rebuild-"] {
            guard let range = name.range(of: marker, options: .backwards) else { continue }
            let uuid = name[range.upperBound...].prefix(36)
            if UUID(uuidString: String(uuid)) != nil { return true }
        }
        return false
    }
}
