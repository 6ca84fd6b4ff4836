import Foundation

/// The Markdown files under the content directory, listed with `readdir` and remembered per
/// directory under the directory's stamp (`FileStamp`): a directory whose stamp is as recorded
/// has the entries it had (adding, removing or renaming an entry changes the directory's
/// modification and change times), so it is not read again. `ExtractRun` keeps the records in
/// its state: listing 5,000 posts through `FileManager`'s enumerator, a URL per file, was a
/// sixth of a run that skips them all.
///
/// A directory is recorded only when its stamp was taken after it had settled (its times older
/// than `reference`, the file system's time read before the walk: git's rule for racily clean
/// files, as in `FileDigests`): an entry added within the same clock tick as the listing leaves
/// times a later stamp could equal, so such a directory is read again next time.
///
/// Only plain trees are listed here: a directory that holds a symbolic link (which
/// `Project.candidatePosts(_:)` checks against the content directory's boundary) makes the
/// walk give up, and the caller lists the usual way.
public struct ContentListing: Equatable, Sendable {
    /// What one directory held.
    public struct Directory: Equatable, Sendable {
        public var stamp: FileStamp
        /// The names of its subdirectories, and of its Markdown files, each sorted.
        public var subdirectories: [String]
        public var markdownFiles: [String]

        public init(stamp: FileStamp, subdirectories: [String], markdownFiles: [String]) {
            self.stamp = stamp
            self.subdirectories = subdirectories
            self.markdownFiles = markdownFiles
        }
    }

    /// By the directory's path relative to the walk's root ("" for the root).
    public var directories: [String: Directory]

    public init(directories: [String: Directory] = [:]) {
        self.directories = directories
    }

    /// The paths of the Markdown files under `root` (directories included whose names end in
    /// `.md`, as the enumerator lists them), sorted by path; nil when the tree holds a symbolic
    /// link or a directory cannot be read. Keeps the records of the directories walked (those
    /// settled before `reference`; none without it) and drops the others.
    public mutating func markdownFiles(under root: URL, reference: FileSystemClock.Time?) -> [String]? {
        var kept: [String: Directory] = [:]
        var found: [String] = []
        let rootPath = root.path.hasSuffix("/") ? String(root.path.dropLast()) : root.path
        // Depth first, names in order: the paths come out sorted as `/`-joined strings sort,
        // except where a name sorts below "/" ("a-b" against "a/c"); sorted once at the end.
        var pending: [String] = [""]
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? rootPath : rootPath + "/" + relative
            guard let stamp = FileStamp(path: path) else { return nil }
            var directory: Directory
            if let known = directories[relative], known.stamp == stamp {
                directory = known
            } else {
                guard let read = Self.read(path, stamp: stamp) else { return nil }
                directory = read
            }
            if let reference, stamp.isSettled(before: reference) { kept[relative] = directory }
            let prefix = relative.isEmpty ? rootPath + "/" : path + "/"
            for name in directory.markdownFiles { found.append(prefix + name) }
            for name in directory.subdirectories.reversed() { pending.append(relative.isEmpty ? name : relative + "/" + name) }
        }
        directories = kept
        return found.sorted()
    }

    /// The entries of the directory at `path`; nil when it cannot be read or holds a link.
    private static func read(_ path: String, stamp: FileStamp) -> Directory? {
        guard let stream = opendir(path) else { return nil }
        defer { closedir(stream) }
        var subdirectories: [String] = []
        var markdownFiles: [String] = []
        while let entry = readdir(stream) {
            let name = DirectoryEntryName.of(entry)
            if name == "." || name == ".." { continue }
            guard let type = DirectoryEntryType.of(entry, atPath: path + "/" + name), type != Int32(DT_LNK) else { return nil }
            if type == Int32(DT_DIR) { subdirectories.append(name) }
            if isMarkdown(name) { markdownFiles.append(name) }
        }
        return Directory(stamp: stamp, subdirectories: subdirectories.sorted(), markdownFiles: markdownFiles.sorted())
    }

    /// Whether `name` ends in `.md` or `.markdown` (any case) after its first byte, as
    /// `URL.pathExtension` tells a Markdown file.
    static func isMarkdown(_ name: String) -> Bool {
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.utf8.startIndex else { return false }
        let suffix = name.utf8[name.utf8.index(after: dot)...]
        // Setting 0x20 lowers ASCII capitals and leaves lowercase letters: only "M"/"m" become "m".
        let lowered = suffix.lazy.map { $0 | 0x20 }
        return lowered.elementsEqual("md".utf8) || lowered.elementsEqual("markdown".utf8)
    }
}
